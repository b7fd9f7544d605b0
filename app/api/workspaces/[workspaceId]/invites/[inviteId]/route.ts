import { revokeInvite } from "@/lib/contracts/workspaces";
import { apiRoute } from "@/lib/server/api/route";
import * as invites from "@/lib/server/workspaces/invites";

export const DELETE = apiRoute(revokeInvite, {
  audit: "invite.revoke",
  handler: async ({ access, params, audit }) => {
    await invites.revokeInvite(access.workspace.id, params.inviteId);
    audit({ target: params.inviteId });
    return { revoked: params.inviteId };
  },
});
