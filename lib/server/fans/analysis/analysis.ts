import "server-only";
import { randomUUID } from "node:crypto";
import type { AudienceAnalysis, FanRoster } from "@/generated/prisma/client";
import type { AnalysisView } from "@/lib/schemas/fans";
import { ApiError } from "@/lib/server/api/errors";
import { db } from "@/lib/server/db";
import { DEFAULT_LIMITER } from "@/lib/server/fanvue/limiter";
import { AUDIENCE_PAGE_MAX } from "@/lib/server/fanvue/resources/audience";
import { BATCH_MAX } from "@/lib/server/fanvue/resources/fan-insights";
import { cancelJobs } from "@/lib/server/jobs/queue";
import { sweepStaleAnalyses } from "@/lib/server/fans/analysis/analysis-sweep";
import { audienceCounts } from "@/lib/server/fans/analysis/coverage";
import { hasFanInsights, type CreatorRef } from "@/lib/server/fans/insights/insights";
import { queueRosterJob, rosterKey, startRosterSync } from "@/lib/server/fans/roster/roster-sync";

// "Analyse all N fans": status, start and cancel. The run itself goes with
// the roster's job (roster-job.ts, analysis-run.ts): it fetches the insights
// of the fans the roster lists, alongside a full sync or after one.

/** A roster synced this recently is analysed as it is (its head check keeps
 * it current); an older one is listed again first. */
const ROSTER_FRESH_FOR_ANALYSIS_MS = 60 * 60_000;

// The background share of one creator's bucket, in calls per second.
const BUDGET_RATE = DEFAULT_LIMITER.limit / (DEFAULT_LIMITER.windowMs / 1000);

type Listing = Pick<FanRoster, "status" | "listed" | "expectedFans"> | null;

/** Calls still to make: list pages left (while the roster lists), then
 * batches of 100 fans. */
export function remainingCalls(
  a: Pick<AudienceAnalysis, "phase" | "expectedFans" | "insightsTotal" | "insightsDone">,
  r: Listing,
) {
  const listed = r?.listed ?? 0;
  const fans = Math.max(a.expectedFans ?? 0, r?.expectedFans ?? 0, a.insightsTotal, listed);
  const listing =
    a.phase === "listing" && r?.status === "running" ? Math.ceil(Math.max(0, fans - listed) / AUDIENCE_PAGE_MAX) : 0;
  return listing + Math.ceil(Math.max(0, fans - a.insightsDone) / BATCH_MAX);
}

/** ETA from the run's own pace once it has one (it converges on the rate
 * budget in long runs); before that, from the budget itself. */
export function etaSeconds(a: AudienceAnalysis, r: Listing, now = Date.now()) {
  if (a.status !== "running") return null;
  const elapsed = (now - a.startedAt.getTime()) / 1000;
  const rate = a.calls >= 10 && elapsed >= 5 ? Math.min(a.calls / elapsed, BUDGET_RATE * 4) : BUDGET_RATE;
  return Math.ceil(remainingCalls(a, r) / rate);
}

export function toAnalysisView(
  a: AudienceAnalysis | null,
  r: Listing,
  supported: boolean,
  audience: number | null,
  queued = false,
): AnalysisView {
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  if (!a)
    return {
      supported,
      audience,
      calls: 0,
      remainingCalls: 0,
      status: "never",
      phase: null,
      listed: 0,
      expectedFans: null,
      insightsDone: 0,
      insightsTotal: 0,
      errors: 0,
      startedAt: null,
      finishedAt: null,
      etaSec: null,
      lastError: null,
    };
  return {
    supported,
    audience,
    calls: a.calls,
    remainingCalls: a.status === "running" ? remainingCalls(a, r) : 0,
    status: queued && a.status === "running" ? "queued" : (a.status as AnalysisView["status"]),
    phase: a.phase,
    listed: r?.listed ?? 0,
    expectedFans: a.expectedFans ?? r?.expectedFans ?? null,
    insightsDone: a.insightsDone,
    insightsTotal: Math.max(a.insightsTotal, a.expectedFans ?? 0),
    errors: a.errors,
    startedAt: iso(a.startedAt),
    finishedAt: iso(a.finishedAt),
    etaSec: etaSeconds(a, r),
    lastError: a.lastError,
  };
}

