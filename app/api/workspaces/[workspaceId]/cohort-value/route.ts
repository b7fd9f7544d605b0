import { workspaceCohortValue as contract } from "@/lib/contracts/growth";
import { apiRoute } from "@/lib/server/api/route";
import { getCohortValue } from "@/lib/server/growth/cohort-value";
import { scopedCreatorIds } from "@/lib/server/workspaces/access";

export const GET = apiRoute(contract, {
  handler: async ({ access, query }) => getCohortValue(await scopedCreatorIds(access), query),
});
