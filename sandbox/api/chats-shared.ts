// Helpers shared by the chat, message, mass-message and list endpoints: ids for
// written records, conversation lookup, message shapes and the invariants that
// keep a chat's summary (lastMessageAt, unreadCount) in step with its history.
import { emitEvent } from "../events";
import { HttpError, validation } from "../http";
import type { Sandbox } from "../state";
import { materialize } from "../world/messaging";
import { stableUuid } from "../world/random";
import type { Chat, CreatorWorld, MassMessage, Media, Message } from "../world/types";
import { iso } from "./common";

export const NO_CONVERSATION = "No conversation found with the given user";

const writeCounters = new WeakMap<Sandbox, number>();

/** Ids for records the API creates: derived from the seed and a per-sandbox
 * counter, so the same sequence of writes yields the same ids on every run. */
export function nextUuid(sb: Sandbox, kind: string): string {
  const n = (writeCounters.get(sb) ?? 0) + 1;
  writeCounters.set(sb, n);
  return stableUuid(sb.world.seed, `api-write:${kind}:${n}`);
}

/** The fan's chat, or Fanvue's 404 when the user is unknown or has none. */
export function conversationOr404(c: CreatorWorld, userUuid: string): Chat {
  const idx = c.fanIndex.get(userUuid);
  const chat = idx === undefined ? undefined : c.chats.get(idx);
  if (!chat) throw new HttpError(404, { message: NO_CONVERSATION });
  return chat;
}

export const messagesOf = (sb: Sandbox, c: CreatorWorld, chat: Chat) => materialize(sb.world.seed, c, chat);

/** Builds many histories at once (broadcast delivery, inbox-wide sorts).
 * `materialize()` scans every mass message's recipient array per chat, which
 * takes seconds across thousands of chats in a 100k-fan world; handing it
 * only the mass messages that reached each fan gives the same history (the
 * others add nothing and draw nothing from its random stream). It writes
 * through `chat` and `c.messageOwner` only, both shared with the copy. */
export function materializeMany(sb: Sandbox, c: CreatorWorld, chats: Iterable<Chat>) {
  const pending = [...chats].filter((chat) => chat.messages === null);
  if (pending.length < 50) {
    for (const chat of pending) messagesOf(sb, c, chat);
    return;
  }
  const byFan = new Map<number, MassMessage[]>();
  for (const mm of c.massMessages) {
    for (const fanIdx of new Set(mm.recipients)) {
      const list = byFan.get(fanIdx);
      if (list) list.push(mm);
      else byFan.set(fanIdx, [mm]);
    }
  }
  for (const chat of pending) materialize(sb.world.seed, { ...c, massMessages: byFan.get(chat.fanIdx) ?? [] }, chat);
}

/** Newest message; writes may append out of time order (late scheduled
 * broadcasts), so this goes by `sentAt`, later position winning ties. */
export function lastMessageOf(messages: readonly Message[]): Message | null {
  let best: Message | null = null;
  for (const m of messages) if (!best || m.sentAt >= best.sentAt) best = m;
  return best;
}

/** Newest first, stable for equal timestamps (later position first). */
export function newestFirst(messages: readonly Message[]): Message[] {
  return messages
    .map((m, i) => ({ m, i }))
    .sort((a, b) => b.m.sentAt - a.m.sentAt || b.i - a.i)
    .map((x) => x.m);
}

/** After removing messages the summary must point at what is left. */
export function recomputeLastMessageAt(chat: Chat) {
  const last = chat.messages ? lastMessageOf(chat.messages) : null;
  chat.lastMessageAt = last ? last.sentAt : chat.createdAt;
}

export function mediaTypeOf(c: CreatorWorld, uuid: string | undefined) {
  if (uuid === undefined) return null;
  return c.mediaIndex.get(uuid)?.mediaType ?? "unknown";
}

/** Processing uploads turn ready at `readyAt` on the sandbox clock, even if
 * nobody has looked at the vault since. */
export const isMediaReady = (m: Media, now: number) =>
  m.status === "ready" || (m.status === "processing" && m.readyAt !== null && m.readyAt <= now);

