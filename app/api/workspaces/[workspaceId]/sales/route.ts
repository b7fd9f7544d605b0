import { workspaceSales as contract } from "@/lib/contracts/performance";
import { apiRoute } from "@/lib/server/api/route";
import { listSales } from "@/lib/server/agency/sales";

export const GET = apiRoute(contract, {
  handler: ({ access, user, query }) => listSales(access, user.id, query),
});
