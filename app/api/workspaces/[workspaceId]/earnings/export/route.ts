import { agencyEarningsExport } from "@/lib/contracts/earnings";
import { db } from "@/lib/server/db";
import { apiRoute } from "@/lib/server/api/route";
import { exportEarnings } from "@/lib/server/earnings/export";
import { scopedCreatorWhere } from "@/lib/server/workspaces/access";
import { recordAudit } from "@/lib/server/workspaces/audit";

export const GET = apiRoute(agencyEarningsExport, {
  handler: async ({ access, user, query }) => {
    const creators = await db.creator.findMany({ where: scopedCreatorWhere(access) });
    const handles = new Map(creators.map((c) => [c.id, c.handle]));
    const fileName = `earnings-all-creators-${query.range}-${query.tz.replace(/\//g, "_")}.csv`;
    const label = `${access.workspace.name} (${creators.length} creators)`;
    const audit = () =>
      recordAudit({
        workspaceId: access.workspace.id,
        actor: user,
        action: "earnings.export",
        details: { scope: "all creators", range: query.range, tz: query.tz, rows: query.rows },
      });
    return exportEarnings({
      userId: user.id,
      creatorIds: [...handles.keys()],
      query,
      rows: query.rows,
      label,
      fileName,
      creatorHandles: handles,
      onStart: audit,
    });
  },
});
