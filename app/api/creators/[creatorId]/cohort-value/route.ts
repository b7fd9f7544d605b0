import { creatorCohortValue as contract } from "@/lib/contracts/growth";
import { apiRoute } from "@/lib/server/api/route";
import { getCohortValue } from "@/lib/server/growth/cohort-value";

export const GET = apiRoute(contract, {
  handler: ({ access, query }) => getCohortValue([access.creator.id], query),
});
