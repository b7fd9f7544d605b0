// GET /api/workspaces/:workspaceId/members – the team, with roles and creator scopes.
import { apiRoute } from "@/lib/server/api/route";
import { listMembers } from "@/lib/server/workspaces/team";

export const GET = apiRoute({
  access: "workspace",
  permission: "team:manage",
  handler: ({ access }) => listMembers(access.workspace.id),
});
