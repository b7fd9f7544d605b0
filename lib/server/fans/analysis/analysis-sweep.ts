import "server-only";
import type { AudienceAnalysis } from "@/generated/prisma/client";
import { db } from "@/lib/server/db";
import { defineScheduler } from "@/lib/server/jobs/define";
import { OPEN_JOB_STATUSES } from "@/lib/server/jobs/queue";
import { rosterKey } from "@/lib/server/fans/roster/roster-sync";

// A run that says "running" while nothing works on it would stay so forever
// and block "Analyse all" (a start returns the run in progress). The sweep
// marks such a run failed, in words the page shows ("The last analysis
// stopped: …"), so it can be started again. It runs every minute with the
// job schedulers (lib/server/jobs/boot.ts) and whenever a run's status is read.
//
// A run is left alone while its job is queued (waiting for its turn, or for a
// retry after an error: the job's own attempts end it) or paused (waiting
// for the owner to reconnect Fanvue: it resumes then, by design).

/** A run with no job at all: a start writes the run, then queues the job
 * (milliseconds apart); two minutes never catches a start in between. */
export const ORPHAN_GRACE_MS = 2 * 60_000;
/** A running job whose run (and the roster listing it follows) has not moved
 * for this long is stuck. The longest silence of a healthy run is the wait
 * before a retry round: up to the insight cache's longest back-off
 * (errorRetryMaxMs, 10 min); 15 minutes leaves 5 for a rate-limit pause
 * (Fanvue's window is 60 s) and a slow database. */
export const STALL_MS = 15 * 60_000;

const AGAIN = "Start it again to analyse everyone";

/** The job that works on a creator's analysis: the roster job, or one queued before the roster existed. */
const jobKeys = (creatorId: string) => [rosterKey(creatorId), `fans.analyse:${creatorId}`];

async function verdict(a: AudienceAnalysis, now: number): Promise<{ reason: string; jobId?: string } | null> {
  const job = await db.job.findFirst({
    where: { key: { in: jobKeys(a.creatorId) }, status: { in: [...OPEN_JOB_STATUSES] } },
    orderBy: { createdAt: "desc" },
  });
  if (!job) return { reason: `its background job ended before it was done. ${AGAIN}` };
  if (job.status !== "running") return null;
  const roster = await db.fanRoster.findUnique({
    where: { creatorId: a.creatorId },
    select: { status: true, updatedAt: true },
  });
  const moved = Math.max(a.updatedAt.getTime(), roster?.status === "running" ? roster.updatedAt.getTime() : 0);
  if (now - moved < STALL_MS) return null;
  return { reason: `it made no progress for ${STALL_MS / 60_000} minutes. ${AGAIN}`, jobId: job.id };
}

/** Marks stale running runs failed (one creator's, or everyone's); returns how many. */
export async function sweepStaleAnalyses(creatorId?: string, now = Date.now()): Promise<number> {
  const candidates = await db.audienceAnalysis.findMany({
    where: {
      status: "running",
      updatedAt: { lt: new Date(now - ORPHAN_GRACE_MS) },
      ...(creatorId ? { creatorId } : {}),
    },
  });
  let swept = 0;
  for (const a of candidates) {
    const v = await verdict(a, now);
    if (!v) continue;
    // Only if the run did not move meanwhile (compare-and-set on updatedAt).
    const res = await db.audienceAnalysis.updateMany({
      where: { creatorId: a.creatorId, runId: a.runId, status: "running", updatedAt: a.updatedAt },
      data: { status: "failed", finishedAt: new Date(now), lastError: v.reason },
    });
    if (res.count === 0) continue;
    swept++;
    console.warn(`[fans] analysis ${a.runId} of ${a.creatorId} marked failed: ${v.reason}`);
    // The stuck job gives its lease up: a worker takes it over from its
    // checkpoints, and the next start is not queued behind it.
    if (v.jobId)
      await db.job.updateMany({ where: { id: v.jobId, status: "running" }, data: { leaseUntil: new Date(0) } });
  }
  return swept;
}

export const analysisSweep = defineScheduler("fans.analysis-sweep", async () => {
  await sweepStaleAnalyses();
});
