// Seeds chats, custom lists, templates and mass messages, and materialises a
// chat's history on first read. Histories are generated deterministically from
// the seed and agree with the ledger: every message purchase and chat tip in
// the ledger appears in the fan's chat, at its price.
import { createRng, type Rng } from "./random";
import type { Chat, CreatorWorld, CustomList, MassMessage, Message, Template } from "./types";

const MINUTE = 60_000;
const FAN_LINES = [
  "hey 😊",
  "how was your day?",
  "loved the new set",
  "you look amazing",
  "any plans this weekend?",
  "haha that's so cute",
  "can't wait for more",
  "good morning!",
  "that video was 🔥",
  "do you do custom content?",
  "miss you",
  "just subscribed!",
];
const CREATOR_LINES = [
  "hey babe 💕",
  "thank you so much!",
  "I'm glad you liked it",
  "more coming this week 😘",
  "what would you like to see next?",
  "you're the best",
  "just finished a shoot",
  "good morning 🌞",
  "I read every message",
  "check your inbox 😉",
];
const PPV_LINES = [
  "something special just for you 🔒",
  "unlock to see the full set",
  "you asked for this one 😉",
  "exclusive clip, only for you",
];

export function seedLists(rng: Rng, fanCount: number, spend: Float64Array, createdBase: number): CustomList[] {
  const order = Array.from({ length: fanCount }, (_, i) => i).sort((a, b) => spend[b]! - spend[a]!);
  const vip = new Set(order.slice(0, Math.max(1, Math.ceil(fanCount * 0.02))).filter((i) => spend[i]! > 0));
  const regulars = new Set<number>();
  const cosplay = new Set<number>();
  for (let i = 0; i < fanCount; i++) {
    if (spend[i]! > 0 && rng.chance(0.1)) regulars.add(i);
    if (rng.chance(0.03)) cosplay.add(i);
  }
  return [
    { uuid: rng.uuid(), name: "VIP", createdAt: createdBase, members: vip },
    { uuid: rng.uuid(), name: "Regulars", createdAt: createdBase + 86_400_000, members: regulars },
    { uuid: rng.uuid(), name: "Cosplay fans", createdAt: createdBase + 2 * 86_400_000, members: cosplay },
    { uuid: rng.uuid(), name: "Do not message", createdAt: createdBase + 3 * 86_400_000, members: new Set() },
  ];
}

export function seedTemplates(rng: Rng, mediaUuids: string[]): Template[] {
  const pick = () => (mediaUuids.length ? [rng.pick(mediaUuids)] : []);
  return [
    {
      uuid: rng.uuid(),
      text: "Hey! Thanks for subscribing 💕 Let me know what you'd like to see.",
      price: null,
      mediaUuids: [],
      folderName: "Welcome",
    },
    {
      uuid: rng.uuid(),
      text: "Welcome back! Here's a little gift 🎁",
      price: null,
      mediaUuids: pick(),
      folderName: "Welcome",
    },
    { uuid: rng.uuid(), text: "Exclusive set, just for you 🔒", price: 1000, mediaUuids: pick(), folderName: "PPV" },
    { uuid: rng.uuid(), text: "The full video you asked about 😉", price: 1500, mediaUuids: pick(), folderName: "PPV" },
    {
      uuid: rng.uuid(),
      text: "Thank you for the tip! You made my day 🥰",
      price: null,
      mediaUuids: [],
      folderName: "Thanks",
    },
    {
      uuid: rng.uuid(),
      text: "Good morning! What are you up to today?",
      price: null,
      mediaUuids: [],
      folderName: null,
    },
  ];
}

/** Past broadcasts to smart lists; recipients are fixed at send time. */
export function seedMassMessages(
  rng: Rng,
  start: number,
  anchor: number,
  audience: (listId: string, at: number) => number[],
  mediaUuids: string[],
): MassMessage[] {
  const out: MassMessage[] = [];
  const count = 14;
  for (let k = 0; k < count; k++) {
    const sentAt = start + Math.floor(((k + 0.5 + rng.next() * 0.4) / count) * (anchor - start));
    const list = rng.pick(["subscribers", "subscribers", "followers", "auto_renewing", "expired_subscribers"]);
    const ppv = mediaUuids.length > 0 && rng.chance(0.5);
    out.push({
      uuid: rng.uuid(),
      text: ppv
        ? rng.pick(PPV_LINES)
        : rng.pick([
            "New set is live! 📸",
            "Happy weekend! 💕",
            "Thank you for being here 🥰",
            "Big announcement coming tomorrow 👀",
          ]),
      mediaUuids: ppv ? [rng.pick(mediaUuids)] : [],
      price: ppv ? rng.pick([500, 800, 1000, 1500]) : null,
      includedLists: { smartListUuids: [list], customListUuids: [] },
      excludedLists: { smartListUuids: [], customListUuids: [] },
      createdAt: sentAt - 10 * MINUTE,
      scheduledAt: null,
      sentAt,
      deletedAt: null,
      recipients: audience(list, sentAt),
      sentByUserId: null,
    });
  }
  // One scheduled for tomorrow evening.
  out.push({
    uuid: rng.uuid(),
    text: "Weekend special coming your way 💌",
    mediaUuids: [],
    price: null,
    includedLists: { smartListUuids: ["subscribers"], customListUuids: [] },
    excludedLists: { smartListUuids: [], customListUuids: [] },
    createdAt: anchor - 2 * 3_600_000,
    scheduledAt: anchor + 30 * 3_600_000,
    sentAt: null,
    deletedAt: null,
    recipients: [],
    sentByUserId: null,
  });
  return out;
}

