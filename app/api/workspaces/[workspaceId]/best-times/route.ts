import { workspaceBestTimes as contract } from "@/lib/contracts/growth";
import { apiRoute } from "@/lib/server/api/route";
import { getBestTimes } from "@/lib/server/growth/best-times";
import { scopedCreatorIds } from "@/lib/server/workspaces/access";

export const GET = apiRoute(contract, {
  handler: async ({ access, query }) => getBestTimes(await scopedCreatorIds(access), query),
});
