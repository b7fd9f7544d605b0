import { earningsExport } from "@/lib/contracts/earnings";
import { apiRoute } from "@/lib/server/api/route";
import { exportEarnings } from "@/lib/server/earnings/export";
import { recordAudit } from "@/lib/server/workspaces/audit";

export const GET = apiRoute(earningsExport, {
  handler: async ({ access, user, query }) => {
    const fileName = `earnings-${access.creator.handle}-${query.range}-${query.tz.replace(/\//g, "_")}.csv`;
    const audit = () =>
      recordAudit({
        workspaceId: access.workspace.id,
        creatorId: access.creator.id,
        actor: user,
        action: "earnings.export",
        details: { range: query.range, from: query.from, to: query.to, tz: query.tz, rows: query.rows },
      });
    return exportEarnings({
      userId: user.id,
      creatorIds: [access.creator.id],
      query,
      rows: query.rows,
      label: `@${access.creator.handle}`,
      fileName,
      onStart: audit,
    });
  },
});
