// Delivery and unsending of mass messages. A broadcast becomes one BROADCAST
// copy per recipient chat whose uuid is the mass message's uuid (the same
// convention the seeded history and the ledger's purchase refs use).
//
// Why every recipient chat is materialised before `sentAt` is set:
// `materialize()` also derives broadcasts from `c.massMessages`, but it pins the
// newest generated messages to the chat's `lastMessageAt` and clamps anything
// later below them. A chat left unmaterialised would therefore show the new
// broadcast *before* an invented last message. Building the history first and
// appending the copy keeps the chat list, the message list and the ledger in
// agreement. For the same reason a recipient without a chat gets one whose
// history is just the copy (not `messages: null`, which would invent small
// talk around the broadcast).
import type { Sandbox } from "../state";
import { resolveAudience } from "../world/queries";
import type { CreatorWorld, MassMessage } from "../world/types";
import { materializeMany, messagesOf, recomputeLastMessageAt } from "./chats-shared";

export function deliverMassMessage(sb: Sandbox, c: CreatorWorld, mm: MassMessage, at: number) {
  const recipients = resolveAudience(c, mm.includedLists, mm.excludedLists);
  materializeMany(
    sb,
    c,
    recipients.flatMap((fanIdx) => c.chats.get(fanIdx) ?? []),
  );
  mm.sentAt = at;
  mm.recipients = recipients;
  if (!c.massMessages.includes(mm)) c.massMessages.push(mm);
  for (const fanIdx of recipients) {
    const copy = {
      uuid: mm.uuid,
      text: mm.text,
      sentAt: at,
      fromFan: false,
      mediaUuids: [...mm.mediaUuids],
      type: "BROADCAST" as const,
      price: mm.price,
      purchasedAt: null,
      isRead: false,
      sentByUserId: mm.sentByUserId,
      massMessageUuid: mm.uuid,
    };
    const chat = c.chats.get(fanIdx);
    if (chat) {
      chat.messages!.push(copy);
      chat.lastMessageAt = Math.max(chat.lastMessageAt, at);
    } else {
      c.chats.set(fanIdx, {
        fanIdx,
        createdAt: at,
        lastMessageAt: at,
        isMuted: false,
        unreadCount: 0,
        messages: [copy],
      });
    }
    c.messageOwner.set(mm.uuid, fanIdx);
  }
}

/** Sends scheduled mass messages whose time has come on the sandbox clock.
 * Called at the start of every chat-related request for the creator; other
 * modules reading chats directly can call it too. */
export function processDueMassMessages(sb: Sandbox, c: CreatorWorld) {
  const now = sb.clock.now();
  const due = c.massMessages
    .filter((m) => m.sentAt === null && m.deletedAt === null && m.scheduledAt !== null && m.scheduledAt <= now)
    .sort((a, b) => a.scheduledAt! - b.scheduledAt!);
  for (const mm of due) deliverMassMessage(sb, c, mm, mm.scheduledAt!);
}

/** Unsend: scheduled ones are cancelled; sent copies disappear from chats
 * except those already bought, which stay available to their buyers. */
export function unsendMassMessage(sb: Sandbox, c: CreatorWorld, mm: MassMessage) {
  if (mm.deletedAt !== null) return;
  if (mm.sentAt !== null) {
    const buyers = new Set<number>();
    for (const i of c.ledger.rowsOfRef(mm.uuid)) buyers.add(c.ledger.fanIdx[i]!);
    materializeMany(
      sb,
      c,
      mm.recipients.flatMap((fanIdx) => c.chats.get(fanIdx) ?? []),
    );
    for (const fanIdx of mm.recipients) {
      const chat = c.chats.get(fanIdx);
      if (!chat) continue;
      const messages = messagesOf(sb, c, chat);
      const keep = messages.filter(
        (m) => m.massMessageUuid !== mm.uuid || m.purchasedAt !== null || buyers.has(fanIdx),
      );
      if (keep.length === messages.length) continue;
      chat.messages = keep;
      recomputeLastMessageAt(chat);
    }
  }
  mm.deletedAt = sb.clock.now();
}
