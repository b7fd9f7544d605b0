import { creatorBestTimes as contract } from "@/lib/contracts/growth";
import { apiRoute } from "@/lib/server/api/route";
import { getBestTimes } from "@/lib/server/growth/best-times";

export const GET = apiRoute(contract, {
  handler: ({ access, query }) => getBestTimes([access.creator.id], query),
});
