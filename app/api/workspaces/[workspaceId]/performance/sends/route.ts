import { workspaceSends as contract } from "@/lib/contracts/performance";
import { apiRoute } from "@/lib/server/api/route";
import { listSends } from "@/lib/server/agency/sends";

export const GET = apiRoute(contract, {
  handler: ({ access, user, query }) => listSends(access, user.id, query),
});
