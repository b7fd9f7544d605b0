// /__sandbox/simulate/* — fan activity on demand, the way tests make things
// happen: each action changes the world exactly as the real event would (chat
// message, ledger row, relation) and emits the matching platform event.
import { emitEvent, type PlatformEvent } from "./events";
import { badRequest, conflict, jsonBody, notFound, send, type Ctx, type Router } from "./http";
import { busiestChatFan, creatorByHandle, fanIdxOf } from "./simulate-lookup";
import type { Sandbox } from "./state";
import { messageReceived, newFollower, newSubscriber, purchaseReceived, tipReceived } from "./webhooks-payloads";
import { appendMessage, materialize, newMessage } from "./world/messaging";
import { stableUuid } from "./world/random";
import type { CreatorWorld, Relation } from "./world/types";

const DAY = 86_400_000;
/** Fanvue keeps 20 %, as in the seeded ledger. */
const netOf = (gross: number) => Math.round(gross * 0.8);
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const counters = new WeakMap<Sandbox, number>();
/** Deterministic ids: the same sequence of simulations yields the same uuids. */
function nextUuid(sb: Sandbox, kind: string) {
  const n = (counters.get(sb) ?? 0) + 1;
  counters.set(sb, n);
  return stableUuid(sb.world.seed, `simulate:${kind}:${n}`);
}

function text(value: unknown, name: string, max: number): string {
  if (typeof value !== "string" || value.trim().length === 0 || value.length > max)
    throw badRequest(`${name} must be a string of 1 to ${max} characters`);
  return value;
}

function requireFan(c: CreatorWorld, ref: unknown, fallback: () => number | undefined, what: string): number {
  const idx = fanIdxOf(c, ref) ?? fallback();
  if (idx === undefined) throw badRequest(`@${c.account.handle} has no ${what}; pass fan`);
  return idx;
}

function finish(
  sb: Sandbox,
  ctx: Ctx,
  event: PlatformEvent,
  payload: Record<string, unknown>,
  extra: Record<string, unknown>,
) {
  emitEvent(sb, event, payload);
  send(ctx, 201, { ...extra, event, payload });
}

const FORCED_STATUSES = ["SENDING", "FAILED", "MODERATED"] as const;

