import { creatorBestTimesExport as contract } from "@/lib/contracts/growth";
import { apiRoute } from "@/lib/server/api/route";
import { bestTimesCsv, getBestTimes } from "@/lib/server/growth/best-times";
import { recordAudit } from "@/lib/server/workspaces/audit";

export const GET = apiRoute(contract, {
  handler: async ({ access, user, query }) => {
    const res = bestTimesCsv(await getBestTimes([access.creator.id], query), access.creator.handle);
    await recordAudit({
      workspaceId: access.workspace.id,
      creatorId: access.creator.id,
      actor: user,
      action: "best_times.export",
      target: access.creator.id,
      details: { range: query.range, from: query.from, to: query.to, tz: query.tz, source: query.source },
    });
    return res;
  },
});
