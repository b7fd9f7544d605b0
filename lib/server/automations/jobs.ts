import "server-only";
import { z } from "zod";
import { defineJob, defineScheduler } from "@/lib/server/jobs/define";
import { enqueue } from "@/lib/server/jobs/queue";

// The automation jobs: one per due run (keyed by the run, so it is queued
// once), and a catch-up that fires stored webhook events a crashed receiver
// did not get to.

export const runJobKey = (runId: string) => `automation-run:${runId}`;

export const automationRunJob = defineJob({
  queue: "automation-run",
  payload: z.object({ runId: z.string().min(1) }),
  handler: async ({ runId }, _ctx, job) => {
    const { processRun } = await import("./run");
    const out = await processRun(runId);
    if (out.status === "failed") {
      const { notifyAutomationFailure } = await import("@/lib/server/push/automation");
      await notifyAutomationFailure(runId).catch((err: unknown) => console.error("[push] automation failure", err));
    }
    // Later (quiet hours, or a send another worker still holds): one more run of this job after this one.
    if (out.retryAt) await enqueue(job.queue, { runId }, { key: runJobKey(runId), runAt: out.retryAt, again: true });
    return { status: out.status };
  },
});

export const automationCatchUp = defineScheduler("automation-catch-up", async () => {
  const { catchUpEvents } = await import("./fire");
  await catchUpEvents();
});

/** Scheduled triggers (a subscription ending, a quiet spender): checked every 10 minutes per automation. */
export const automationScan = defineScheduler("automation-scan", async () => {
  const { scanDue } = await import("./scan");
  await scanDue();
});
