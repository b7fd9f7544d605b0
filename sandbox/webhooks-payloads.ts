// Payloads of the six platform events (contract §7.1), camelCase and without
// a type field, as documented. Simulated activity builds them from the state
// it just changed; on-demand delivery builds them from existing data.
import { badRequest } from "./http";
import { refKind } from "./api/insights-rows";
import type { PlatformEvent } from "./events";
import { busiestChatFan, fanIdxOf, latestRow } from "./simulate-lookup";
import { materialize } from "./world/messaging";
import { isSubscriber } from "./world/queries";
import { stableUuid } from "./world/random";
import type { CreatorWorld, Message } from "./world/types";

export const EVENTS: readonly PlatformEvent[] = [
  "message-received",
  "message-read",
  "new-follower",
  "new-subscriber",
  "purchase-received",
  "tip-received",
];

const iso = (ms: number) => new Date(ms).toISOString();

export function senderOf(c: CreatorWorld, fanIdx: number) {
  const f = c.fans[fanIdx]!;
  return { uuid: f.uuid, handle: f.handle, displayName: f.displayName, avatarUrl: f.avatarUrl };
}

export function messageReceived(c: CreatorWorld, fanIdx: number, m: Message, now: number) {
  return {
    messageUuid: m.uuid,
    message: {
      uuid: m.uuid,
      text: m.text,
      hasMedia: m.mediaUuids.length > 0,
      mediaUuids: m.mediaUuids,
      price: m.price,
      createdAt: iso(m.sentAt),
    },
    sender: senderOf(c, fanIdx),
    recipientUuid: c.account.uuid,
    isMuted: c.chats.get(fanIdx)?.isMuted ?? false,
    timestamp: iso(now),
  };
}

export const messageRead = (c: CreatorWorld, fanIdx: number, readMessagesCount: number, now: number) => ({
  counterpartUuid: c.fans[fanIdx]!.uuid,
  readMessagesCount,
  recipientUuid: c.account.uuid,
  timestamp: iso(now),
});

export const newFollower = (c: CreatorWorld, fanIdx: number, now: number) => ({
  recipientUuid: c.account.uuid,
  sender: senderOf(c, fanIdx),
  timestamp: iso(now),
});

export const newSubscriber = (c: CreatorWorld, fanIdx: number, price: number, now: number) => ({
  price,
  recipientUuid: c.account.uuid,
  sender: senderOf(c, fanIdx),
  timestamp: iso(now),
});

/** `postUuid` for a post purchase, `routeUuid` (the message) for a message unlock. */
export function purchaseReceived(
  c: CreatorWorld,
  fanIdx: number,
  target: { postUuid: string } | { routeUuid: string },
  price: number,
  now: number,
) {
  return { ...target, price, recipientUuid: c.account.uuid, sender: senderOf(c, fanIdx), timestamp: iso(now) };
}

export function tipReceived(
  c: CreatorWorld,
  fanIdx: number,
  context: "post" | "message",
  ref: string,
  price: number,
  now: number,
) {
  return {
    context,
    ...(context === "post" ? { postUuid: ref } : { messageUuid: ref }),
    recipientUuid: c.account.uuid,
    senderUuid: c.fans[fanIdx]!.uuid,
    price,
    sender: senderOf(c, fanIdx),
    timestamp: iso(now),
  };
}

/** A realistic payload for `event` from existing data, without changing the
 * world (beyond materialising a chat history, which is deterministic). */
export function samplePayload(
  seed: string,
  c: CreatorWorld,
  event: PlatformEvent,
  fanRef: unknown,
  now: number,
): Record<string, unknown> {
  const given = fanIdxOf(c, fanRef);
  const anyFan = () => given ?? busiestChatFan(c) ?? 0;
  if (c.fans.length === 0) throw badRequest(`@${c.account.handle} has no fans`);
  switch (event) {
    case "message-received": {
      const fanIdx = anyFan();
      const chat = c.chats.get(fanIdx);
      const fromFan = chat ? materialize(seed, c, chat).filter((m) => m.fromFan) : [];
      const m = fromFan[fromFan.length - 1] ?? {
        uuid: stableUuid(seed, `sample-message:${c.account.uuid}:${fanIdx}`),
        text: "hey 😊",
        mediaUuids: [],
        price: null,
        sentAt: now,
      };
      return messageReceived(c, fanIdx, m as Message, now);
    }
    case "message-read": {
      const fanIdx = anyFan();
      return messageRead(c, fanIdx, Math.max(1, c.chats.get(fanIdx)?.unreadCount ?? 0), now);
    }
    case "new-follower": {
      let fanIdx = given;
      if (fanIdx === undefined) {
        fanIdx = 0;
        c.relations.forEach((r, i) => {
          if (r.followedAt > c.relations[fanIdx!]!.followedAt) fanIdx = i;
        });
      }
      return newFollower(c, fanIdx, now);
    }
    case "new-subscriber": {
      const subs = c.relations.map((r, i) => (isSubscriber(r) ? i : -1)).filter((i) => i >= 0);
      const fanIdx =
        given ?? subs.sort((a, b) => c.relations[b]!.subscribedAt! - c.relations[a]!.subscribedAt!)[0] ?? 0;
      return newSubscriber(c, fanIdx, c.subscriptionPrice, now);
    }
    case "purchase-received": {
      const i = latestRow(c, ["message", "post"], given);
      if (i === undefined)
        throw badRequest("no purchase to describe: pass a fan with purchases or use /__sandbox/simulate/purchase");
      const r = c.ledger.row(i);
      const target = r.source === "post" ? { postUuid: r.ref! } : { routeUuid: r.ref! };
      return purchaseReceived(c, r.fanIdx, target, r.gross, now);
    }
    case "tip-received": {
      const i = latestRow(c, ["tip"], given);
      if (i === undefined) throw badRequest("no tip to describe: pass a fan with tips or use /__sandbox/simulate/tip");
      const r = c.ledger.row(i);
      return tipReceived(
        c,
        r.fanIdx,
        refKind(c, "tip", r.ref) ?? "message",
        r.ref ?? stableUuid(seed, `tip:${i}`),
        r.gross,
        now,
      );
    }
  }
}
