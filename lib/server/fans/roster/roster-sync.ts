import "server-only";
import { utcInstant } from "@/lib/server/sql-instant";
import { randomUUID } from "node:crypto";
import type { FanRoster, Job, Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/server/db";
import { FanvueError } from "@/lib/server/fanvue/errors";
import { AUDIENCE_PAGE_MAX, listAudiencePage, type AudienceList } from "@/lib/server/fanvue/resources/audience";
import type { JobContext } from "@/lib/server/jobs/define";
import { fetchAudienceCounts } from "@/lib/server/fans/analysis/coverage";
import { subjectOf, type CreatorRef } from "@/lib/server/fans/insights/insights";
import { recordFansQuery } from "@/lib/server/fans/roster/roster";
import { ROSTER_QUEUE, rosterJob } from "@/lib/server/fans/roster/roster-job";

// The roster's full sync: every subscriber, then every follower, 50 a page
// (Fanvue's maximum), on the rate limiter's background priority. Each page
// is committed in one transaction with the checkpoint (FanRoster), so a
// restart resumes at the next page; at the end, fans the sync did not see
// have left the audience and are removed. The run itself: roster-job.ts.

export const rosterKey = (creatorId: string) => `${ROSTER_QUEUE}:${creatorId}`;

export const LISTS: AudienceList[] = ["subscribers", "followers"];
/** 3 calls in flight: at Fanvue-like latencies (≤ 300 ms a call) ~10 calls/s,
 * well above the budget's 3.3/s, so the rate budget (not latency) sets the
 * pace; the limiter still gates every call. */
const IN_FLIGHT = 3;
/** Listing positions: followers after every possible subscriber. */
export const FOLLOWERS_BASE = 100_000_000;

export class Cancelled extends Error {}

/** Wakes whoever follows the listing (the insight lane) at each page. */
export type ListingSignal = { done: boolean; wake: () => void; next: Promise<void> };

export function listingSignal(done: boolean): ListingSignal {
  let resolve!: () => void;
  const n: ListingSignal = { done, next: new Promise<void>((r) => (resolve = r)), wake: () => undefined };
  n.wake = () => {
    const r = resolve;
    n.next = new Promise<void>((res) => (resolve = res));
    r();
  };
  return n;
}

/** One job's work on a creator's roster (and, alongside, its analysis). */
export type Run = { ref: CreatorRef; job: Job; ctx: JobContext; halt: AbortController; listed: ListingSignal };

/** Starts a full sync unless one is running, and queues the roster job. */
export async function startRosterSync(ref: CreatorRef, reason: string): Promise<FanRoster> {
  const creatorId = ref.creator.id;
  const current = await db.fanRoster.findUnique({ where: { creatorId } });
  if (current?.status !== "running") {
    // No Fanvue call here (a page load or the scheduler may be asking): the
    // job learns the audience size first thing (expectedCounts below).
    const fresh = {
      runId: randomUUID(),
      status: "running",
      phase: "subscribers",
      subscribersPage: 1,
      followersPage: 1,
      listed: 0,
      calls: 0,
      expectedFans: null,
      reason,
      startedAt: new Date(),
      skippedLists: [],
      lastError: null,
    };
    // Only if still not running: two pages asking at once start one sync.
    await db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${rosterKey(creatorId)}))`;
      const now = await tx.fanRoster.findUnique({ where: { creatorId } });
      if (now?.status === "running") return;
      await tx.fanRoster.upsert({ where: { creatorId }, create: { creatorId, ...fresh }, update: fresh });
    });
  }
  await queueRosterJob(ref);
  return db.fanRoster.findUniqueOrThrow({ where: { creatorId } });
}

export const queueRosterJob = (ref: CreatorRef) =>
  rosterJob.enqueue(
    { creatorId: ref.creator.id },
    { key: rosterKey(ref.creator.id), connectionId: ref.workspace.connectionId },
  );

/** Applies a roster checkpoint (with the page's rows, in one transaction);
 * stops when the sync was replaced. */
async function commit(
  run: Run,
  runId: string,
  data: Prisma.FanRosterUpdateManyMutationInput,
  rows?: Prisma.PrismaPromise<number>,
) {
  const where = { creatorId: run.ref.creator.id, runId, status: "running" };
  const res = rows
    ? (await db.$transaction([rows, db.fanRoster.updateMany({ where, data })]))[1]
    : await db.fanRoster.updateMany({ where, data });
  if (res.count === 0) throw new Cancelled();
  return db.fanRoster.findUniqueOrThrow({ where: { creatorId: run.ref.creator.id } });
}

function fetchPages(run: Run, list: AudienceList, from: number) {
  const client = subjectOf(run.ref).client;
  // A per-call signal: limiter.acquire() adds an abort listener to it.
  const opts = () => ({ priority: "background" as const, signal: AbortSignal.any([run.ctx.signal, run.halt.signal]) });
  return Promise.all(
    Array.from({ length: IN_FLIGHT }, (_, i) =>
      listAudiencePage(client, list, { page: from + i, size: AUDIENCE_PAGE_MAX }, opts()),
    ),
  );
}

/** A list Fanvue does not offer this account (404/405/501) is skipped,
 * not retried for ever: its fans stay as they were. */
const isMissingList = (err: unknown) =>
  err instanceof FanvueError && (err.kind === "not_found" || err.kind === "unsupported");

/** The audience size to measure progress against (one call; unknown when
 * Fanvue cannot say: the page then shows "—", never a made-up total). */
async function expectedCounts(run: Run, r: FanRoster): Promise<FanRoster> {
  if (r.expectedFans !== null || r.listed > 0) return r;
  const c = await fetchAudienceCounts(run.ref, "background").catch(() => null);
  const expectedFans = c && c.subscribers !== null && c.followers !== null ? c.subscribers + c.followers : null;
  return commit(run, r.runId, {
    expectedFans,
    fanvueSubscribers: c?.subscribers ?? null,
    fanvueFollowers: c?.followers ?? null,
    calls: { increment: 1 },
  });
}

/** Pages are fetched 3 at a time and committed in page order; pages past
 * the end come back empty (at most 2 extra calls per list). */
export async function listingLane(run: Run, r: FanRoster): Promise<FanRoster> {
  r = await expectedCounts(run, r);
  for (const [i, list] of LISTS.entries()) {
    if (r.phase !== list) continue;
    const pageField = list === "subscribers" ? "subscribersPage" : "followersPage";
    const base = list === "subscribers" ? 0 : FOLLOWERS_BASE;
    const next = LISTS[i + 1] ?? "done";
    for (let done = false; !done && !run.halt.signal.aborted;) {
      const from = r[pageField];
      let pages;
      try {
        pages = await fetchPages(run, list, from);
      } catch (err) {
        if (from !== 1 || !isMissingList(err)) throw err;
        r = await commit(run, r.runId, { phase: next, skippedLists: { push: list }, calls: { increment: 1 } });
        break;
      }
      for (const [j, res] of pages.entries()) {
        const page = from + j;
        done = !res.pagination.hasMore || res.data.length === 0;
        const rows = recordFansQuery(run.ref.creator.id, list, res.data, {
          id: r.runId,
          orderBase: base + (page - 1) * AUDIENCE_PAGE_MAX,
        });
        r = await commit(
          run,
          r.runId,
          {
            [pageField]: page + 1,
            listed: { increment: res.data.length },
            calls: { increment: 1 },
            ...(done ? { phase: next } : {}),
          },
          rows,
        );
        run.listed.wake();
        if (done) break;
      }
    }
  }
  return r;
}

/** Done: fans no list showed during this sync have left the audience (fans
 * of a list Fanvue would not give are kept, as are fans known only by id). */
export async function finishRoster(run: Run, r: FanRoster): Promise<FanRoster> {
  const creatorId = run.ref.creator.id;
  const skipped = r.skippedLists.length ? r.skippedLists : ["-"];
  const removed = await db.$executeRaw`
    DELETE FROM "AudienceFan" WHERE "creatorId" = ${creatorId} AND handle <> '' AND "seenAt" < ${utcInstant(r.startedAt)}
      AND ("runId" IS NULL OR "runId" <> ${r.runId}) AND list <> ALL(${skipped}::text[])`;
  // A full sync is also the freshest check there is.
  return commit(run, r.runId, {
    status: "done",
    phase: "done",
    removed,
    syncedAt: new Date(),
    checkedAt: new Date(),
    lastError: null,
  });
}

/** A sync given up on (the job's last attempt failed): said on the page. */
export async function failRoster(creatorId: string, runId: string, message: string) {
  await db.fanRoster.updateMany({
    where: { creatorId, runId, status: "running" },
    data: { status: "failed", lastError: message },
  });
}
