import { creatorRetentionExport as contract } from "@/lib/contracts/growth";
import { apiRoute } from "@/lib/server/api/route";
import { getRetention, retentionCsv } from "@/lib/server/growth/retention";
import { recordAudit } from "@/lib/server/workspaces/audit";

export const GET = apiRoute(contract, {
  handler: async ({ access, user, query }) => {
    const res = retentionCsv(await getRetention([access.creator.id], query), access.creator.handle);
    await recordAudit({
      workspaceId: access.workspace.id,
      creatorId: access.creator.id,
      actor: user,
      action: "retention.export",
      target: access.creator.id,
      details: { months: query.months, tz: query.tz },
    });
    return res;
  },
});
