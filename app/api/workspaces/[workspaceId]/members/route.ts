import { listMembers } from "@/lib/contracts/workspaces";
import { apiRoute } from "@/lib/server/api/route";
import * as team from "@/lib/server/workspaces/team";

export const GET = apiRoute(listMembers, {
  handler: ({ access }) => team.listMembers(access.workspace.id),
});
