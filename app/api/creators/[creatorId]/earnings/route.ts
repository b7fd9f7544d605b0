import { creatorEarnings } from "@/lib/contracts/earnings";
import { apiRoute } from "@/lib/server/api/route";
import { earningsReport } from "@/lib/server/earnings/report";

export const GET = apiRoute(creatorEarnings, {
  handler: ({ access, query }) => earningsReport([access.creator.id], [access.creator.id], query),
});
