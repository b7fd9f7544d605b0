import { campaignEstimate } from "@/lib/contracts/mass-messages";
import { apiRoute } from "@/lib/server/api/route";
import { estimateAudience } from "@/lib/server/mass/audience";

export const GET = apiRoute(campaignEstimate, {
  handler: ({ access, query }) => estimateAudience(access, query.include, query.exclude, query.holdout),
});
