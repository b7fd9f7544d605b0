import type { ChatOwnership } from "./chat-claims";

// The chat-claims values client code needs at run time, without zod (./chat-claims.ts, the
// schemas, re-exports them): client bundles stay free of the schema library.

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
