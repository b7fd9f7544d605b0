import "server-only";
import type { AudienceAnalysis, Job } from "@/generated/prisma/client";
import { db } from "@/lib/server/db";
import { FanvueError } from "@/lib/server/fanvue/errors";
import { BATCH_MAX } from "@/lib/server/fanvue/resources/fan-insights";
import { registerJob, registerScheduler, type JobContext } from "@/lib/server/jobs/worker";
import { ANALYSIS_QUEUE, startAnalysis } from "./analysis";
import { answered, assertBatchAnswered, Cancelled, runLanes, step, type Run } from "./analysis-lanes";
import { countRun, errorKeys } from "./analysis-sql";
import { insightLoader, subjectOf, type CreatorRef } from "./insights";

// The whole-audience analysis run: list every subscriber and follower
// (50 a page) while fetching the listed fans' insights in batches of 100
// (analysis-lanes.ts), then retry the fans Fanvue answered `internal` for.
// All on the "background" priority of the rate limiter, so pages stay
// responsive. Every step checkpoints in AudienceAnalysis, so a run resumes
// where it stopped after a restart.

/** 3 rounds (30 s, 1 min, 2 min apart): outlasts a blip, ends a real outage. */
const RETRY_ROUNDS = 3;
/** Re-analysed daily: renewals and spend move every day. */
const REANALYSE_AFTER_MS = 24 * 3_600_000;

async function loadRef(creatorId: string): Promise<CreatorRef | null> {
  const c = await db.creator.findUnique({ where: { id: creatorId }, include: { workspace: true } });
  if (!c || c.removedAt) return null;
  return {
    workspace: { id: c.workspace.id, kind: c.workspace.kind, name: c.workspace.name, connectionId: c.workspace.connectionId },
    creator: { id: c.id, fanvueUuid: c.fanvueUuid, handle: c.handle, displayName: c.displayName, avatarUrl: c.avatarUrl },
  };
}

/** Wakes the insight lane whenever the listing lane commits a page. */
function listingSignal(done: boolean): Run["listed"] {
  let resolve!: () => void;
  const n: Run["listed"] = { done, next: new Promise<void>((r) => (resolve = r)), wake: () => undefined };
  n.wake = () => {
    const r = resolve;
    n.next = new Promise<void>((res) => (resolve = res));
    r();
  };
  return n;
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => (clearTimeout(t), resolve()), { once: true });
  });

async function retryPhase(run: Run, a: AudienceAnalysis): Promise<AudienceAnalysis> {
  const loader = insightLoader();
  const subject = subjectOf(run.ref);
  for (let round = a.retryRound; round < RETRY_ROUNDS; round++) {
    const failed = await errorKeys(run.ref.creator.id, run.runId);
    if (failed.length === 0) break;
    const wakeAt = Math.min(...failed.map((f) => f.retryAt?.getTime() ?? 0));
    await sleep(Math.max(0, wakeAt - Date.now()), run.ctx.signal);
    if (run.ctx.signal.aborted) throw new Cancelled();
    for (let i = 0; i < failed.length; i += BATCH_MAX) {
      const views = await loader.fetchKeys(subject, failed.slice(i, i + BATCH_MAX).map((f) => f.fanUuid), "background");
      assertBatchAnswered(views);
      await step(run, { insightsDone: { increment: answered(views) }, calls: { increment: 1 } });
    }
    a = await step(run, { retryRound: round + 1, errors: (await errorKeys(run.ref.creator.id, run.runId)).length });
  }
  return a;
}

/** Done: fans no list showed during this run have left the audience. */
async function finish(run: Run, a: AudienceAnalysis) {
  await db.audienceFan.deleteMany({
    where: { creatorId: run.ref.creator.id, handle: { not: "" }, OR: [{ runId: null }, { runId: { not: run.runId } }], seenAt: { lt: a.startedAt } },
  });
  const errors = (await errorKeys(run.ref.creator.id, run.runId)).length;
  await step(run, { status: "done", phase: "done", errors, finishedAt: new Date(), lastError: null });
}

async function analyse(job: Job, ctx: JobContext) {
  const { creatorId, runId } = job.payload as { creatorId: string; runId: string };
  const ref = await loadRef(creatorId);
  let a = await db.audienceAnalysis.findUnique({ where: { creatorId } });
  if (!ref || !a || a.runId !== runId || a.status !== "running") return { skipped: true };
  const listing = a.phase === "subscribers" || a.phase === "followers";
  const run: Run = { ref, runId, job, ctx, halt: new AbortController(), listed: listingSignal(!listing) };
  try {
    if (listing || a.phase === "insights") {
      await runLanes(run, a);
      // Exact counts now that every listed fan has been through the lane.
      const counts = await countRun(creatorId, runId, a.startedAt, insightLoader().t);
      a = await step(run, { phase: "retry", insightsTotal: counts.total, insightsDone: counts.done });
    }
    if (a.phase === "retry") a = await retryPhase(run, a);
    await finish(run, a);
    return { runId, listed: a.listed, insightsDone: a.insightsDone };
  } catch (err) {
    if (err instanceof Cancelled) return { stopped: true };
    // Shutting down: the job must stay due (not "succeeded") to resume later.
    if (ctx.signal.aborted) throw new Error("Stopped by a server shutdown; resumes from its checkpoint.", { cause: err });
    const pauses = err instanceof FanvueError && (err.kind === "reauth" || err.kind === "rate_limited");
    const final = !pauses && job.attempts >= job.maxAttempts;
    const message = err instanceof Error ? err.message : String(err);
    await db.audienceAnalysis.updateMany({ where: { creatorId, runId }, data: final ? { status: "failed", lastError: message, finishedAt: new Date() } : { lastError: message } });
    throw err;
  }
}

registerJob(ANALYSIS_QUEUE, analyse);

registerScheduler("fans.reanalyse", async () => {
  const due = await db.audienceAnalysis.findMany({ where: { status: "done", finishedAt: { lt: new Date(Date.now() - REANALYSE_AFTER_MS) } }, select: { creatorId: true } });
  for (const { creatorId } of due) {
    const ref = await loadRef(creatorId);
    if (ref) await startAnalysis(ref).catch((err: unknown) => console.error(`[fans] re-analysis of ${creatorId} not started:`, err));
  }
});
