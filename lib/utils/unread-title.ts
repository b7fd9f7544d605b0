/** Unread chats across every creator the user may read chats of (the switcher's counts); null ones are not known yet. */
export function totalUnread(byCreator: Record<string, number | null> | undefined): number {
  if (!byCreator) return 0;
  return Object.values(byCreator).reduce<number>((sum, n) => sum + (n && n > 0 ? n : 0), 0);
}

/** A "(3) " the tab title may already carry (ours, from an earlier count). */
const PREFIX = /^\(\d+\+?\) /;

/** Above this the title says "99+", like the switcher's badges. */
const MAX_SHOWN = 99;

/**
 * The tab title with the unread count in front: "(3) Chats · Vuedeck"; the
 * page's own title (from its metadata template) when nothing is unread.
 * Idempotent: a title that already carries a count gets the new one.
 */
export function titleWithUnread(title: string, unread: number): string {
  const bare = title.replace(PREFIX, "");
  if (unread <= 0) return bare;
  return `(${unread > MAX_SHOWN ? `${MAX_SHOWN}+` : unread}) ${bare}`;
}
