import { removeMember, updateMember } from "@/lib/contracts/workspaces";
import { apiRoute } from "@/lib/server/api/route";
import * as team from "@/lib/server/workspaces/team";

export const PATCH = apiRoute(updateMember, {
  audit: "member.update",
  handler: async ({ access, params, body, audit }) => {
    const result = await team.updateMember(access.workspace.id, params.memberId, body);
    audit({ target: params.memberId, details: body });
    return result;
  },
});

export const DELETE = apiRoute(removeMember, {
  audit: "member.remove",
  handler: async ({ access, params, audit }) => {
    const result = await team.removeMember(access.workspace.id, params.memberId);
    audit({ target: params.memberId });
    return result;
  },
});
