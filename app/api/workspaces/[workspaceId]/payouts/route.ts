import { workspacePayouts as contract } from "@/lib/contracts/payouts";
import { apiRoute } from "@/lib/server/api/route";
import { listPayouts } from "@/lib/server/payouts/pay";

export const GET = apiRoute(contract, {
  handler: ({ access, user, query }) => listPayouts(access, user.id, query),
});
