import "server-only";
import type { AudienceAnalysis } from "@/generated/prisma/client";
import { db } from "@/lib/server/db";
import { BATCH_MAX } from "@/lib/server/fanvue/resources/fan-insights";
import { answered, assertBatchAnswered, insightLane, step } from "@/lib/server/fans/analysis/analysis-lanes";
import { countRun, errorKeys } from "@/lib/server/fans/analysis/analysis-sql";
import { insightLoader, subjectOf } from "@/lib/server/fans/insights/insights";
import { Cancelled, type Run } from "@/lib/server/fans/roster/roster-sync";

// The whole-audience analysis after (or alongside) the roster's listing:
// fetch every roster fan's insights in batches of 100, retry the fans
// Fanvue answered `internal` for, then the forecast and segments cover
// everyone. Runs inside the roster job (roster-job.ts), on the limiter's
// background priority; every step checkpoints in AudienceAnalysis.

/** 3 rounds (30 s, 1 min, 2 min apart): outlasts a blip, ends a real outage. */
const RETRY_ROUNDS = 3;

export const runningAnalysis = (creatorId: string) =>
  db.audienceAnalysis.findFirst({ where: { creatorId, status: "running" } });

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => (clearTimeout(t), resolve()), { once: true });
  });

/** Retries the roster fans Fanvue has not answered for, incl. fans the
 * roster gained during the run (a new follower), in a few rounds. */
async function retryPhase(run: Run, a: AudienceAnalysis): Promise<AudienceAnalysis> {
  const loader = insightLoader();
  const subject = subjectOf(run.ref);
  for (let round = a.retryRound; round < RETRY_ROUNDS; round++) {
    const failed = await errorKeys(run.ref.creator.id);
    if (failed.length === 0) break;
    const wakeAt = Math.min(...failed.map((f) => f.retryAt?.getTime() ?? 0));
    await sleep(Math.max(0, wakeAt - Date.now()), run.ctx.signal);
    if (run.ctx.signal.aborted) throw new Cancelled();
    for (let i = 0; i < failed.length; i += BATCH_MAX) {
      const views = await loader.fetchKeys(
        subject,
        failed.slice(i, i + BATCH_MAX).map((f) => f.fanUuid),
        "background",
      );
      assertBatchAnswered(views);
      await step(run, a.runId, { insightsDone: { increment: answered(views) }, calls: { increment: 1 } });
    }
    a = await step(run, a.runId, { retryRound: round + 1, errors: (await errorKeys(run.ref.creator.id)).length });
  }
  return a;
}

/** The rest of a run once the listing is done: remaining insights, exact
 * counts, retries, done. */
export async function finishAnalysis(run: Run, a: AudienceAnalysis) {
  const creatorId = run.ref.creator.id;
  if (a.phase === "listing" || a.phase === "insights") {
    if (a.phase === "listing") a = await step(run, a.runId, { phase: "insights" });
    run.listed.done = true;
    a = await insightLane(run, a);
    const counts = await countRun(creatorId, a.startedAt, insightLoader().t);
    a = await step(run, a.runId, { phase: "retry", insightsTotal: counts.total, insightsDone: counts.done });
  }
  if (a.phase === "retry") a = await retryPhase(run, a);
  const errors = (await errorKeys(creatorId)).length;
  return step(run, a.runId, { status: "done", phase: "done", errors, finishedAt: new Date(), lastError: null });
}

/** Makes a running analysis follow a roster sync: the one running
 * ("listing") or the one that last finished ("insights"). */
export async function followRoster(
  a: AudienceAnalysis,
  rosterRunId: string,
  phase: "listing" | "insights" = "listing",
): Promise<AudienceAnalysis> {
  if (a.rosterRunId === rosterRunId && (a.phase === phase || phase === "insights")) return a;
  await db.audienceAnalysis.updateMany({
    where: { creatorId: a.creatorId, runId: a.runId, status: "running" },
    data: { rosterRunId, phase, insightOrder: null },
  });
  return db.audienceAnalysis.findUniqueOrThrow({ where: { creatorId: a.creatorId } });
}
