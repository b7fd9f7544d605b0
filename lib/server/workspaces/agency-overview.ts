import "server-only";
import type { AgencyOverview, AgencyOverviewRow } from "@/lib/schemas/agency";
import { db } from "@/lib/server/db";
import { getCreatorOverview } from "@/lib/server/creators/overview";
import { fanvueClient } from "@/lib/server/fanvue/client";
import { listAgencyEarnings } from "@/lib/server/fanvue/resources/agencies";
import { hasPermission, type WorkspaceAccess } from "./access";

const dayUtc = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** "All creators": one row per creator in the member's scope. Each creator's
 * figures come through its own rate bucket; one failing creator shows its
 * error in its row and never blanks the others. */
export async function getAgencyOverview(access: WorkspaceAccess): Promise<AgencyOverview> {
  const creators = await db.creator.findMany({
    where: {
      workspaceId: access.workspace.id,
      removedAt: null,
      ...(access.membership.allCreators ? {} : { id: { in: access.membership.creatorIds } }),
    },
    orderBy: { displayName: "asc" },
  });
  const showEarnings = hasPermission(access, "earnings:read");
  const earnings = showEarnings ? await earningsByCreator(access, creators.map((c) => c.fanvueUuid)).catch(() => null) : null;
  const rows = await Promise.all(
    creators.map(async (c): Promise<AgencyOverviewRow> => {
      const creator = { id: c.id, fanvueUuid: c.fanvueUuid, handle: c.handle, displayName: c.displayName, avatarUrl: c.avatarUrl };
      const e = earnings?.get(c.fanvueUuid);
      const base = {
        creator: { id: c.id, handle: c.handle, displayName: c.displayName, avatarUrl: c.avatarUrl },
        earningsToday: showEarnings && earnings ? (e?.today ?? 0) : null,
        earnings30d: showEarnings && earnings ? (e?.last30 ?? 0) : null,
      };
      try {
        const snap = await getCreatorOverview({ ...access, creator });
        return { ...base, subscribers: snap.data.subscribers, unreadChats: snap.data.unreadChats, unreadCapped: snap.data.unreadCapped, stale: snap.stale, error: null };
      } catch (err) {
        return { ...base, subscribers: null, unreadChats: null, unreadCapped: false, stale: false, error: (err as Error).message };
      }
    }),
  );
  const sum = (k: "earningsToday" | "earnings30d") => (showEarnings && earnings ? rows.reduce((n, r) => n + (r[k] ?? 0), 0) : null);
  return {
    rows,
    showEarnings,
    totals: {
      subscribers: rows.reduce((n, r) => n + (r.subscribers ?? 0), 0),
      unreadChats: rows.reduce((n, r) => n + (r.unreadChats ?? 0), 0),
      earningsToday: sum("earningsToday"),
      earnings30d: sum("earnings30d"),
    },
    earningsNote: "Gross, USD, by UTC day as Fanvue reports paid invoices.",
  };
}

async function earningsByCreator(access: WorkspaceAccess, creatorUuids: string[]) {
  const now = Date.now();
  const rows = await listAgencyEarnings(fanvueClient({ connectionId: access.workspace.connectionId }), {
    startDate: dayUtc(now - 29 * 86_400_000),
    endDate: dayUtc(now + 86_400_000),
    creatorUuids,
  });
  const today = dayUtc(now);
  const out = new Map<string, { today: number; last30: number }>();
  for (const r of rows) {
    const e = out.get(r.creatorUuid) ?? { today: 0, last30: 0 };
    e.last30 += r.gross;
    if (r.date === today) e.today += r.gross;
    out.set(r.creatorUuid, e);
  }
  return out;
}

