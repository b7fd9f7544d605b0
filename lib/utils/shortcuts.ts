// Keyboard shortcuts: "g" then a letter goes to a page (g e → Earnings), as
// in Gmail, GitHub and Linear. The letter belongs to the page's last path
// segment, so a page keeps its letter wherever it sits in the menu; a page
// with no letter is still in the command palette.

/** Last path segment → letter. "" is a creator's or workspace's own page (its overview). */
export const GO_LETTERS: Record<string, string> = {
  "": "o",
  earnings: "e",
  chats: "c",
  inbox: "i",
  fans: "f",
  posts: "p",
  vault: "v",
  "mass-messages": "m",
  automations: "u",
  "best-times": "b",
  retention: "r",
  trends: "s",
  links: "l",
  performance: "x",
  payouts: "y",
  team: "t",
  activity: "a",
};

export type GoTarget = { letter: string; href: string; label: string };

const segmentOf = (href: string) => {
  const parts = href.split("/").filter(Boolean); // ["c", id, "earnings"]
  return parts.length <= 2 ? "" : parts.slice(2).join("/");
};

/** One target per letter from the menu's items, in the menu's order: the open creator's page wins over the
 * agency-wide one ("/c/…/earnings" over "All earnings"), as the creator's pages are the ones in view. */
export function goTargets(items: { href: string; label: string; ready: boolean }[]): GoTarget[] {
  const out = new Map<string, GoTarget & { at: number }>();
  items.forEach((i, at) => {
    const letter = i.ready ? GO_LETTERS[segmentOf(i.href)] : undefined;
    if (!letter) return;
    const taken = out.get(letter);
    if (!taken || (i.href.startsWith("/c/") && !taken.href.startsWith("/c/")))
      out.set(letter, { letter, href: i.href, label: i.label, at });
  });
  // In the menu's order, as the keyboard map lists them.
  return [...out.values()].sort((a, b) => a.at - b.at).map(({ letter, href, label }) => ({ letter, href, label }));
}

/** Keys typed into a field are text, not shortcuts. */
export const isTyping = (t: EventTarget | null) =>
  typeof HTMLElement !== "undefined" &&
  t instanceof HTMLElement &&
  (t.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(t.tagName));
