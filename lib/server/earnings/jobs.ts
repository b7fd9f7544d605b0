import "server-only";
import { db } from "@/lib/server/db";
import { enqueue } from "@/lib/server/jobs/queue";
import { registerJob, registerScheduler } from "@/lib/server/jobs/worker";
import { syncStream } from "./sync";

// The earnings sync as a background job, and the scheduler that keeps every
// creator's ledger fresh.

export const EARNINGS_SYNC = "earnings-sync";
/** A creator's ledger is refreshed when older than this. */
const FRESHNESS_MS = 10 * 60_000;

export const earningsSyncKey = (creatorId: string) => `${EARNINGS_SYNC}:${creatorId}`;

export async function requestEarningsSync(creatorId: string, connectionId: string, runAt = new Date()) {
  return enqueue(EARNINGS_SYNC, { creatorId }, { key: earningsSyncKey(creatorId), runAt, connectionId, maxAttempts: 6 });
}

registerJob(EARNINGS_SYNC, async (job, ctx) => {
  const { creatorId } = job.payload as { creatorId: string };
  const earnings = await syncStream(creatorId, "earnings", { signal: ctx.signal, onProgress: (p) => ctx.progress(p) });
  const spending = await syncStream(creatorId, "spending", { signal: ctx.signal });
  return { earningsRows: earnings.rows ?? 0, spendingRows: spending.rows ?? 0 };
});

registerScheduler("earnings-freshness", async () => {
  const stale = new Date(Date.now() - FRESHNESS_MS);
  const creators = await db.creator.findMany({
    where: { removedAt: null, workspace: { connection: { status: "active" } } },
    select: { id: true, workspace: { select: { connectionId: true } } },
  });
  const states = await db.syncState.findMany({ where: { stream: "earnings", creatorId: { in: creators.map((c) => c.id) } } });
  const byCreator = new Map(states.map((s) => [s.creatorId, s]));
  for (const c of creators) {
    const s = byCreator.get(c.id);
    if (!s?.lastSyncedAt || s.lastSyncedAt < stale) await requestEarningsSync(c.id, c.workspace.connectionId);
  }
});