export async function getAnalysis(ref: CreatorRef): Promise<AnalysisView> {
  const creatorId = ref.creator.id;
  // A run nothing works on any more is shown as stopped, not "running" for ever.
  await sweepStaleAnalyses(creatorId);
  const [a, r] = await Promise.all([
    db.audienceAnalysis.findUnique({ where: { creatorId } }),
    db.fanRoster.findUnique({ where: { creatorId } }),
  ]);
  // Queued or paused (for a reconnect) = waiting for a worker, with no progress yet.
  const job =
    a?.status === "running"
      ? await db.job.findFirst({
          where: { key: rosterKey(creatorId), status: { in: ["queued", "paused"] } },
          select: { id: true },
        })
      : null;
  const counts = await audienceCounts(ref);
  const audience =
    counts.subscribers !== null && counts.followers !== null ? counts.subscribers + counts.followers : null;
  return toAnalysisView(
    a,
    r,
    hasFanInsights(ref),
    audience,
    Boolean(job) && (a?.calls ?? 0) === 0 && (r?.listed ?? 0) === 0,
  );
}

/** The roster sync the run will analyse: the one running, a recent one, or a new one. */
async function rosterFor(ref: CreatorRef): Promise<{ rosterRunId: string; phase: "listing" | "insights" }> {
  const r = await db.fanRoster.findUnique({ where: { creatorId: ref.creator.id } });
  if (r?.status === "running") return { rosterRunId: r.runId, phase: "listing" };
  if (r?.status === "done" && r.syncedAt && Date.now() - r.syncedAt.getTime() < ROSTER_FRESH_FOR_ANALYSIS_MS)
    return { rosterRunId: r.runId, phase: "insights" };
  return { rosterRunId: (await startRosterSync(ref, "analysis")).runId, phase: "listing" };
}

type RunFields = Omit<AudienceAnalysis, "creatorId" | "updatedAt">;

const isUniqueViolation = (e: unknown) =>
  typeof e === "object" && e !== null && (e as { code?: string }).code === "P2002";

/** Writes a new run unless one is running, atomically: replaces a finished
 * run only while it is not running (a concurrent start that got there first
 * makes this match nothing), or creates the first one (a concurrent first
 * start makes this a unique violation). False: another start won. */
async function claimRun(creatorId: string, run: RunFields): Promise<boolean> {
  const replaced = await db.audienceAnalysis.updateMany({
    where: { creatorId, status: { not: "running" } },
    data: run,
  });
  if (replaced.count === 1) return true;
  try {
    await db.audienceAnalysis.create({ data: { creatorId, ...run } });
    return true;
  } catch (err) {
    if (isUniqueViolation(err)) return false;
    throw err;
  }
}

/** Starts a run, or returns the one in progress: two "Analyse all" at once
 * make one run, both callers see it. */
export async function startAnalysis(ref: CreatorRef): Promise<AnalysisView> {
  if (!hasFanInsights(ref)) {
    throw new ApiError(
      "conflict",
      "Fan spending is not available for agency-managed creators through Fanvue's API, so there is nothing to analyse.",
    );
  }
  const creatorId = ref.creator.id;
  await sweepStaleAnalyses(creatorId);
  const current = await db.audienceAnalysis.findUnique({ where: { creatorId } });
  if (current?.status === "running") return getAnalysis(ref);
  const counts = await audienceCounts(ref);
  const expectedFans =
    counts.subscribers !== null && counts.followers !== null ? counts.subscribers + counts.followers : null;
  // Both safe to repeat: the roster sync and its job are single-flight.
  const roster = await rosterFor(ref);
  const run: RunFields = {
    runId: randomUUID(),
    status: "running",
    ...roster,
    expectedFans,
    insightOrder: null,
    insightsTotal: 0,
    insightsDone: 0,
    retryRound: 0,
    errors: 0,
    calls: 0,
    startedAt: new Date(),
    finishedAt: null,
    lastError: null,
  };
  await claimRun(creatorId, run);
  // Queued by every caller (deduplicated by key): if the winner died right
  // after writing the run, a loser still gives it its job.
  await queueRosterJob(ref);
  return getAnalysis(ref);
}

/** Stops the analysis; the roster sync it may have started goes on. */
export async function cancelAnalysis(ref: CreatorRef): Promise<AnalysisView> {
  const creatorId = ref.creator.id;
  const res = await db.audienceAnalysis.updateMany({
    where: { creatorId, status: "running" },
    data: { status: "cancelled", finishedAt: new Date() },
  });
  if (res.count === 0) throw new ApiError("conflict", "No analysis is running.");
  // Nothing left for a queued job to do unless the roster still syncs.
  const r = await db.fanRoster.findUnique({ where: { creatorId } });
  if (r?.status !== "running") await cancelJobs({ key: rosterKey(creatorId) });
  return getAnalysis(ref);
}
