import { workspaceRetention as contract } from "@/lib/contracts/growth";
import { apiRoute } from "@/lib/server/api/route";
import { getRetention } from "@/lib/server/growth/retention";
import { scopedCreatorIds } from "@/lib/server/workspaces/access";

export const GET = apiRoute(contract, {
  handler: async ({ access, query }) => getRetention(await scopedCreatorIds(access), query),
});
