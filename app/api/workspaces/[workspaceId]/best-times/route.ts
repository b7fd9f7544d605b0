import { workspaceBestTimes as contract } from "@/lib/contracts/growth";
import { apiRoute } from "@/lib/server/api/route";
import { db } from "@/lib/server/db";
import { getBestTimes } from "@/lib/server/growth/best-times";
import { scopedCreatorWhere } from "@/lib/server/workspaces/access";

export const GET = apiRoute(contract, {
  handler: async ({ access, query }) => {
    const creators = await db.creator.findMany({ where: scopedCreatorWhere(access), select: { id: true } });
    return getBestTimes(
      creators.map((c) => c.id),
      query,
    );
  },
});
