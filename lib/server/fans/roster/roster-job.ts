import "server-only";
import { z } from "zod";
import type { FanRoster, Job } from "@/generated/prisma/client";
import { loadCreatorRef, toCreatorRef } from "@/lib/server/creators/ref";
import { db } from "@/lib/server/db";
import { FanvueError } from "@/lib/server/fanvue/errors";
import { defineJob, defineScheduler, type JobContext } from "@/lib/server/jobs/define";
import { insightLane, runLanes } from "@/lib/server/fans/analysis/analysis-lanes";
import { finishAnalysis, followRoster, runningAnalysis } from "@/lib/server/fans/analysis/analysis-run";
import { hasFanInsights, type CreatorRef } from "@/lib/server/fans/insights/insights";
import { headCheck } from "@/lib/server/fans/roster/roster-head";
import {
  Cancelled,
  failRoster,
  finishRoster,
  listingLane,
  listingSignal,
  queueRosterJob,
  startRosterSync,
  type Run,
} from "@/lib/server/fans/roster/roster-sync";

// The one background job of a creator's roster (one at a time per creator,
// by its queue key), doing whatever is due, in this order:
// 1. a full sync that is running (resumed from its checkpoint), with the
//    analysis's insight lane alongside when an analysis follows it;
// 2. an analysis that is running (insights for the roster's fans);
// 3. otherwise the head check (new fans, Fanvue's counts, drift).
// The scheduler below queues it: a first sync for every creator, the head
// check every few minutes, a full sync daily or when the counts drift.

export const ROSTER_QUEUE = "fans.roster";

/** 5 min: a new fan shows in search soon, for 3 calls (0.3 % of the budget). */
const HEAD_EVERY_MS = 5 * 60_000;
/** Daily: catches what the head check cannot see (renamed fans, reorders). */
const RESYNC_EVERY_MS = 24 * 3_600_000;
/** A sync that failed for good is tried again after this. */
const FAILED_RETRY_MS = 30 * 60_000;

/** The full sync, with the insight lane alongside when an analysis follows. */
async function syncRoster(run: Run, r: FanRoster) {
  const analysing = hasFanInsights(run.ref) ? await runningAnalysis(r.creatorId) : null;
  const a = analysing ? await followRoster(analysing, r.runId) : null;
  const listing = listingLane(run, r);
  // A cancelled analysis stops its lane only; the sync goes on.
  const insights = a
    ? insightLane(run, a).catch((err: unknown) => (err instanceof Cancelled ? undefined : Promise.reject(err)))
    : null;
  const listed = insights ? await runLanes(run, listing, insights) : await listing;
  run.listed.done = true;
  await finishRoster(run, listed);
}

async function work(ref: CreatorRef, job: Job, ctx: JobContext) {
  const creatorId = ref.creator.id;
  const newRun = (): Run => ({ ref, job, ctx, halt: new AbortController(), listed: listingSignal(false) });
  let checked = false;
  // Each round finishes one piece of work; a piece can ask for another
  // (a drifting head check starts a full sync, a sync is followed by the
  // analysis waiting for it).
  for (let round = 0; round < 5 && !ctx.signal.aborted; round++) {
    try {
      const r = await db.fanRoster.findUnique({ where: { creatorId } });
      const a = hasFanInsights(ref) ? await runningAnalysis(creatorId) : null;
      if (r?.status === "running") {
        await syncRoster(newRun(), r);
        checked = true;
      } else if (a && (!r || r.status === "never")) {
        await followRoster(a, (await startRosterSync(ref, "analysis")).runId);
      } else if (a) {
        // A full sync finished since the run began: analyse its fans.
        await finishAnalysis(newRun(), r && a.rosterRunId !== r.runId ? await followRoster(a, r.runId, "insights") : a);
      } else if (!checked && r && dueWork(r) === "check") {
        checked = true;
        await headCheck(newRun(), r);
      } else return;
    } catch (err) {
      // The run was cancelled or replaced meanwhile (a Cancel, then a new
      // start whose queueing found this job still running): look again at
      // what is due, so the new run is not left without a job.
      if (!(err instanceof Cancelled) || ctx.signal.aborted) throw err;
    }
  }
  // Shutting down mid-work: the job must stay due, not end as done.
  if (ctx.signal.aborted) throw new Error("Stopped by a server shutdown; resumes from its checkpoint.");
}

/** Our words for a failure (Fanvue's own text stays in the log). */
const failureText = (err: unknown) =>
  err instanceof FanvueError ? err.message : "Vuedeck could not finish reading the fan lists.";

const rosterPayload = z.object({ creatorId: z.string().min(1) });

async function runRoster({ creatorId }: z.output<typeof rosterPayload>, ctx: JobContext, job: Job) {
  const ref = await loadCreatorRef(creatorId);
  if (!ref) return { skipped: true };
  try {
    await work(ref, job, ctx);
    return { done: true };
  } catch (err) {
    // Shutting down: the job must stay due (not "succeeded") to resume later,
    // also when the shutdown surfaced as a cancelled wait.
    if (ctx.signal.aborted)
      throw new Error("Stopped by a server shutdown; resumes from its checkpoint.", { cause: err });
    if (err instanceof Cancelled) return { stopped: true };
    const pauses = err instanceof FanvueError && (err.kind === "reauth" || err.kind === "rate_limited");
    const final = !pauses && job.attempts >= job.maxAttempts;
    const message = failureText(err);
    const r = await db.fanRoster.findUnique({ where: { creatorId } });
    if (r?.status === "running")
      await (final
        ? failRoster(creatorId, r.runId, message)
        : db.fanRoster.update({ where: { creatorId }, data: { lastError: message } }));
    await db.audienceAnalysis.updateMany({
      where: { creatorId, status: "running" },
      data: final ? { status: "failed", lastError: message, finishedAt: new Date() } : { lastError: message },
    });
    throw err;
  }
}

export const rosterJob = defineJob({ queue: ROSTER_QUEUE, payload: rosterPayload, handler: runRoster });
/** Runs queued before the roster existed (same work, same key scheme); never enqueued now. */
export const legacyAnalyseJob = defineJob({ queue: "fans.analyse", payload: rosterPayload, handler: runRoster });

/** What is due for one creator's roster, if anything. */
export function dueWork(r: FanRoster | null, now = Date.now()): { sync: string } | "check" | "resume" | null {
  if (!r || r.status === "never") return { sync: "first" };
  if (r.status === "running") return "resume";
  if (r.status === "failed") return now - r.updatedAt.getTime() >= FAILED_RETRY_MS ? { sync: "retry" } : null;
  if (!r.syncedAt || now - r.syncedAt.getTime() >= RESYNC_EVERY_MS) return { sync: "schedule" };
  if (!r.checkedAt || now - r.checkedAt.getTime() >= HEAD_EVERY_MS) return "check";
  return null;
}

export const rosterScheduler = defineScheduler("fans.roster", async () => {
  const creators = await db.creator.findMany({ where: { removedAt: null }, include: { workspace: true } });
  const rosters = new Map((await db.fanRoster.findMany()).map((r) => [r.creatorId, r]));
  for (const c of creators) {
    const ref = toCreatorRef(c);
    const due = dueWork(rosters.get(c.id) ?? null);
    if (!due) continue;
    // "resume": a sync whose job was lost (e.g. it gave up) is queued again.
    const go = typeof due === "object" ? startRosterSync(ref, due.sync) : queueRosterJob(ref);
    await go.catch((err: unknown) => console.error(`[fans] roster of ${c.id} not queued:`, err));
  }
});
