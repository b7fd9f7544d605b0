import { workspaceCohortValueExport as contract } from "@/lib/contracts/growth";
import { apiRoute } from "@/lib/server/api/route";
import { cohortValueCsv, getCohortValue } from "@/lib/server/growth/cohort-value";
import { recordAudit } from "@/lib/server/workspaces/audit";
import { scopedCreatorIds } from "@/lib/server/workspaces/access";

export const GET = apiRoute(contract, {
  handler: async ({ access, user, query }) => {
    const res = cohortValueCsv(await getCohortValue(await scopedCreatorIds(access), query), "all-creators");
    await recordAudit({
      workspaceId: access.workspace.id,
      actor: user,
      action: "cohort_value.export",
      target: access.workspace.id,
      details: { months: query.months, tz: query.tz, by: query.by },
    });
    return res;
  },
});
