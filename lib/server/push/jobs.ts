import "server-only";
import { z } from "zod";
import { defineJob, defineScheduler } from "@/lib/server/jobs/define";

// The push jobs: a stored webhook event turned into notifications (so the
// receiver answers Fanvue without waiting on anything but its own insert),
// one device's push with its retries, the "unanswered" scan, and pruning.

export const pushEventJob = defineJob({
  queue: "push-event",
  payload: z.object({ eventId: z.string().min(1) }),
  handler: async ({ eventId }) => {
    const { notifyForEvent } = await import("./events");
    return { queued: await notifyForEvent(eventId) };
  },
});

export const pushSendJob = defineJob({
  queue: "push-send",
  payload: z.object({
    subscriptionId: z.string().min(1),
    payload: z.object({ title: z.string(), body: z.string(), url: z.string().startsWith("/"), tag: z.string() }),
    ttlSec: z.number().int().positive(),
    attempt: z.number().int().min(0),
    expiresAt: z.iso.datetime(),
  }),
  handler: async (p) => {
    const { deliverToDevice } = await import("./deliver");
    return deliverToDevice(p);
  },
});

/** Fans waiting for an answer, checked every minute against each member's "unanswered for N min". */
export const pushUnansweredScan = defineScheduler("push-unanswered", async () => {
  const { scanUnanswered } = await import("./unanswered");
  await scanUnanswered();
});

/** Decided notices are kept 14 days: longer than any wait or retry that could decide them again. */
const NOTICE_RETENTION_MS = 14 * 86_400_000;

export const pushNoticePrune = defineScheduler("push-notice-prune", async () => {
  const { db } = await import("@/lib/server/db");
  await db.pushNotice.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - NOTICE_RETENTION_MS) } } });
});
