import { myConnections } from "@/lib/contracts/settings";
import { apiRoute } from "@/lib/server/api/route";
import { listMyConnections } from "@/lib/server/settings/connections";

export const GET = apiRoute(myConnections, {
  handler: ({ user }) => listMyConnections(user.id),
});
