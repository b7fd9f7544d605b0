import { z } from "zod";

export * from "./chat-claims-values";

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
