import "server-only";
import type { AudienceAnalysis, Job, Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/server/db";
import { FanvueError, type FanvueErrorKind } from "@/lib/server/fanvue/errors";
import { AUDIENCE_PAGE_MAX, listAudiencePage, type AudienceList } from "@/lib/server/fanvue/resources/audience";
import { BATCH_MAX } from "@/lib/server/fanvue/resources/fan-insights";
import type { JobContext } from "@/lib/server/jobs/worker";
import { needingKeys } from "./analysis-sql";
import { insightLoader, subjectOf, type CreatorRef } from "./insights";
import { recordFans } from "./roster";

// The two lanes of an analysis run, working at the same time so a slow list
// endpoint never leaves the rate budget idle: the listing lane pages through
// subscribers then followers; the insight lane fetches, 100 at a time, the
// fans listed so far. Each checkpoints its own fields of AudienceAnalysis.

export const LISTS: AudienceList[] = ["subscribers", "followers"];
/** 3 calls in flight per lane: at Fanvue-like latencies (≤ 300 ms a call)
 * ~10 calls/s, well above the budget's 3.3/s, so the rate budget (not
 * latency) sets the pace; the limiter still gates every call. */
const IN_FLIGHT = 3;
/** Listing positions: followers after every possible subscriber. */
const FOLLOWERS_BASE = 100_000_000;

export class Cancelled extends Error {}

export type Run = { ref: CreatorRef; runId: string; job: Job; ctx: JobContext; halt: AbortController; listed: { done: boolean; wake: () => void; next: Promise<void> } };

/** Applies a checkpoint, stopping if the run was cancelled or replaced. */
export async function step(run: Run, data: Prisma.AudienceAnalysisUpdateManyMutationInput): Promise<AudienceAnalysis> {
  const res = await db.audienceAnalysis.updateMany({ where: { creatorId: run.ref.creator.id, runId: run.runId, status: "running" }, data });
  if (res.count === 0) throw new Cancelled();
  const a = await db.audienceAnalysis.findUniqueOrThrow({ where: { creatorId: run.ref.creator.id } });
  await run.ctx.progress({ phase: a.phase, listed: a.listed, insightsDone: a.insightsDone, insightsTotal: a.insightsTotal, errors: a.errors });
  return a;
}

function fetchPages(run: Run, list: AudienceList, from: number) {
  const client = subjectOf(run.ref).client;
  // A per-call signal: limiter.acquire() adds an abort listener it never
  // removes, so thousands of calls on the job's own signal would pile up.
  const opts = () => ({ priority: "background" as const, signal: AbortSignal.any([run.ctx.signal, run.halt.signal]) });
  return Promise.all(Array.from({ length: IN_FLIGHT }, (_, i) => listAudiencePage(client, list, { page: from + i, size: AUDIENCE_PAGE_MAX }, opts())));
}

/** Pages are fetched 3 at a time and committed in page order; pages past
 * the end come back empty (at most 2 extra calls per list). */
export async function listingLane(run: Run, a: AudienceAnalysis): Promise<void> {
  for (const [i, list] of LISTS.entries()) {
    if (a.phase !== list) continue;
    const pageField = list === "subscribers" ? "subscribersPage" : "followersPage";
    const base = list === "subscribers" ? 0 : FOLLOWERS_BASE;
    for (let done = false; !done && !run.halt.signal.aborted; ) {
      const from = a[pageField];
      for (const [j, res] of (await fetchPages(run, list, from)).entries()) {
        const page = from + j;
        await recordFans(run.ref.creator.id, list, res.data, { id: run.runId, orderBase: base + (page - 1) * AUDIENCE_PAGE_MAX });
        done = !res.pagination.hasMore || res.data.length === 0;
        a = await step(run, { [pageField]: page + 1, listed: { increment: res.data.length }, calls: { increment: 1 }, ...(done ? { phase: LISTS[i + 1] ?? "insights" } : {}) });
        run.listed.wake();
        if (done) break;
      }
    }
  }
}

/** Throws when a whole batch failed (Fanvue down, reconnect needed): the
 * worker then pauses or retries the job from its checkpoints. */
export function assertBatchAnswered(views: Map<string, { state: string; error: { kind: string; message: string } | null }>) {
  const all = [...views.values()];
  const failed = all.filter((v) => v.state === "error" && v.error && v.error.kind !== "internal");
  if (all.length && failed.length === all.length) throw new FanvueError(failed[0]!.error!.kind as FanvueErrorKind, failed[0]!.error!.message);
}

export const answered = (views: Map<string, { state: string }>) => [...views.values()].filter((v) => v.state !== "error").length;

/** Fetches the insights of listed fans in full batches of 100 while the
 * listing goes on, then the remainder once it is done. */
export async function insightLane(run: Run, a: AudienceAnalysis): Promise<void> {
  const loader = insightLoader();
  const subject = subjectOf(run.ref);
  while (!run.halt.signal.aborted) {
    // Taken before the query: a page committed meanwhile resolves this one.
    const wakeup = run.listed.next;
    const listingDone = run.listed.done;
    const rows = await needingKeys(run.ref.creator.id, run.runId, a.insightOrder, loader.t, BATCH_MAX * IN_FLIGHT);
    // Only full batches while more fans are coming: N fans = ceil(N/100) calls.
    const usable = listingDone ? rows : rows.slice(0, rows.length - (rows.length % BATCH_MAX));
    if (usable.length === 0) {
      if (listingDone) return;
      await wakeup;
      continue;
    }
    const keys = usable.map((r) => r.fanUuid);
    const views = await loader.fetchKeys(subject, keys, "background");
    assertBatchAnswered(views);
    const ok = answered(views);
    a = await step(run, {
      insightOrder: usable.at(-1)!.listOrder,
      insightsDone: { increment: ok },
      errors: { increment: keys.length - ok },
      calls: { increment: Math.ceil(keys.length / BATCH_MAX) },
    });
  }
}

/** Runs both lanes; the first failure stops the other lane too. */
export async function runLanes(run: Run, a: AudienceAnalysis) {
  const guard = (p: Promise<void>) =>
    p.catch((err: unknown) => {
      run.halt.abort(err);
      throw err;
    });
  const listing = guard(listingLane(run, a)).finally(() => {
    run.listed.done = true;
    run.listed.wake();
  });
  await Promise.allSettled([listing, guard(insightLane(run, a))]);
  // The root cause, not the other lane's abort it triggered.
  if (run.halt.signal.aborted) throw run.halt.signal.reason;
}
