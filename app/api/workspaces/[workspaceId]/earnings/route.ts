import { agencyEarnings as contract } from "@/lib/contracts/earnings";
import { apiRoute } from "@/lib/server/api/route";
import { agencyEarnings } from "@/lib/server/earnings/agency";

export const GET = apiRoute(contract, {
  handler: ({ access, query }) => agencyEarnings(access, query),
});
