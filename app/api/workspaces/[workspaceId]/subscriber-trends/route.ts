import { workspaceSubscriberTrends as contract } from "@/lib/contracts/subscriber-trends";
import { apiRoute } from "@/lib/server/api/route";
import { getSubscriberTrends, scopedCreatorRefs } from "@/lib/server/growth/subscriber-trends";

export const GET = apiRoute(contract, {
  handler: async ({ access, query }) => getSubscriberTrends(await scopedCreatorRefs(access), query),
});