/** Messages may only carry the creator's own, ready media. */
export function assertOwnReadyMedia(sb: Sandbox, c: CreatorWorld, uuids: readonly string[]) {
  const now = sb.clock.now();
  const bad = uuids.filter((u) => {
    const m = c.mediaIndex.get(u);
    return !m || !isMediaReady(m, now);
  });
  if (bad.length) throw validation(`mediaUuids must reference your own ready media (invalid: ${bad.join(", ")})`);
}

/** A message's media type: the reference's message enum has no "unknown",
 * so media the vault no longer knows reads as null. */
function messageMediaType(c: CreatorWorld, uuids: readonly string[]) {
  const t = mediaTypeOf(c, uuids[0]);
  return t === "unknown" ? null : t;
}

export function messageItem(c: CreatorWorld, chat: Chat, m: Message) {
  const fan = c.fans[chat.fanIdx]!;
  const fanRef = { uuid: fan.uuid, handle: fan.handle };
  const creatorRef = { uuid: c.account.uuid, handle: c.account.handle };
  return {
    uuid: m.uuid,
    text: m.text,
    sentAt: iso(m.sentAt),
    sender: m.fromFan ? fanRef : creatorRef,
    recipient: m.fromFan ? creatorRef : fanRef,
    hasMedia: m.mediaUuids.length > 0,
    mediaType: messageMediaType(c, m.mediaUuids),
    mediaUuids: m.mediaUuids,
    type: m.type,
    pricing: m.price === null ? null : { USD: { price: m.price } },
    purchasedAt: iso(m.purchasedAt),
    isRead: m.isRead,
    sentByUserId: m.sentByUserId,
  };
}

export function lastMessageSummary(c: CreatorWorld, chat: Chat, m: Message | null) {
  if (!m) return null;
  return {
    uuid: m.uuid,
    text: m.text,
    type: m.type,
    sentAt: iso(m.sentAt),
    hasMedia: m.mediaUuids.length > 0,
    mediaType: messageMediaType(c, m.mediaUuids),
    senderUuid: m.fromFan ? c.fans[chat.fanIdx]!.uuid : c.account.uuid,
    // Which team member wrote it for the creator (agency sends); null otherwise.
    sentByUserId: m.sentByUserId,
  };
}

/** Marks everything the fan sent as read and announces it (§7.1) when
 * something was unread. The history is built first so the seeded unread
 * messages exist before their flag flips. */
export function markChatRead(sb: Sandbox, c: CreatorWorld, chat: Chat) {
  const messages = messagesOf(sb, c, chat);
  const count = chat.unreadCount;
  for (const m of messages) if (m.fromFan) m.isRead = true;
  chat.unreadCount = 0;
  if (count > 0) {
    emitEvent(sb, "message-read", {
      counterpartUuid: c.fans[chat.fanIdx]!.uuid,
      readMessagesCount: count,
      recipientUuid: c.account.uuid,
      timestamp: iso(sb.clock.now()),
    });
  }
}

/** "Mark as unread": the newest fan message becomes unread again. */
export function markChatUnread(sb: Sandbox, c: CreatorWorld, chat: Chat) {
  const messages = messagesOf(sb, c, chat);
  let newest: Message | null = null;
  for (const m of messages) if (m.fromFan && (!newest || m.sentAt >= newest.sentAt)) newest = m;
  if (newest && newest.isRead) {
    newest.isRead = false;
    chat.unreadCount++;
  }
  chat.unreadCount = Math.max(1, chat.unreadCount);
}

/** Boolean query flag (`true`/`false`), 400 otherwise. */
export function boolQuery(query: URLSearchParams, name: string, def: boolean): boolean {
  const v = query.get(name);
  if (v === null || v === "") return def;
  if (v === "true") return true;
  if (v === "false") return false;
  throw validation(`${name} must be one of: true, false`);
}

/** Array query params under `name` and `name[]` (both spellings circulate). */
export function arrayQuery(query: URLSearchParams, name: string): string[] {
  return [...query.getAll(name), ...query.getAll(`${name}[]`)]
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter(Boolean);
}
