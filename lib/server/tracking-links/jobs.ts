import "server-only";
import { z } from "zod";
import { db } from "@/lib/server/db";
import { defineJob, defineScheduler } from "@/lib/server/jobs/define";
import { syncTrackingLinks } from "./sync";

// The tracking-link sync as a background job, and the scheduler that keeps
// every creator's mirror fresh.

export const TRACKING_LINKS_SYNC = "tracking-links-sync";
/** Clicks and sign-ups move through the day; a run costs one call per link
 * (plus one per 50 fans), small against the budget every 15 minutes. */
const FRESHNESS_MS = 15 * 60_000;

export const trackingLinksSyncKey = (creatorId: string) => `${TRACKING_LINKS_SYNC}:${creatorId}`;

export const trackingLinksSyncJob = defineJob({
  queue: TRACKING_LINKS_SYNC,
  payload: z.object({ creatorId: z.string().min(1) }),
  // Its state is in TrackingLinkSync (what the page reads).
  handler: async ({ creatorId }, ctx) => syncTrackingLinks(creatorId, { signal: ctx.signal }),
});

/** `again`: a sync already running has read the links; "Sync now" queues one more after it. */
export const requestTrackingLinksSync = (creatorId: string, connectionId: string, again = false) =>
  trackingLinksSyncJob.enqueue(
    { creatorId },
    { key: trackingLinksSyncKey(creatorId), connectionId, maxAttempts: 6, again },
  );

export const trackingLinksFreshness = defineScheduler("tracking-links-freshness", async () => {
  const stale = new Date(Date.now() - FRESHNESS_MS);
  const creators = await db.creator.findMany({
    where: { removedAt: null, workspace: { connection: { status: "active" } } },
    select: { id: true, workspace: { select: { connectionId: true } } },
  });
  const states = await db.trackingLinkSync.findMany({ where: { creatorId: { in: creators.map((c) => c.id) } } });
  const byCreator = new Map(states.map((s) => [s.creatorId, s]));
  for (const c of creators) {
    const s = byCreator.get(c.id);
    if (!s?.lastSyncedAt || s.lastSyncedAt < stale) await requestTrackingLinksSync(c.id, c.workspace.connectionId);
  }
});

/** Creators whose links were never read get their first sync when the page is first opened, not at the
 * scheduler's next tick (keyed: opening the page again while it runs adds nothing). */
export async function requestFirstSyncs(creatorIds: string[], connectionId: string) {
  const known = await db.trackingLinkSync.findMany({
    where: { creatorId: { in: creatorIds } },
    select: { creatorId: true },
  });
  const seen = new Set(known.map((k) => k.creatorId));
  for (const id of creatorIds) if (!seen.has(id)) await requestTrackingLinksSync(id, connectionId);
}
