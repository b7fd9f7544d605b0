import { creatorOverview } from "@/lib/contracts/overview";
import { apiRoute } from "@/lib/server/api/route";
import { getCreatorOverview } from "@/lib/server/creators/overview";

export const GET = apiRoute(creatorOverview, {
  handler: ({ access }) => getCreatorOverview(access),
});
