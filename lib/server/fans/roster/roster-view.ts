import "server-only";
import type { FanRoster } from "@/generated/prisma/client";
import type { RosterView } from "@/lib/schemas/fans";
import { perRequest } from "@/lib/server/api/request-context";
import { db } from "@/lib/server/db";
import { DEFAULT_LIMITER } from "@/lib/server/fanvue/limiter";
import { AUDIENCE_PAGE_MAX } from "@/lib/server/fanvue/resources/audience";
import type { CreatorRef } from "@/lib/server/fans/insights/insights";
import { rosterCounts } from "@/lib/server/fans/roster/roster-head";
import { startRosterSync } from "@/lib/server/fans/roster/roster-sync";

// How fresh the roster is, for the page ("roster synced 4 min ago", the
// first sync's progress). Never claims more than it knows.

/** Background work gets ~90 % of the budget (the limiter's reserve). */
const BACKGROUND_RATE =
  (DEFAULT_LIMITER.limit * (1 - DEFAULT_LIMITER.reserveShare)) / (DEFAULT_LIMITER.windowMs / 1000);

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Seconds left for a running sync: from its own pace once it has one,
 * before that from the budget. */
export function syncEtaSec(r: FanRoster, now = Date.now()): number | null {
  if (r.status !== "running" || r.expectedFans === null) return null;
  const pages = Math.ceil(Math.max(0, r.expectedFans - r.listed) / AUDIENCE_PAGE_MAX);
  const elapsed = (now - r.startedAt.getTime()) / 1000;
  const rate = r.calls >= 10 && elapsed >= 5 ? r.calls / elapsed : BACKGROUND_RATE;
  return Math.ceil(pages / rate);
}

export function toRosterView(r: FanRoster | null, fans: number): RosterView {
  if (!r)
    return {
      status: "never",
      firstSync: false,
      syncedAt: null,
      checkedAt: null,
      fans,
      audience: null,
      progress: null,
      unavailable: [],
      error: null,
    };
  const audience =
    r.fanvueSubscribers !== null && r.fanvueFollowers !== null
      ? r.fanvueSubscribers + r.fanvueFollowers
      : r.expectedFans;
  return {
    status: r.status as RosterView["status"],
    firstSync: r.status === "running" && r.syncedAt === null,
    syncedAt: iso(r.syncedAt),
    checkedAt: iso(r.checkedAt),
    fans,
    audience,
    progress: r.status === "running" ? { listed: r.listed, expected: r.expectedFans, etaSec: syncEtaSec(r) } : null,
    unavailable: r.skippedLists,
    error: r.status === "failed" || r.status === "running" ? r.lastError : null,
  };
}

/** The roster's state; the first look at a creator's fans starts its first
 * sync. Once per request: the fans page's table and its roster status ask
 * for it together, and must not start two syncs. */
export const getRosterView = (ref: CreatorRef) => perRequest(`rosterView:${ref.creator.id}`, () => readRosterView(ref));

async function readRosterView(ref: CreatorRef): Promise<{ view: RosterView; synced: boolean }> {
  let r = await db.fanRoster.findUnique({ where: { creatorId: ref.creator.id } });
  if (!r || r.status === "never") r = await startRosterSync(ref, "first");
  const c = await rosterCounts(ref.creator.id);
  return { view: toRosterView(r, (c.subscribers ?? 0) + (c.followers ?? 0)), synced: r.syncedAt !== null };
}

/** "Sync now": a full re-sync (or the one already running). */
export async function resyncRoster(ref: CreatorRef): Promise<RosterView> {
  const r = await startRosterSync(ref, "manual");
  const c = await rosterCounts(ref.creator.id);
  return toRosterView(r, (c.subscribers ?? 0) + (c.followers ?? 0));
}
