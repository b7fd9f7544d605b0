import "server-only";
import type { SyncStatus } from "@/lib/schemas/earnings";
import { db } from "@/lib/server/db";
import { OPEN_JOB_STATUSES } from "@/lib/server/jobs/queue";
import { earningsSyncKey } from "./jobs";

const RANK: Record<SyncStatus["state"], number> = {
  failed: 6,
  paused: 5,
  backfilling: 4,
  never: 3,
  syncing: 2,
  idle: 1,
};

/** What a workspace's ledger covers: its creators' oldest watermark (null until each has synced once). */
export async function workspaceLedgerAsOf(workspaceId: string): Promise<string | null> {
  const creators = await db.creator.findMany({ where: { workspaceId, removedAt: null }, select: { id: true } });
  const states = await db.syncState.findMany({
    where: { creatorId: { in: creators.map((c) => c.id) }, stream: "earnings" },
    select: { watermark: true },
  });
  const marks = states.map((s) => s.watermark);
  if (creators.length === 0 || marks.length < creators.length || marks.some((m) => m === null)) return null;
  return new Date(Math.min(...marks.map((m) => m!.getTime()))).toISOString();
}

/** How the ledger of these creators stands: the worst state wins (a failed
 * or paused sync is never hidden behind a healthy one). */
export async function getSyncStatus(creatorIds: string[]): Promise<SyncStatus> {
  const [states, jobs] = await Promise.all([
    db.syncState.findMany({ where: { creatorId: { in: creatorIds } } }),
    db.job.findMany({
      where: { key: { in: creatorIds.map(earningsSyncKey) }, status: { in: [...OPEN_JOB_STATUSES] } },
    }),
  ]);
  const statuses = creatorIds.map((id) =>
    one(
      states.filter((s) => s.creatorId === id),
      jobs.find((j) => j.key === earningsSyncKey(id)),
    ),
  );
  // The figures are as fresh as the least fresh creator's ledger.
  const asOf = statuses.some((s) => s.asOf === null) ? null : (statuses.map((s) => s.asOf!).sort()[0] ?? null);
  const worst = statuses.sort((a, b) => RANK[b.state] - RANK[a.state])[0];
  return worst
    ? { ...worst, asOf }
    : { state: "never", lastSyncedAt: null, asOf: null, error: null, progress: null, refundsAvailable: true };
}

type State = Awaited<ReturnType<typeof db.syncState.findMany>>[number];
type Job = Awaited<ReturnType<typeof db.job.findMany>>[number];

function one(states: State[], job: Job | undefined): SyncStatus {
  const e = states.find((s) => s.stream === "earnings");
  const refundsAvailable = !states.find((s) => s.stream === "spending")?.unsupported;
  const base = {
    lastSyncedAt: e?.lastSyncedAt?.toISOString() ?? null,
    asOf: e?.watermark?.toISOString() ?? null,
    refundsAvailable,
  };
  if (job?.status === "paused") return { ...base, state: "paused", error: job.lastError, progress: null };
  if (e?.status === "failed") return { ...base, state: "failed", error: e.lastError, progress: null };
  if (e?.status === "running" || job?.status === "running") {
    const fraction = e?.expectedGross ? Math.min(1, Number(e.grossDone) / Number(e.expectedGross)) : null;
    const progress = e
      ? {
          rowsDone: e.rowsDone,
          reachedAt: e.reachedAt?.toISOString() ?? null,
          runFrom: e.runFrom?.toISOString() ?? null,
          runUntil: e.runUntil?.toISOString() ?? null,
          fraction,
        }
      : null;
    return { ...base, state: e?.backfilledAt ? "syncing" : "backfilling", error: null, progress };
  }
  if (!e?.lastSyncedAt) return { ...base, state: job ? "backfilling" : "never", error: null, progress: null };
  return { ...base, state: "idle", error: null, progress: null };
}
