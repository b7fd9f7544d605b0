import "server-only";
import { db } from "@/lib/server/db";
import { enqueue } from "@/lib/server/jobs/queue";
import { registerJob, registerScheduler } from "@/lib/server/jobs/worker";
import { MASS_MAX_ATTEMPTS, MASS_SEND, massJobKey } from "./campaigns";
import { runCampaign } from "./send-job";

// Background work of this feature: the mass-message sender, a sweeper that
// re-queues any unfinished campaign whose job ended (so none is ever
// stranded), and the pruning of old webhook events.

/** Events are needed for replay after a reconnect (an hour) and for
 * inspection; a week is plenty. */
const EVENT_RETENTION_MS = 7 * 86_400_000;

registerJob(MASS_SEND, async (job, ctx) => {
  const { campaignId } = job.payload as { campaignId: string };
  await ctx.progress({ campaignId });
  const status = await runCampaign(campaignId, { lastAttempt: job.attempts >= job.maxAttempts });
  return { campaignId, status };
});

registerScheduler("mass-sweeper", async () => {
  const open = await db.massCampaign.findMany({
    where: { status: { in: ["queued", "preparing", "sending"] } },
    select: { id: true, creatorId: true },
    take: 200,
  });
  for (const c of open) {
    const creator = await db.creator.findUnique({ where: { id: c.creatorId }, select: { workspace: { select: { connectionId: true } } } });
    await enqueue(MASS_SEND, { campaignId: c.id }, { key: massJobKey(c.id), maxAttempts: MASS_MAX_ATTEMPTS, connectionId: creator?.workspace.connectionId ?? null });
  }
});

registerScheduler("webhook-prune", async () => {
  await db.webhookEvent.deleteMany({ where: { receivedAt: { lt: new Date(Date.now() - EVENT_RETENTION_MS) } } });
});
