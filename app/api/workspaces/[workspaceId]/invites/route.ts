import { createInvite, listInvites } from "@/lib/contracts/workspaces";
import type { InviteCreated } from "@/lib/schemas/team";
import { apiRoute } from "@/lib/server/api/route";
import * as invites from "@/lib/server/workspaces/invites";

export const GET = apiRoute(listInvites, {
  handler: ({ access }) => invites.listInvites(access.workspace.id),
});

export const POST = apiRoute(createInvite, {
  audit: "invite.create",
  handler: async ({ access, user, body, audit }) => {
    const { invite, url } = await invites.createInvite(access.workspace.id, user.id, body);
    audit({
      target: invite.id,
      details: { role: body.role, allCreators: body.allCreators, creatorIds: body.creatorIds },
    });
    return Response.json({ id: invite.id, url, expiresAt: invite.expiresAt.toISOString() } satisfies InviteCreated, {
      status: 201,
    });
  },
});