/** Chat summaries: every fan with a message-related ledger row or a
 * broadcast purchase has a chat, plus a sample of the rest. The history is
 * generated on first read (materialize). */
export function seedChats(rng: Rng, c: CreatorWorld, anchor: number): Map<number, Chat> {
  const chats = new Map<number, Chat>();
  const cap = 4000;
  const ledger = c.ledger;
  const lastRowAt = new Map<number, number>();
  for (let i = 0; i < ledger.length; i++) {
    const ref = ledger.refs.get(i);
    const fanIdx = ledger.fanIdx[i]!;
    if (fanIdx < 0 || !ref) continue;
    const source = ledger.row(i).source;
    if (source === "message" || (source === "tip" && !c.postIndex.has(ref))) {
      lastRowAt.set(fanIdx, Math.max(lastRowAt.get(fanIdx) ?? 0, ledger.at[i]!));
    }
  }
  const candidates = new Set<number>(lastRowAt.keys());
  for (let i = 0; i < c.fans.length && candidates.size < cap; i++) {
    const r = c.relations[i]!;
    if (r.status === "subscriber" ? rng.chance(0.35) : rng.chance(0.05)) candidates.add(i);
  }
  for (const fanIdx of candidates) {
    const r = c.relations[fanIdx]!;
    const createdAt = Math.max(r.followedAt, (r.subscribedAt ?? r.followedAt) + MINUTE);
    const recent = anchor - Math.floor(Math.pow(rng.next(), 2) * (anchor - createdAt));
    const lastMessageAt = Math.max(recent, (lastRowAt.get(fanIdx) ?? 0) + 10 * MINUTE, createdAt + MINUTE);
    const unread = rng.chance(0.18) ? rng.int(1, 4) : 0;
    chats.set(fanIdx, {
      fanIdx,
      createdAt,
      lastMessageAt: Math.min(lastMessageAt, anchor),
      isMuted: rng.chance(0.03),
      unreadCount: unread,
      messages: null,
    });
  }
  return chats;
}

function msg(rng: Rng, fromFan: boolean, sentAt: number, text: string | null, extra: Partial<Message> = {}): Message {
  return {
    uuid: rng.uuid(),
    text,
    sentAt,
    fromFan,
    mediaUuids: [],
    type: "SINGLE_RECIPIENT",
    price: null,
    purchasedAt: null,
    isRead: true,
    sentByUserId: null,
    massMessageUuid: null,
    ...extra,
  };
}

type Indexes = {
  key: string;
  ready: string[];
  massByUuid: Map<string, MassMessage>;
  massByFan: Map<number, MassMessage[]>;
};
const indexCache = new WeakMap<CreatorWorld, Indexes>();

/** Per-creator lookups shared by every materialisation (a 100k-fan world
 * materialises tens of thousands of chats; scanning broadcast recipient
 * lists per chat made that quadratic). Rebuilt when media or broadcasts change. */
function indexes(c: CreatorWorld): Indexes {
  const key = `${c.media.length}:${c.massMessages.length}:${c.massMessages.reduce((n, m) => n + m.recipients.length, 0)}`;
  const cached = indexCache.get(c);
  if (cached && cached.key === key) return cached;
  const massByFan = new Map<number, MassMessage[]>();
  for (const mm of c.massMessages) {
    for (const fanIdx of mm.recipients) {
      let list = massByFan.get(fanIdx);
      if (!list) massByFan.set(fanIdx, (list = []));
      list.push(mm);
    }
  }
  const built: Indexes = {
    key,
    ready: c.media.filter((m) => m.status === "ready" && m.mediaType !== "document").map((m) => m.uuid),
    massByUuid: new Map(c.massMessages.map((m) => [m.uuid, m])),
    massByFan,
  };
  indexCache.set(c, built);
  return built;
}

