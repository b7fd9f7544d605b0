import { creatorSubscriberTrends as contract } from "@/lib/contracts/subscriber-trends";
import { apiRoute } from "@/lib/server/api/route";
import { getSubscriberTrends } from "@/lib/server/growth/subscriber-trends";

export const GET = apiRoute(contract, {
  handler: ({ access, query }) => getSubscriberTrends([access], query),
});
