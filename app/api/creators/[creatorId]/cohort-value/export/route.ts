import { creatorCohortValueExport as contract } from "@/lib/contracts/growth";
import { apiRoute } from "@/lib/server/api/route";
import { cohortValueCsv, getCohortValue } from "@/lib/server/growth/cohort-value";
import { recordAudit } from "@/lib/server/workspaces/audit";

export const GET = apiRoute(contract, {
  handler: async ({ access, user, query }) => {
    const res = cohortValueCsv(await getCohortValue([access.creator.id], query), access.creator.handle);
    await recordAudit({
      workspaceId: access.workspace.id,
      creatorId: access.creator.id,
      actor: user,
      action: "cohort_value.export",
      target: access.creator.id,
      details: { months: query.months, tz: query.tz, by: query.by },
    });
    return res;
  },
});
