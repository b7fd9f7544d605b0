import { agencyShareExport as contract } from "@/lib/contracts/payouts";
import { apiRoute } from "@/lib/server/api/route";
import { agencyShareCsv } from "@/lib/server/payouts/agency-share";
import { recordAudit } from "@/lib/server/workspaces/audit";

export const GET = apiRoute(contract, {
  handler: async ({ access, user, query }) => {
    const res = await agencyShareCsv(access, query);
    await recordAudit({
      workspaceId: access.workspace.id,
      creatorId: access.creator.id,
      actor: user,
      action: "agency_share.export",
      target: access.creator.id,
      details: { range: query.range, from: query.from, to: query.to, tz: query.tz },
    });
    return res;
  },
});
