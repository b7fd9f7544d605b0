import { workspaceBestTimesExport as contract } from "@/lib/contracts/growth";
import { apiRoute } from "@/lib/server/api/route";
import { db } from "@/lib/server/db";
import { bestTimesCsv, getBestTimes } from "@/lib/server/growth/best-times";
import { recordAudit } from "@/lib/server/workspaces/audit";
import { scopedCreatorWhere } from "@/lib/server/workspaces/access";

export const GET = apiRoute(contract, {
  handler: async ({ access, user, query }) => {
    const creators = await db.creator.findMany({ where: scopedCreatorWhere(access), select: { id: true } });
    const res = bestTimesCsv(
      await getBestTimes(
        creators.map((c) => c.id),
        query,
      ),
      "all-creators",
    );
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
