import { workspaceRetentionExport as contract } from "@/lib/contracts/growth";
import { apiRoute } from "@/lib/server/api/route";
import { getRetention, retentionCsv } from "@/lib/server/growth/retention";
import { recordAudit } from "@/lib/server/workspaces/audit";
import { scopedCreatorIds } from "@/lib/server/workspaces/access";

export const GET = apiRoute(contract, {
  handler: async ({ access, user, query }) => {
    const res = retentionCsv(await getRetention(await scopedCreatorIds(access), query), "all-creators");
    await recordAudit({
      workspaceId: access.workspace.id,
      actor: user,
      action: "retention.export",
      target: access.workspace.id,
      details: { months: query.months, tz: query.tz },
    });
    return res;
  },
});
