import { creatorsOverview } from "@/lib/contracts/workspaces";
import { apiRoute } from "@/lib/server/api/route";
import { getAgencyOverview } from "@/lib/server/workspaces/agency-overview";

export const GET = apiRoute(creatorsOverview, {
  handler: ({ access, query }) => getAgencyOverview(access, query.tz),
});
