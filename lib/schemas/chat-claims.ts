import { z } from "zod";

// Chat ownership: who holds a chat (a claim, or a manager's assignment) and
// who has it open or is typing. The rules are in lib/server/chats/claims.ts.

export const PRESENCE_STATES = ["viewing", "typing"] as const;
export type PresenceState = (typeof PRESENCE_STATES)[number];

export const heartbeatBodySchema = z.object({ state: z.enum(PRESENCE_STATES) });
export const claimBodySchema = z.object({
  /** A manager taking over a chat someone else holds (needs chats:assign). */
  takeOver: z.boolean().optional(),
});
export const assignBodySchema = z.object({ userId: z.string().min(1).max(64) });

export type ChatHolder = {
  userId: string;
  name: string;
  claimedAt: string;
  lastActiveAt: string;
  /** A manager's assignment (does not lapse); null: the member claimed it. */
  assignedBy: string | null;
  /** When the claim lapses without activity by the holder; null: never (assigned). */
  lapsesAt: string | null;
};

export type ChatPresenceView = { userId: string; name: string; state: PresenceState; seenAt: string };

export type ChatOwnership = {
  /** The fresh claim or assignment; null when nobody holds the chat. */
  holder: ChatHolder | null;
  /** Members other than the caller with the chat open, freshest first. */
  present: ChatPresenceView[];
  /** The caller's user id (to tell "you" from others). */
  you: string;
  /** The caller may assign the chat or take it over (chats:assign). */
  canAssign: boolean;
  /** Who it can be assigned to (members working on this creator); empty without chats:assign. */
  members: { userId: string; name: string }[];
};

/** What the conversation header says, from the caller's point of view:
 * the holder first (typing when they are), then anyone else typing or looking. */
export function ownershipLine(o: ChatOwnership): { text: string; mine: boolean; also: string | null } | null {
  const typing = o.present.find((p) => p.state === "typing");
  const h = o.holder;
  if (h) {
    const mine = h.userId === o.you;
    const other = typing && typing.userId !== h.userId ? `${typing.name} is typing too` : null;
    if (!mine && typing?.userId === h.userId) return { text: `${h.name} is typing…`, mine, also: null };
    if (h.assignedBy) return { text: mine ? "Assigned to you" : `Assigned to ${h.name}`, mine, also: other };
    return { text: mine ? "You are answering" : `${h.name} is answering`, mine, also: other };
  }
  if (typing) return { text: `${typing.name} is typing…`, mine: false, also: null };
  const viewing = o.present[0];
  return viewing ? { text: `${viewing.name} has this chat open`, mine: false, also: null } : null;
}
