import "server-only";
import type { AudienceAnalysis, Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/server/db";
import { FanvueError, type FanvueErrorKind } from "@/lib/server/fanvue/errors";
import { BATCH_MAX } from "@/lib/server/fanvue/resources/fan-insights";
import { needingKeys } from "@/lib/server/fans/analysis/analysis-sql";
import { insightLoader, subjectOf } from "@/lib/server/fans/insights/insights";
import { Cancelled, type Run } from "@/lib/server/fans/roster/roster-sync";

// The insight lane of an analysis run: fetches, 100 at a time, the insights
// of the fans the roster sync it follows has listed so far (in listing
// order), so the rate budget is never idle while the listing goes on. It
// checkpoints its own fields of AudienceAnalysis.

/** 3 batches per query: one round trip to the database per 300 fans. */
const ROUNDS = 3;

/** Applies an analysis checkpoint, stopping if the run was cancelled or replaced. */
export async function step(
  run: Run,
  runId: string,
  data: Prisma.AudienceAnalysisUpdateManyMutationInput,
): Promise<AudienceAnalysis> {
  const res = await db.audienceAnalysis.updateMany({
    where: { creatorId: run.ref.creator.id, runId, status: "running" },
    data,
  });
  if (res.count === 0) throw new Cancelled();
  return db.audienceAnalysis.findUniqueOrThrow({ where: { creatorId: run.ref.creator.id } });
}

/** Throws when a whole batch failed (Fanvue down, reconnect needed): the
 * worker then pauses or retries the job from its checkpoints. */
export function assertBatchAnswered(
  views: Map<string, { state: string; error: { kind: string; message: string } | null }>,
) {
  const all = [...views.values()];
  const failed = all.filter((v) => v.state === "error" && v.error && v.error.kind !== "internal");
  if (all.length && failed.length === all.length)
    throw new FanvueError(failed[0]!.error!.kind as FanvueErrorKind, failed[0]!.error!.message);
}

export const answered = (views: Map<string, { state: string }>) =>
  [...views.values()].filter((v) => v.state !== "error").length;

/** Fetches the insights of listed fans in full batches of 100 while the
 * listing goes on, then the remainder once it is done. */
export async function insightLane(run: Run, a: AudienceAnalysis): Promise<AudienceAnalysis> {
  const loader = insightLoader();
  const subject = subjectOf(run.ref);
  while (!run.halt.signal.aborted) {
    // Taken before the query: a page committed meanwhile resolves this one.
    const wakeup = run.listed.next;
    const listingDone = run.listed.done;
    const rows = await needingKeys(
      run.ref.creator.id,
      a.rosterRunId ?? "",
      a.insightOrder,
      loader.t,
      BATCH_MAX * ROUNDS,
    );
    // Only full batches while more fans are coming: N fans = ceil(N/100) calls.
    const usable = listingDone ? rows : rows.slice(0, rows.length - (rows.length % BATCH_MAX));
    if (usable.length === 0) {
      if (listingDone) return a;
      await wakeup;
      continue;
    }
    const keys = usable.map((r) => r.fanUuid);
    const views = await loader.fetchKeys(subject, keys, "background");
    assertBatchAnswered(views);
    const ok = answered(views);
    a = await step(run, a.runId, {
      insightOrder: usable.at(-1)!.listOrder,
      insightsDone: { increment: ok },
      errors: { increment: keys.length - ok },
      calls: { increment: Math.ceil(keys.length / BATCH_MAX) },
    });
  }
  return a;
}

/** Runs the listing and the insight lane side by side; the first failure
 * stops the other lane too. */
export async function runLanes<T>(run: Run, listing: Promise<T>, insights: Promise<unknown>): Promise<T> {
  const guard = <U>(p: Promise<U>) =>
    p.catch((err: unknown) => {
      run.halt.abort(err);
      throw err;
    });
  const list = guard(listing).finally(() => {
    run.listed.done = true;
    run.listed.wake();
  });
  const [l] = await Promise.allSettled([list, guard(insights)]);
  // The root cause, not the other lane's abort it triggered.
  if (run.halt.signal.aborted) throw run.halt.signal.reason;
  return (l as PromiseFulfilledResult<T>).value;
}
