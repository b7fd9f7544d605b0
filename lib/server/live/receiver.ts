import "server-only";
import { noteFanMessage } from "@/lib/server/agency/response-times";
import { fireAndMark } from "@/lib/server/automations/fire";
import { createHash } from "node:crypto";
import type { Prisma, WebhookEvent } from "@/generated/prisma/client";
import { env } from "@/lib/env.mjs";
import { invalidateInboxCache } from "@/lib/server/chats/inbox-cache";
import { applyToMirror } from "@/lib/server/chats/mirror/live";
import { db } from "@/lib/server/db";
import { requestSyncAfterMoneyEvent } from "@/lib/server/earnings/jobs";
import { publish } from "./bus";
import { classifyEvent, eventDetails } from "./classify";
import { recordEventFan } from "@/lib/server/fans/roster/roster";
import { noteAccepted, recordRefusal } from "./health";
import { invalidateFanInsight } from "./invalidate";
import { queuePushForEvent } from "@/lib/server/push/events";
import { verifySignature, type SignatureCheck } from "./signature";

// The Fanvue webhook receiver: verify the signature (5-minute tolerance,
// constant-time), refuse replays, store the event durably, then act on it
// (inbox caches, the agency chat mirror, fan insights) and push it to open
// browsers. Refusals are counted (health.ts): a correctly signed delivery
// outside the tolerance means the clocks disagree, and the live indicator
// says so.

export type Delivery = { rawBody: string; signature: string | null; event: string | null; deliveryId: string | null };
export type ReceiverResult = { status: number; body: Record<string, unknown> };

const REASONS = {
  missing: "Unsigned delivery refused: X-Fanvue-Signature is required.",
  malformed: "Malformed X-Fanvue-Signature header.",
  stale: "Signature timestamp outside the 5-minute tolerance (stale or replayed delivery).",
  mismatch: "Signature does not match: delivery refused.",
} as const;

/** Events that change what a fan has spent or their status. */
const MONEY_EVENTS = new Set(["tip-received", "purchase-received", "new-subscriber"]);

const isUnique = (e: unknown) => typeof e === "object" && e !== null && (e as { code?: string }).code === "P2002";

async function store(
  d: Delivery,
  signature: string,
  t: number,
  payload: Record<string, unknown>,
): Promise<WebhookEvent | "replay" | "duplicate"> {
  const dedupeKey = d.deliveryId
    ? `delivery:${d.deliveryId}`
    : `body:${createHash("sha256").update(d.rawBody).digest("hex")}`;
  const kind = classifyEvent(d.event, payload);
  const info = eventDetails(payload);
  for (let attempt = 0; attempt < 2; attempt++) {
    if (await db.webhookEvent.findUnique({ where: { signature }, select: { id: true } })) return "replay";
    // A retried delivery (new timestamp, same event): acknowledged once more, stored once.
    if (await db.webhookEvent.findUnique({ where: { dedupeKey }, select: { id: true } })) return "duplicate";
    try {
      return await db.webhookEvent.create({
        data: {
          event: kind,
          dedupeKey,
          signature,
          recipientUuid: info.recipientUuid,
          fanUuid: info.fanUuid,
          payload: payload as Prisma.InputJsonValue,
          signedAt: new Date(t * 1000),
        },
      });
    } catch (e) {
      // Two copies raced: the loser reports what the winner stored.
      if (!isUnique(e)) throw e;
    }
  }
  return "duplicate";
}

async function applyEffects(e: WebhookEvent) {
  if (!e.recipientUuid) return;
  const creators = await db.creator.findMany({
    where: { fanvueUuid: e.recipientUuid, removedAt: null },
    select: { id: true },
  });
  for (const c of creators) await invalidateInboxCache(c.id);
  await applyToMirror(e);
  // A fan wrote: their wait for an answer starts (first-response times).
  if (e.event === "message-received" && e.fanUuid)
    await noteFanMessage(
      creators.map((c) => c.id),
      e.fanUuid,
      e.signedAt,
    );
  if (e.fanUuid && MONEY_EVENTS.has(e.event))
    await invalidateFanInsight(
      creators.map((c) => c.id),
      e.fanUuid,
    );
  // The money is shown at once as provisional; a sync soon confirms it in the ledger.
  // (Its own catch: a queue hiccup must not keep automations below from firing.)
  if (MONEY_EVENTS.has(e.event))
    await requestSyncAfterMoneyEvent(creators.map((c) => c.id)).catch((err: unknown) =>
      console.error("[webhooks] earnings sync not queued", err),
    );
  // A new follower or subscriber joins the fan roster at once (searchable).
  const fan = eventDetails(e.payload as Record<string, unknown>).fan;
  if (fan && (e.event === "new-follower" || e.event === "new-subscriber")) {
    await recordEventFan(
      creators.map((c) => c.id),
      e.event === "new-subscriber" ? "subscribers" : "followers",
      fan,
    );
  }
  // Automations listening to this event fire (a run per automation and fan; the catch-up retries).
  await fireAndMark(
    e,
    creators.map((c) => c.id),
  );
}

/** Why a delivery was refused, for the live indicator. Only a delivery signed
 * with our secret can tell of a clock skew (anyone can forge a timestamp);
 * one whose signature was already stored is a replay of an accepted delivery,
 * not a skew. */
async function noteRefusal(d: Delivery, check: Extract<SignatureCheck, { ok: false }>, secret: string, now: number) {
  if (check.reason !== "stale") return recordRefusal("bad_signature", null, now);
  const authentic = verifySignature(d.signature, d.rawBody, secret, now, Number.POSITIVE_INFINITY);
  if (!authentic.ok) return recordRefusal("bad_signature", null, now);
  if (await db.webhookEvent.findUnique({ where: { signature: authentic.signature }, select: { id: true } })) return;
  await recordRefusal("clock_skew", Math.round(now / 1000 - authentic.t), now);
}

export async function receiveWebhook(d: Delivery, now = Date.now()): Promise<ReceiverResult> {
  const secret = env.FANVUE_WEBHOOK_SECRET;
  if (!secret)
    return { status: 503, body: { error: "Webhooks are not configured on this server (FANVUE_WEBHOOK_SECRET)." } };
  const check = verifySignature(d.signature, d.rawBody, secret, now);
  if (!check.ok) {
    await noteRefusal(d, check, secret, now).catch((err: unknown) =>
      console.error("[webhooks] could not record a refusal", err),
    );
    return { status: 401, body: { error: REASONS[check.reason] } };
  }
  let payload: unknown;
  try {
    payload = JSON.parse(d.rawBody);
  } catch {
    return { status: 400, body: { error: "Body is not JSON." } };
  }
  if (!payload || typeof payload !== "object" || Array.isArray(payload))
    return { status: 400, body: { error: "Body must be a JSON object." } };
  const stored = await store(d, check.signature, check.t, payload as Record<string, unknown>);
  if (stored === "replay")
    return { status: 409, body: { error: "Replayed delivery refused: this signature was already used." } };
  if (stored === "duplicate") return { status: 200, body: { ok: true, duplicate: true } };
  // Stored: from here on the event is never lost; effects are best effort.
  noteAccepted();
  await applyEffects(stored).catch((err: unknown) => console.error("[webhooks] effects failed", err));
  // Push notifications are a job: this answer never waits on a push service.
  await queuePushForEvent(stored).catch((err: unknown) => console.error("[webhooks] push not queued", err));
  publish(stored);
  return { status: 200, body: { ok: true, seq: stored.seq } };
}
