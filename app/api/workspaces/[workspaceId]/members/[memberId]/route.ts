// PATCH/DELETE /api/workspaces/:workspaceId/members/:memberId – change a member's role or scope; remove a member.
import { z } from "zod";
import { apiRoute } from "@/lib/server/api/route";
import { memberUpdateSchema } from "@/lib/schemas/team";
import { removeMember, updateMember } from "@/lib/server/workspaces/team";

const params = z.object({ workspaceId: z.string(), memberId: z.string().min(1) });

export const PATCH = apiRoute({
  access: "workspace",
  permission: "team:manage",
  audit: "member.update",
  params,
  body: memberUpdateSchema,
  handler: async ({ access, params, body, audit }) => {
    const result = await updateMember(access.workspace.id, params.memberId, body);
    audit({ target: params.memberId, details: body });
    return result;
  },
});

export const DELETE = apiRoute({
  access: "workspace",
  permission: "team:manage",
  audit: "member.remove",
  params,
  handler: async ({ access, params, audit }) => {
    const result = await removeMember(access.workspace.id, params.memberId);
    audit({ target: params.memberId });
    return result;
  },
});
