// DELETE /api/workspaces/:workspaceId/invites/:inviteId – revoke a pending invite.
import { z } from "zod";
import { apiRoute } from "@/lib/server/api/route";
import { revokeInvite } from "@/lib/server/workspaces/invites";

export const DELETE = apiRoute({
  access: "workspace",
  permission: "team:manage",
  audit: "invite.revoke",
  params: z.object({ workspaceId: z.string(), inviteId: z.string().min(1) }),
  handler: async ({ access, params, audit }) => {
    await revokeInvite(access.workspace.id, params.inviteId);
    audit({ target: params.inviteId });
    return { revoked: params.inviteId };
  },
});
