import "server-only";
import type { AgencyOverview, AgencyOverviewRow } from "@/lib/schemas/agency";
import { db } from "@/lib/server/db";
import { getCreatorOverview } from "@/lib/server/creators/overview";
import { perCreatorTotals } from "@/lib/server/earnings/report";
import { getSyncStatus } from "@/lib/server/earnings/status";
import { addDays, localDate, startOfLocalDay } from "@/lib/utils/date-range";
import { hasPermission, scopedCreatorWhere, type WorkspaceAccess } from "./access";

/** "All creators": one row per creator in the member's scope. Each creator's
 * figures come through its own rate bucket; one failing creator shows its
 * error in its row and never blanks the others. */
export async function getAgencyOverview(access: WorkspaceAccess, tz: string): Promise<AgencyOverview> {
  const creators = await db.creator.findMany({
    where: scopedCreatorWhere(access),
    orderBy: { displayName: "asc" },
  });
  const showEarnings = hasPermission(access, "earnings:read");
  const ids = creators.map((c) => c.id);
  const [earnings, sync] = showEarnings
    ? await Promise.all([earningsByCreator(ids, tz), getSyncStatus(ids)])
    : [null, null];
  // Before the first sync completes, "0" would be a lie: show "—".
  const ledgerReady = sync !== null && sync.state !== "never" && sync.state !== "backfilling";
  const rows = await Promise.all(
    creators.map(async (c): Promise<AgencyOverviewRow> => {
      const creator = {
        id: c.id,
        fanvueUuid: c.fanvueUuid,
        handle: c.handle,
        displayName: c.displayName,
        avatarUrl: c.avatarUrl,
      };
      const e = ledgerReady ? earnings?.get(c.id) : undefined;
      const base = {
        creator: { id: c.id, handle: c.handle, displayName: c.displayName, avatarUrl: c.avatarUrl },
        earningsToday: e ? e.today : null,
        earnings30d: e ? e.last30 : null,
      };
      try {
        const snap = await getCreatorOverview({ ...access, creator });
        return {
          ...base,
          subscribers: snap.data.subscribers,
          unreadChats: snap.data.unreadChats,
          unreadCapped: snap.data.unreadCapped,
          unreadSyncedAt: snap.data.unreadSyncedAt,
          stale: snap.stale,
          error: null,
        };
      } catch (err) {
        return {
          ...base,
          subscribers: null,
          unreadChats: null,
          unreadCapped: false,
          unreadSyncedAt: null,
          stale: false,
          error: (err as Error).message,
        };
      }
    }),
  );
  const sum = (k: "earningsToday" | "earnings30d") => (ledgerReady ? rows.reduce((n, r) => n + (r[k] ?? 0), 0) : null);
  return {
    rows,
    showEarnings,
    totals: {
      subscribers: rows.reduce((n, r) => n + (r.subscribers ?? 0), 0),
      unreadChats: rows.reduce((n, r) => n + (r.unreadChats ?? 0), 0),
      earningsToday: sum("earningsToday"),
      earnings30d: sum("earnings30d"),
    },
    earningsNote: ledgerReady
      ? `Gross, USD, days in ${tz}, from the synced ledger.`
      : "Gross, USD: importing earnings history from Fanvue…",
    earningsAsOf: ledgerReady ? (sync?.asOf ?? null) : null,
  };
}

/** Today and the last 30 days (today included) from the synced ledger, in the
 * viewer's zone: the same figures the earnings page shows. */
async function earningsByCreator(creatorIds: string[], tz: string) {
  const now = Date.now();
  const today = localDate(now, tz);
  const range = (from: string) => ({
    startUtc: new Date(startOfLocalDay(from, tz)).toISOString(),
    endUtc: new Date(startOfLocalDay(addDays(today, 1), tz)).toISOString(),
  });
  const none = { startUtc: new Date(0).toISOString(), effectiveEndUtc: new Date(0).toISOString() };
  const [d1, d30] = await Promise.all([
    perCreatorTotals(creatorIds, range(today), none, []),
    perCreatorTotals(creatorIds, range(addDays(today, -29)), none, []),
  ]);
  const out = new Map<string, { today: number; last30: number }>();
  for (const id of creatorIds)
    out.set(id, { today: d1.current.get(id)?.gross ?? 0, last30: d30.current.get(id)?.gross ?? 0 });
  return out;
}
