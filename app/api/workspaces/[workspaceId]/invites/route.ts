// GET/POST /api/workspaces/:workspaceId/invites – list invites; create one (the link is shown once).
import { apiRoute } from "@/lib/server/api/route";
import { inviteCreateSchema } from "@/lib/schemas/team";
import { createInvite, listInvites } from "@/lib/server/workspaces/invites";

export const GET = apiRoute({
  access: "workspace",
  permission: "team:manage",
  handler: ({ access }) => listInvites(access.workspace.id),
});

export const POST = apiRoute({
  access: "workspace",
  permission: "team:manage",
  audit: "invite.create",
  body: inviteCreateSchema,
  handler: async ({ access, user, body, audit }) => {
    const { invite, url } = await createInvite(access.workspace.id, user.id, body);
    audit({ target: invite.id, details: { role: body.role, allCreators: body.allCreators, creatorIds: body.creatorIds } });
    return Response.json({ id: invite.id, url, expiresAt: invite.expiresAt.toISOString() }, { status: 201 });
  },
});
