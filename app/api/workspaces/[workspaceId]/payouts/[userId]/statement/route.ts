import { payoutStatement as contract } from "@/lib/contracts/payouts";
import { apiRoute } from "@/lib/server/api/route";
import { getStatement } from "@/lib/server/payouts/statement";

export const GET = apiRoute(contract, {
  handler: ({ access, user, params, query }) => getStatement(access, user.id, params.userId, query),
});
