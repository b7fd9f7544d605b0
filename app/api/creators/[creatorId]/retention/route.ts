import { creatorRetention as contract } from "@/lib/contracts/growth";
import { apiRoute } from "@/lib/server/api/route";
import { getRetention } from "@/lib/server/growth/retention";

export const GET = apiRoute(contract, {
  handler: ({ access, query }) => getRetention([access.creator.id], query),
});
