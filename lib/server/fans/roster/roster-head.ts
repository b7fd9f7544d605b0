import "server-only";
import type { FanRoster } from "@/generated/prisma/client";
import { db } from "@/lib/server/db";
import { describeForLog, FanvueError } from "@/lib/server/fanvue/errors";
import { AUDIENCE_PAGE_MAX, listAudiencePage, type AudienceList } from "@/lib/server/fanvue/resources/audience";
import { fetchAudienceCounts, type AudienceCounts } from "@/lib/server/fans/analysis/coverage";
import { subjectOf } from "@/lib/server/fans/insights/insights";
import { listCounts } from "@/lib/server/fans/roster/list-counts";
import { recordFans } from "@/lib/server/fans/roster/roster";
import { LISTS, startRosterSync, type Run } from "@/lib/server/fans/roster/roster-sync";

// The cheap periodic check between full syncs (3 calls when nothing
// changed): Fanvue's counts, and the first page of each list, newest first,
// read until it reaches fans the roster already has. New fans join the
// roster at once; counts that disagree with the roster (someone left,
// a subscription lapsed) ask for a full sync.

/** 4 pages (200 fans) of newcomers per list between two checks; more means
 * the roster fell behind: a full sync is cheaper than paging on. */
const HEAD_PAGES_MAX = 4;
/** A drifting roster is re-synced at most hourly: a full sync of 100,000
 * fans takes 2,000 calls, ten minutes of the creator's whole budget. */
export const DRIFT_RESYNC_AFTER_MS = 60 * 60_000;

/** Roster fans per list (fans known only by id, e.g. from a chat, excluded). */
export async function rosterCounts(creatorId: string): Promise<AudienceCounts> {
  const rows = await listCounts(creatorId);
  const n = (l: string) => rows.find((r) => r.list === l)?.named ?? 0;
  return { subscribers: n("subscribers"), followers: n("followers") };
}

async function knownCount(creatorId: string, list: AudienceList, uuids: string[]) {
  if (uuids.length === 0) return 0;
  return db.audienceFan.count({
    where: { creatorId, list, handle: { not: "" }, fanUuid: { in: uuids.map((u) => u.toLowerCase()) } },
  });
}

/** Reads one list's head until it meets known fans; true = fell behind. */
async function readHead(run: Run, list: AudienceList): Promise<{ calls: number; added: number; behind: boolean }> {
  const client = subjectOf(run.ref).client;
  const creatorId = run.ref.creator.id;
  let added = 0;
  for (let page = 1; page <= HEAD_PAGES_MAX; page++) {
    // Newest first where Fanvue documents a sort; elsewhere its own order.
    const res = await listAudiencePage(
      client,
      list,
      { page, size: AUDIENCE_PAGE_MAX, sort: { field: "subscribedAt", dir: "desc" } },
      { priority: "background", signal: run.ctx.signal },
    );
    const known = await knownCount(
      creatorId,
      list,
      res.data.map((f) => f.uuid),
    );
    await recordFans(creatorId, list, res.data);
    added += res.data.length - known;
    if (known > 0 || !res.pagination.hasMore) return { calls: page, added, behind: false };
  }
  return { calls: HEAD_PAGES_MAX, added, behind: true };
}

const drifted = (fanvue: AudienceCounts, mine: AudienceCounts) =>
  (fanvue.subscribers !== null && fanvue.subscribers !== mine.subscribers) ||
  (fanvue.followers !== null && fanvue.followers !== mine.followers);

export async function headCheck(run: Run, r: FanRoster): Promise<{ added: number; resync: string | null }> {
  const creatorId = run.ref.creator.id;
  try {
    const fanvue = await fetchAudienceCounts(run.ref, "background");
    let calls = 1;
    let added = 0;
    let behind = false;
    for (const list of LISTS.filter((l) => !r.skippedLists.includes(l))) {
      const h = await readHead(run, list);
      calls += h.calls;
      added += h.added;
      behind ||= h.behind;
    }
    const drift = drifted(fanvue, await rosterCounts(creatorId));
    await db.fanRoster.update({
      where: { creatorId },
      data: {
        checkedAt: new Date(),
        fanvueSubscribers: fanvue.subscribers,
        fanvueFollowers: fanvue.followers,
        calls: { increment: calls },
      },
    });
    const due = !r.syncedAt || Date.now() - r.syncedAt.getTime() >= DRIFT_RESYNC_AFTER_MS;
    const resync = behind ? "head" : drift && due ? "drift" : null;
    if (resync) await startRosterSync(run.ref, resync);
    return { added, resync };
  } catch (err) {
    if (run.ctx.signal.aborted || !(err instanceof FanvueError)) throw err;
    // The next check (minutes away) tries again; the page shows the age.
    console.warn(`[fans] head check of ${creatorId} failed: ${describeForLog(err)}`);
    return { added: 0, resync: null };
  }
}
