import { workspacePerformance as contract } from "@/lib/contracts/performance";
import { apiRoute } from "@/lib/server/api/route";
import { getPerformance } from "@/lib/server/agency/performance";

export const GET = apiRoute(contract, {
  handler: ({ access, user, query }) => getPerformance(access, user.id, query),
});