export function registerSimulate(open: Router, sb: Sandbox) {
  const seed = sb.world.seed;

  // States Fanvue reports for a mass message that the sandbox never reaches by
  // itself: `{status: SENDING | FAILED | MODERATED}`, or `null` to clear.
  open.post("/__sandbox/mass-messages/:uuid/status", (ctx) => {
    const body = jsonBody(ctx);
    const status = body.status;
    if (status !== null && !FORCED_STATUSES.includes(status as (typeof FORCED_STATUSES)[number]))
      throw badRequest(`status must be one of ${FORCED_STATUSES.join(", ")} or null`);
    for (const c of sb.world.creators.values()) {
      const mm = c.massMessages.find((m) => m.uuid === ctx.params.uuid);
      if (!mm) continue;
      if (status === null) delete mm.forcedStatus;
      else mm.forcedStatus = status as (typeof FORCED_STATUSES)[number];
      send(ctx, 200, { uuid: mm.uuid, status: mm.forcedStatus ?? null });
      return;
    }
    throw notFound("no such mass message");
  });

  open.post("/__sandbox/simulate/message", (ctx) => {
    const body = jsonBody(ctx);
    const c = creatorByHandle(sb, body.creator);
    const msgText = text(body.text, "text", 5000);
    const fanIdx = requireFan(c, body.fan, () => busiestChatFan(c), "chat");
    const now = sb.clock.now();
    const m = newMessage(nextUuid(sb, "message"), { sentAt: now, fromFan: true, text: msgText, isRead: false });
    appendMessage(seed, c, fanIdx, m);
    finish(sb, ctx, "message-received", messageReceived(c, fanIdx, m, now), {
      messageUuid: m.uuid,
      fanUuid: c.fans[fanIdx]!.uuid,
    });
  });

  open.post("/__sandbox/simulate/tip", (ctx) => {
    const body = jsonBody(ctx);
    const c = creatorByHandle(sb, body.creator);
    const amount = body.amount;
    if (typeof amount !== "number" || !Number.isInteger(amount) || amount < 100 || amount > 1_000_000)
      throw badRequest("amount must be an integer number of cents between 100 and 1000000");
    let postUuid: string | null = null;
    if (body.postUuid !== undefined && body.postUuid !== null) {
      if (typeof body.postUuid !== "string" || !UUID_RE.test(body.postUuid))
        throw badRequest("postUuid must be a UUID");
      const post = c.postIndex.get(body.postUuid.toLowerCase());
      if (!post || post.publishedAt === null)
        throw notFound(`@${c.account.handle} has no published post ${body.postUuid}`);
      postUuid = post.uuid;
    }
    const fanIdx = requireFan(c, body.fan, () => busiestChatFan(c), "chat");
    const now = sb.clock.now();
    const ref = postUuid ?? nextUuid(sb, "tip");
    // `net` (optional): what the creator keeps, in cents, a fraction allowed;
    // Fanvue's reference types money as `number`, so clients must cope.
    const net = body.net === undefined ? netOf(amount) : body.net;
    if (typeof net !== "number" || !Number.isFinite(net) || net < 0 || net > amount)
      throw badRequest("net must be a number of cents between 0 and amount");
    const row = c.ledger.append(now, amount, net, "tip", fanIdx, ref);
    // A chat tip is a TIP message in the conversation, as in seeded histories.
    if (!postUuid)
      appendMessage(
        seed,
        c,
        fanIdx,
        newMessage(ref, { sentAt: now, fromFan: true, text: "Sent you a tip 💸", type: "TIP", isRead: false }),
      );
    const context = postUuid ? "post" : "message";
    finish(sb, ctx, "tip-received", tipReceived(c, fanIdx, context, ref, amount, now), {
      fanUuid: c.fans[fanIdx]!.uuid,
      transactionOrderId: c.ledger.row(row).orderId,
      [context === "post" ? "postUuid" : "messageUuid"]: ref,
    });
  });

  open.post("/__sandbox/simulate/subscribe", (ctx) => {
    const body = jsonBody(ctx);
    const c = creatorByHandle(sb, body.creator);
    if (body.autoRenew !== undefined && typeof body.autoRenew !== "boolean")
      throw badRequest("autoRenew must be a boolean");
    const fanIdx = requireFan(
      c,
      body.fan,
      () => {
        const i = c.relations.findIndex((r) => r.status === "follower" && r.contactable);
        return i >= 0 ? i : undefined;
      },
      "follower left to subscribe",
    );
    const rel = c.relations[fanIdx]!;
    if (rel.status === "subscriber") throw conflict("fan is already a subscriber");
    const now = sb.clock.now();
    // A returning (expired) fan starts a fresh subscription.
    const fresh: Partial<Relation> = {
      status: "subscriber",
      subscribedAt: now,
      renewsAt: now + 30 * DAY,
      expiredAt: null,
      autoRenew: (body.autoRenew as boolean | undefined) ?? true,
      onFreeTrial: false,
    };
    Object.assign(rel, fresh);
    const row = c.ledger.append(now, c.subscriptionPrice, netOf(c.subscriptionPrice), "subscription", fanIdx, null);
    finish(sb, ctx, "new-subscriber", newSubscriber(c, fanIdx, c.subscriptionPrice, now), {
      fanUuid: c.fans[fanIdx]!.uuid,
      transactionOrderId: c.ledger.row(row).orderId,
    });
  });

  open.post("/__sandbox/simulate/follow", (ctx) => {
    const body = jsonBody(ctx);
    const c = creatorByHandle(sb, body.creator);
    const idx = c.fans.length;
    const handle = body.handle === undefined ? `newfan${idx}` : text(body.handle, "handle", 30);
    if (!/^[a-z0-9_.]+$/i.test(handle)) throw badRequest("handle may only contain letters, digits, _ and .");
    if (c.fans.some((f) => f.handle === handle)) throw conflict(`@${handle} already follows @${c.account.handle}`);
    const displayName = body.displayName === undefined ? `New Fan ${idx}` : text(body.displayName, "displayName", 60);
    const now = sb.clock.now();
    const uuid = nextUuid(sb, "fan");
    c.fans.push({
      uuid,
      handle,
      displayName,
      registeredAt: now,
      isTopSpender: false,
      avatarUrl: null,
      lastSeenAt: now,
      isOnline: true,
    });
    c.relations.push({
      status: "follower",
      followedAt: now,
      subscribedAt: null,
      renewsAt: null,
      expiredAt: null,
      autoRenew: false,
      onFreeTrial: false,
      contactable: true,
      nickname: null,
      trackingLinkUuid: null,
    });
    c.fanIndex.set(uuid, idx);
    finish(sb, ctx, "new-follower", newFollower(c, idx, now), { fanUuid: uuid, handle });
  });

  open.post("/__sandbox/simulate/purchase", (ctx) => {
    const body = jsonBody(ctx);
    const c = creatorByHandle(sb, body.creator);
    if (body.fan === undefined || body.fan === null) throw badRequest("fan is required");
    const fanIdx = fanIdxOf(c, body.fan)!;
    const hasMessage = body.messageUuid !== undefined && body.messageUuid !== null;
    const hasPost = body.postUuid !== undefined && body.postUuid !== null;
    if (hasMessage === hasPost) throw badRequest("pass exactly one of messageUuid or postUuid");
    const id = hasMessage ? body.messageUuid : body.postUuid;
    if (typeof id !== "string" || !UUID_RE.test(id))
      throw badRequest(`${hasMessage ? "messageUuid" : "postUuid"} must be a UUID`);
    const uuid = id.toLowerCase();
    const now = sb.clock.now();
    const fanUuid = c.fans[fanIdx]!.uuid;
    if (hasMessage) {
      const chat = c.chats.get(fanIdx);
      const m = chat ? materialize(seed, c, chat).find((x) => x.uuid === uuid) : undefined;
      if (!m) throw notFound(`no message ${uuid} in the chat with ${fanUuid}`);
      if (m.fromFan || m.price === null) throw badRequest("message is not a pay-to-view message from the creator");
      if (m.purchasedAt !== null) throw conflict("message is already purchased");
      m.purchasedAt = now;
      const row = c.ledger.append(now, m.price, netOf(m.price), "message", fanIdx, m.uuid);
      finish(sb, ctx, "purchase-received", purchaseReceived(c, fanIdx, { routeUuid: m.uuid }, m.price, now), {
        fanUuid,
        messageUuid: m.uuid,
        transactionOrderId: c.ledger.row(row).orderId,
      });
      return;
    }
    const post = c.postIndex.get(uuid);
    if (!post) throw notFound(`@${c.account.handle} has no post ${uuid}`);
    if (post.price === null || post.publishedAt === null) throw badRequest("post is not a published pay-to-view post");
    const l = c.ledger;
    if (l.rowsOfRef(post.uuid).some((i) => l.fanIdx[i] === fanIdx && l.row(i).source === "post"))
      throw conflict("fan already purchased this post");
    const row = l.append(now, post.price, netOf(post.price), "post", fanIdx, post.uuid);
    finish(sb, ctx, "purchase-received", purchaseReceived(c, fanIdx, { postUuid: post.uuid }, post.price, now), {
      fanUuid,
      postUuid: post.uuid,
      transactionOrderId: l.row(row).orderId,
    });
  });
}
