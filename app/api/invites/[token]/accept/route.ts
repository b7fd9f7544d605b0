import { acceptInvite } from "@/lib/contracts/account";
import { apiRoute } from "@/lib/server/api/route";
import * as invites from "@/lib/server/workspaces/invites";

export const POST = apiRoute(acceptInvite, {
  handler: async ({ params, user }) => Response.json(await invites.acceptInvite(params.token, user), { status: 201 }),
});
