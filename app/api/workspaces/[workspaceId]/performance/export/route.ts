import { workspacePerformanceExport as contract } from "@/lib/contracts/performance";
import { apiRoute } from "@/lib/server/api/route";
import { performanceCsv } from "@/lib/server/agency/performance-csv";
import { recordAudit } from "@/lib/server/workspaces/audit";

export const GET = apiRoute(contract, {
  handler: async ({ access, user, query }) => {
    const res = await performanceCsv(access, user.id, query);
    await recordAudit({
      workspaceId: access.workspace.id,
      actor: user,
      creatorId: query.creatorId ?? null,
      action: "performance.export",
      details: { range: query.range, tz: query.tz },
    });
    return res;
  },
});