/** Builds (once) and returns the chat's messages, oldest first. */
export function materialize(seed: string, c: CreatorWorld, chat: Chat): Message[] {
  if (chat.messages) return chat.messages;
  const rng = createRng(`${seed}:chat:${c.account.uuid}:${chat.fanIdx}`);
  const { ready, massByUuid, massByFan } = indexes(c);
  const out: Message[] = [];
  const ledger = c.ledger;
  const purchasedMass = new Map<string, number>();
  for (const i of ledger.rowsOfFan(chat.fanIdx)) {
    const row = ledger.row(i);
    if (!row.ref) continue;
    if (row.source === "message") {
      if (massByUuid.has(row.ref)) {
        purchasedMass.set(row.ref, row.at);
        continue;
      }
      const sentAt = Math.max(chat.createdAt, row.at - rng.int(5, 600) * MINUTE);
      const media = ready.length ? Array.from({ length: rng.int(1, 3) }, () => rng.pick(ready)) : [];
      out.push({
        ...msg(rng, false, sentAt, rng.pick(PPV_LINES), {
          mediaUuids: [...new Set(media)],
          price: row.gross,
          purchasedAt: row.at,
        }),
        uuid: row.ref,
        fromFan: false,
      });
      if (rng.chance(0.5))
        out.push(
          msg(rng, true, row.at + rng.int(1, 30) * MINUTE, rng.pick(["unlocked it 😍", "worth it", "wow", "🔥🔥"])),
        );
    } else if (row.source === "tip" && !c.postIndex.has(row.ref)) {
      out.push({ ...msg(rng, true, row.at, "Sent you a tip 💸", { type: "TIP" }), uuid: row.ref });
      out.push(msg(rng, false, row.at + rng.int(2, 120) * MINUTE, "Thank you so much for the tip! 🥰"));
    }
  }
  for (const mm of massByFan.get(chat.fanIdx) ?? []) {
    if (mm.sentAt === null || mm.deletedAt !== null) continue;
    out.push({
      ...msg(rng, false, mm.sentAt, mm.text, {
        type: "BROADCAST",
        mediaUuids: mm.mediaUuids,
        price: mm.price,
        purchasedAt: purchasedMass.get(mm.uuid) ?? null,
        massMessageUuid: mm.uuid,
      }),
      uuid: mm.uuid,
    });
  }
  // Small talk between the first and the last message.
  const n = rng.int(2, 14);
  const span = Math.max(MINUTE, chat.lastMessageAt - chat.createdAt);
  for (let k = 0; k < n; k++) {
    const fromFan = k % 2 === 0;
    out.push(
      msg(
        rng,
        fromFan,
        chat.createdAt + Math.floor(((k + rng.next()) / (n + 1)) * span),
        rng.pick(fromFan ? FAN_LINES : CREATOR_LINES),
      ),
    );
  }
  out.sort((a, b) => a.sentAt - b.sentAt);
  // The newest messages end exactly at lastMessageAt: the fan's unread ones,
  // or a last word from either side.
  const tail = Math.max(1, chat.unreadCount);
  const before = chat.lastMessageAt - (tail + 1) * MINUTE;
  for (const m of out) if (m.sentAt > before) m.sentAt = before;
  for (let k = 0; k < tail; k++) {
    const fromFan = chat.unreadCount > 0 || rng.chance(0.3);
    const at = chat.lastMessageAt - (tail - 1 - k) * MINUTE;
    out.push(
      msg(rng, fromFan, at, rng.pick(fromFan ? FAN_LINES : CREATOR_LINES), {
        isRead: !(chat.unreadCount > 0 && fromFan),
      }),
    );
  }
  for (const m of out) c.messageOwner.set(m.uuid, chat.fanIdx);
  chat.messages = out;
  return out;
}

/** Adds a message to a fan's chat (creating the chat if needed), keeping the
 * summary fields (last message time, unread count) in step. */
export function appendMessage(seed: string, c: CreatorWorld, fanIdx: number, m: Message): Chat {
  let chat = c.chats.get(fanIdx);
  if (!chat) {
    chat = { fanIdx, createdAt: m.sentAt, lastMessageAt: m.sentAt, isMuted: false, unreadCount: 0, messages: [] };
    c.chats.set(fanIdx, chat);
  }
  const messages = materialize(seed, c, chat);
  messages.push(m);
  chat.lastMessageAt = Math.max(chat.lastMessageAt, m.sentAt);
  if (m.fromFan && !m.isRead) chat.unreadCount++;
  c.messageOwner.set(m.uuid, fanIdx);
  return chat;
}

/** A new message object with defaults (sandbox-generated uuid). */
export function newMessage(uuid: string, fields: Partial<Message> & { sentAt: number; fromFan: boolean }): Message {
  return {
    uuid,
    text: null,
    mediaUuids: [],
    type: "SINGLE_RECIPIENT",
    price: null,
    purchasedAt: null,
    isRead: true,
    sentByUserId: null,
    massMessageUuid: null,
    ...fields,
  };
}
