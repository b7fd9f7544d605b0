import "server-only";
import { z } from "zod";
import { db } from "@/lib/server/db";
import { defineJob, defineScheduler } from "@/lib/server/jobs/define";
import { rewarmEarningsReports } from "./report";
import { syncStream } from "./sync";

// The earnings sync as a background job, and the scheduler that keeps every
// creator's ledger fresh.

export const EARNINGS_SYNC = "earnings-sync";
/** A creator's ledger is refreshed when older than this. */
const FRESHNESS_MS = 10 * 60_000;

export const earningsSyncKey = (creatorId: string) => `${EARNINGS_SYNC}:${creatorId}`;

export const earningsSyncJob = defineJob({
  queue: EARNINGS_SYNC,
  payload: z.object({ creatorId: z.string().min(1) }),
  handler: async ({ creatorId }, ctx) => {
    // Its progress is in SyncState (what the page reads), committed with each page.
    const earnings = await syncStream(creatorId, "earnings", { signal: ctx.signal });
    const spending = await syncStream(creatorId, "spending", { signal: ctx.signal });
    // The reports viewed lately are recomputed now, not by their next viewer.
    const rewarmed = (earnings.rows ?? 0) + (spending.rows ?? 0) > 0 ? await rewarmEarningsReports(creatorId) : 0;
    return { earningsRows: earnings.rows ?? 0, spendingRows: spending.rows ?? 0, rewarmed };
  },
});

/** `again`: a sync already running has read the ledger; "Sync now" queues one more after it. */
export async function requestEarningsSync(creatorId: string, connectionId: string, runAt = new Date(), again = false) {
  return earningsSyncJob.enqueue(
    { creatorId },
    { key: earningsSyncKey(creatorId), runAt, connectionId, maxAttempts: 6, again },
  );
}

/** A money event (tip, purchase, subscription) queues a sync this long after it, so the
 * provisional figure is confirmed within about half a minute. A burst of tips shares one
 * sync: the first queues it, the rest find it waiting (its run time is never pushed back). */
const AFTER_MONEY_EVENT_MS = 20_000;

/** Confirms webhook money in the ledger soon. `again`: a sync already running (a backfill,
 * or a run begun before the event) keeps going; one more follows it instead of being lost. */
export async function requestSyncAfterMoneyEvent(creatorIds: string[], now = Date.now()) {
  const creators = await db.creator.findMany({
    where: { id: { in: creatorIds }, removedAt: null },
    select: { id: true, workspace: { select: { connectionId: true } } },
  });
  for (const c of creators)
    await requestEarningsSync(c.id, c.workspace.connectionId, new Date(now + AFTER_MONEY_EVENT_MS), true);
}

export const earningsFreshness = defineScheduler("earnings-freshness", async () => {
  const stale = new Date(Date.now() - FRESHNESS_MS);
  const creators = await db.creator.findMany({
    where: { removedAt: null, workspace: { connection: { status: "active" } } },
    select: { id: true, workspace: { select: { connectionId: true } } },
  });
  const states = await db.syncState.findMany({
    where: { stream: "earnings", creatorId: { in: creators.map((c) => c.id) } },
  });
  const byCreator = new Map(states.map((s) => [s.creatorId, s]));
  for (const c of creators) {
    const s = byCreator.get(c.id);
    if (!s?.lastSyncedAt || s.lastSyncedAt < stale) await requestEarningsSync(c.id, c.workspace.connectionId);
  }
});
