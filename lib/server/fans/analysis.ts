import "server-only";
import { randomUUID } from "node:crypto";
import type { AudienceAnalysis } from "@/generated/prisma/client";
import type { AnalysisView } from "@/lib/schemas/fans";
import { ApiError } from "@/lib/server/api/errors";
import { db } from "@/lib/server/db";
import { DEFAULT_LIMITER } from "@/lib/server/fanvue/limiter";
import { AUDIENCE_PAGE_MAX } from "@/lib/server/fanvue/resources/audience";
import { BATCH_MAX } from "@/lib/server/fanvue/resources/fan-insights";
import { cancelJobs, enqueue } from "@/lib/server/jobs/queue";
import { audienceCounts } from "./coverage";
import { hasFanInsights, type CreatorRef } from "./insights";

// "Analyse all N fans": status, start and cancel of the background run
// (the run itself: analysis-job.ts).

export const ANALYSIS_QUEUE = "fans.analyse";
export const analysisKey = (creatorId: string) => `${ANALYSIS_QUEUE}:${creatorId}`;

// The background share of one creator's bucket, in calls per second.
const BUDGET_RATE = DEFAULT_LIMITER.limit / (DEFAULT_LIMITER.windowMs / 1000);

/** Calls still to make: list pages left, then batches of 100 fans. */
export function remainingCalls(a: Pick<AudienceAnalysis, "phase" | "listed" | "expectedFans" | "insightsTotal" | "insightsDone">) {
  const fans = Math.max(a.expectedFans ?? 0, a.insightsTotal, a.listed);
  const listing = a.phase === "subscribers" || a.phase === "followers" ? Math.ceil(Math.max(0, fans - a.listed) / AUDIENCE_PAGE_MAX) : 0;
  return listing + Math.ceil(Math.max(0, fans - a.insightsDone) / BATCH_MAX);
}

/** ETA from the run's own pace once it has one (it converges on the rate
 * budget in long runs); before that, from the budget itself. */
export function etaSeconds(a: AudienceAnalysis, now = Date.now()) {
  if (a.status !== "running") return null;
  const elapsed = (now - a.startedAt.getTime()) / 1000;
  const rate = a.calls >= 10 && elapsed >= 5 ? Math.min(a.calls / elapsed, BUDGET_RATE * 4) : BUDGET_RATE;
  return Math.ceil(remainingCalls(a) / rate);
}

export function toAnalysisView(a: AudienceAnalysis | null, supported: boolean, audience: number | null, queued = false): AnalysisView {
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  if (!a) return { supported, audience, calls: 0, remainingCalls: 0, status: "never", phase: null, listed: 0, expectedFans: null, insightsDone: 0, insightsTotal: 0, errors: 0, startedAt: null, finishedAt: null, etaSec: null, lastError: null };
  return {
    supported,
    audience,
    calls: a.calls,
    remainingCalls: a.status === "running" ? remainingCalls(a) : 0,
    status: queued && a.status === "running" ? "queued" : (a.status as AnalysisView["status"]),
    phase: a.phase,
    listed: a.listed,
    expectedFans: a.expectedFans,
    insightsDone: a.insightsDone,
    insightsTotal: Math.max(a.insightsTotal, a.expectedFans ?? 0),
    errors: a.errors,
    startedAt: iso(a.startedAt),
    finishedAt: iso(a.finishedAt),
    etaSec: etaSeconds(a),
    lastError: a.lastError,
  };
}

export async function getAnalysis(ref: CreatorRef): Promise<AnalysisView> {
  const a = await db.audienceAnalysis.findUnique({ where: { creatorId: ref.creator.id } });
  // Queued = waiting for a worker (e.g. paused for a reconnect) with no progress yet.
  const job = a?.status === "running" ? await db.job.findFirst({ where: { key: analysisKey(ref.creator.id), status: "queued" }, select: { id: true } }) : null;
  const counts = await audienceCounts(ref);
  const audience = counts.subscribers !== null && counts.followers !== null ? counts.subscribers + counts.followers : null;
  return toAnalysisView(a, hasFanInsights(ref), audience, Boolean(job) && (a?.calls ?? 0) === 0);
}

/** Starts a run (or returns the one in progress). */
export async function startAnalysis(ref: CreatorRef): Promise<AnalysisView> {
  if (!hasFanInsights(ref)) {
    throw new ApiError("invalid_input", "Fan spending is not available for agency-managed creators through Fanvue's API, so there is nothing to analyse.");
  }
  const creatorId = ref.creator.id;
  const current = await db.audienceAnalysis.findUnique({ where: { creatorId } });
  if (current?.status === "running") return getAnalysis(ref);
  const counts = await audienceCounts(ref);
  const expectedFans = counts.subscribers !== null && counts.followers !== null ? counts.subscribers + counts.followers : null;
  const fresh = {
    runId: randomUUID(),
    status: "running",
    phase: "subscribers",
    subscribersPage: 1,
    followersPage: 1,
    listed: 0,
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
  const a = await db.audienceAnalysis.upsert({ where: { creatorId }, create: { creatorId, ...fresh }, update: fresh });
  await enqueue(ANALYSIS_QUEUE, { creatorId, runId: a.runId }, { key: analysisKey(creatorId), connectionId: ref.workspace.connectionId });
  return getAnalysis(ref);
}

export async function cancelAnalysis(ref: CreatorRef): Promise<AnalysisView> {
  const creatorId = ref.creator.id;
  const res = await db.audienceAnalysis.updateMany({ where: { creatorId, status: "running" }, data: { status: "cancelled", finishedAt: new Date() } });
  if (res.count === 0) throw new ApiError("conflict", "No analysis is running.");
  // A queued job is dropped; a running one sees the status and stops.
  await cancelJobs({ key: analysisKey(creatorId) });
  return getAnalysis(ref);
}
