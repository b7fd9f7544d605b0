import "server-only";
import { z } from "zod";
import { db } from "@/lib/server/db";
import { defineJob, defineScheduler } from "@/lib/server/jobs/define";
import { runCampaign } from "./send-job";

// Background work of this feature: the mass-message sender, a sweeper that
// re-queues any unfinished campaign whose job ended (so none is ever
// stranded), and the pruning of old webhook events.

export const MASS_SEND = "mass-send";
export const massJobKey = (id: string) => `${MASS_SEND}:${id}`;
/** Preparation (hold-out list) talks to Fanvue many times; retries ride out blips. */
export const MASS_MAX_ATTEMPTS = 8;

/** Events are needed for replay after a reconnect (an hour) and for
 * inspection; a week is plenty. */
const EVENT_RETENTION_MS = 7 * 86_400_000;

export const massSendJob = defineJob({
  queue: MASS_SEND,
  payload: z.object({ campaignId: z.string().min(1) }),
  handler: async ({ campaignId }, _ctx, job) => {
    const status = await runCampaign(campaignId, { lastAttempt: job.attempts >= job.maxAttempts });
    return { campaignId, status };
  },
});

/** The options of a campaign's send job (one per campaign, by key). */
export const massJobOptions = (campaignId: string, connectionId: string | null) => ({
  key: massJobKey(campaignId),
  maxAttempts: MASS_MAX_ATTEMPTS,
  connectionId,
});

export const massSweeper = defineScheduler("mass-sweeper", async () => {
  const open = await db.massCampaign.findMany({
    where: { status: { in: ["queued", "preparing", "sending"] } },
    select: { id: true, creatorId: true },
    take: 200,
  });
  for (const c of open) {
    const creator = await db.creator.findUnique({
      where: { id: c.creatorId },
      select: { workspace: { select: { connectionId: true } } },
    });
    await massSendJob.enqueue({ campaignId: c.id }, massJobOptions(c.id, creator?.workspace.connectionId ?? null));
  }
});

export const webhookPrune = defineScheduler("webhook-prune", async () => {
  await db.webhookEvent.deleteMany({ where: { receivedAt: { lt: new Date(Date.now() - EVENT_RETENTION_MS) } } });
});
