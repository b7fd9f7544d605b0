import "server-only";
import type { TrackingLinksReport, TrackingLinksSyncState } from "@/lib/schemas/tracking-links";
import { db } from "@/lib/server/db";
import { OPEN_JOB_STATUSES } from "@/lib/server/jobs/queue";
import { trackingLinksSyncKey } from "./jobs";

// How fresh the mirror of these creators' links is: the worst state wins (a
// failed or paused sync is never hidden behind a healthy one), and the age is
// the oldest creator's.

const RANK: Record<TrackingLinksSyncState, number> = { failed: 5, paused: 4, never: 3, running: 2, idle: 1 };

type Status = TrackingLinksReport["sync"];

export async function getTrackingLinksSyncStatus(creatorIds: string[]): Promise<Status> {
  const [states, jobs] = await Promise.all([
    db.trackingLinkSync.findMany({ where: { creatorId: { in: creatorIds } } }),
    db.job.findMany({
      where: { key: { in: creatorIds.map(trackingLinksSyncKey) }, status: { in: [...OPEN_JOB_STATUSES] } },
      select: { key: true, status: true, lastError: true },
    }),
  ]);
  const one = (creatorId: string): Status => {
    const s = states.find((x) => x.creatorId === creatorId);
    const open = jobs.filter((j) => j.key === trackingLinksSyncKey(creatorId));
    const lastSyncedAt = s?.lastSyncedAt?.toISOString() ?? null;
    const paused = open.find((j) => j.status === "paused");
    if (paused) return { state: "paused", lastSyncedAt, error: paused.lastError };
    if (s?.status === "running") return { state: "running", lastSyncedAt, error: null };
    // A failed run waiting for its retry still says why it failed.
    if (s?.status === "failed") return { state: "failed", lastSyncedAt, error: s.lastError };
    if (open.length > 0) return { state: "running", lastSyncedAt, error: null };
    return { state: lastSyncedAt ? "idle" : "never", lastSyncedAt, error: null };
  };
  const all = creatorIds.map(one);
  const worst = [...all].sort((a, b) => RANK[b.state] - RANK[a.state])[0];
  if (!worst) return { state: "never", lastSyncedAt: null, error: null };
  const ages = all.map((s) => s.lastSyncedAt);
  const oldest = ages.includes(null) ? null : ([...ages].sort()[0] ?? null);
  return { ...worst, lastSyncedAt: oldest };
}
