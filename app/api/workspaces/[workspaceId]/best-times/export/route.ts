import { workspaceBestTimesExport as contract } from "@/lib/contracts/growth";
import { apiRoute } from "@/lib/server/api/route";
import { bestTimesCsv, getBestTimes } from "@/lib/server/growth/best-times";
import { recordAudit } from "@/lib/server/workspaces/audit";
import { scopedCreatorIds } from "@/lib/server/workspaces/access";

export const GET = apiRoute(contract, {
  handler: async ({ access, user, query }) => {
    const res = bestTimesCsv(await getBestTimes(await scopedCreatorIds(access), query), "all-creators");
    await recordAudit({
      workspaceId: access.workspace.id,
      actor: user,
      action: "best_times.export",
      target: access.workspace.id,
      details: { range: query.range, from: query.from, to: query.to, tz: query.tz, source: query.source },
    });
    return res;
  },
});
