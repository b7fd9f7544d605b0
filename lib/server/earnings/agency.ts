import "server-only";
import type { EarningsQuery } from "@/lib/schemas/earnings";
import { db } from "@/lib/server/db";
import { scopedCreatorWhere, type WorkspaceAccess } from "@/lib/server/workspaces/access";
import { earningsReport, perCreatorTotals } from "./report";
import { getSyncStatus } from "./status";

/** All creators of an agency (in the member's scope): combined report plus a
 * row per creator, same range, zone and sources. */
export async function agencyEarnings(access: WorkspaceAccess, q: EarningsQuery) {
  const creators = await db.creator.findMany({
    where: scopedCreatorWhere(access),
    orderBy: { displayName: "asc" },
  });
  const ids = creators.map((c) => c.id);
  const report = await earningsReport(ids, ids, q);
  const per = await perCreatorTotals(ids, report.range, report.previous, q.sources);
  const zero = { gross: 0, net: 0, transactions: 0, payingFans: 0 };
  const rows = await Promise.all(
    creators.map(async (c) => ({
      creator: { id: c.id, handle: c.handle, displayName: c.displayName, avatarUrl: c.avatarUrl },
      totals: per.current.get(c.id) ?? zero,
      previousTotals: per.previous.get(c.id) ?? zero,
      sync: await getSyncStatus([c.id]),
    })),
  );
  return { ...report, creators: rows };
}
