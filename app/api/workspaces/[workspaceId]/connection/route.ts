import { disconnectFanvue } from "@/lib/contracts/settings";
import { apiRoute } from "@/lib/server/api/route";
import { disconnectFanvue as disconnect } from "@/lib/server/settings/connections";

export const DELETE = apiRoute(disconnectFanvue, {
  // Audited by disconnectFanvue itself, with whether Fanvue was asked to revoke.
  audit: false,
  handler: ({ user, access }) => disconnect(user, access.workspace.id),
});
