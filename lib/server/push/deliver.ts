import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { PushPayload } from "@/lib/schemas/push";
import { db } from "@/lib/server/db";
import { pushSendJob } from "./jobs";
import { sendPush, type SendOutcome } from "./send";

// From "tell these users" to one job per device: the decision (PushNotice)
// and the jobs are written in one transaction, so a notification is decided
// once and, once decided, is sent (a crash before commit decides it again).
// Each device's job sends once and retries 429/5xx with backoff; a device
// the push service calls gone (404/410) is deleted.

/** How long a push service keeps a notification for a device that is offline, per kind (seconds). */
export const TTL_SEC = { money: 12 * 3600, unanswered: 3600, automation: 24 * 3600, test: 600 } as const;

/** Attempts per device: 30 s, 2 min, 8 min, 32 min apart, or what Retry-After asks (at most an hour). */
export const MAX_SEND_ATTEMPTS = 5;
const backoffMs = (attempt: number) => 30_000 * 4 ** attempt;
const MAX_RETRY_AFTER_MS = 3_600_000;

/** Records the notices not yet decided for the user; returns the keys that are new. */
async function claimNotices(tx: Prisma.TransactionClient, userId: string, keys: string[]) {
  if (keys.length === 0) return [];
  const rows = await tx.$queryRaw<{ key: string }[]>`
    INSERT INTO "PushNotice" ("userId", "key") SELECT ${userId}, k FROM unnest(${keys}::text[]) AS k
    ON CONFLICT DO NOTHING RETURNING "key"`;
  return rows.map((r) => r.key);
}

/** Tells each user once per key (any of `keys` new for them: the payload goes out). Returns the jobs queued. */
export async function notifyUsers(userIds: string[], keys: string[], payload: PushPayload, ttlSec: number) {
  let queued = 0;
  const expiresAt = new Date(Date.now() + ttlSec * 1000).toISOString();
  for (const userId of userIds) {
    queued += await db.$transaction(async (tx) => {
      if ((await claimNotices(tx, userId, keys)).length === 0) return 0;
      const devices = await tx.pushSubscription.findMany({
        where: { userId, session: { expires: { gt: new Date() } } },
        select: { id: true },
      });
      for (const d of devices)
        await tx.job.create({
          data: pushSendJob.row({ subscriptionId: d.id, payload, ttlSec, attempt: 0, expiresAt }),
        });
      return devices.length;
    });
  }
  return queued;
}

type SendPayload = { subscriptionId: string; payload: PushPayload; ttlSec: number; attempt: number; expiresAt: string };

async function record(id: string, outcome: SendOutcome) {
  if (outcome.kind === "sent")
    return db.pushSubscription.updateMany({
      where: { id },
      data: { lastSuccessAt: new Date(), failureCount: 0, lastError: null },
    });
  if (outcome.kind === "gone") return db.pushSubscription.deleteMany({ where: { id } });
  return db.pushSubscription.updateMany({
    where: { id },
    data: { failureCount: { increment: 1 }, lastFailureAt: new Date(), lastError: outcome.detail.slice(0, 300) },
  });
}

/** One device's push (the push-send job). */
export async function deliverToDevice(p: SendPayload, now = Date.now()) {
  const sub = await db.pushSubscription.findUnique({
    where: { id: p.subscriptionId },
    include: { session: { select: { expires: true } } },
  });
  if (!sub) return { outcome: "skipped", why: "device removed" };
  if (sub.session.expires.getTime() <= now) return { outcome: "skipped", why: "session expired" };
  if (Date.parse(p.expiresAt) <= now) return { outcome: "skipped", why: "too late" };
  const outcome = await sendPush(sub, p.payload, Math.max(1, Math.round((Date.parse(p.expiresAt) - now) / 1000)));
  await record(sub.id, outcome);
  if (outcome.kind !== "retry") return { outcome: outcome.kind };
  const waitMs = Math.max(backoffMs(p.attempt), Math.min(outcome.retryAfterMs ?? 0, MAX_RETRY_AFTER_MS));
  const runAt = new Date(now + waitMs);
  if (p.attempt + 1 >= MAX_SEND_ATTEMPTS || runAt.getTime() >= Date.parse(p.expiresAt))
    return { outcome: "given_up", detail: outcome.detail };
  await pushSendJob.enqueue({ ...p, attempt: p.attempt + 1 }, { runAt });
  return { outcome: "retry", at: runAt.toISOString(), detail: outcome.detail };
}

/** The settings' "Send a test notification": straight to each of the user's devices, with the answer. */
export async function sendTestToUser(userId: string, payload: PushPayload) {
  const subs = await db.pushSubscription.findMany({ where: { userId }, orderBy: { createdAt: "asc" } });
  const results = await Promise.all(
    subs.map(async (s) => {
      const outcome = await sendPush(s, payload, TTL_SEC.test);
      await record(s.id, outcome);
      return { s, outcome };
    }),
  );
  return {
    devices: results.map(({ s, outcome }) => ({
      id: s.id,
      label: s.label,
      outcome:
        outcome.kind === "sent"
          ? ("sent" as const)
          : outcome.kind === "gone"
            ? ("removed" as const)
            : ("failed" as const),
      detail:
        outcome.kind === "sent"
          ? null
          : outcome.kind === "gone"
            ? "The browser unsubscribed: device removed."
            : outcome.detail,
    })),
  };
}
