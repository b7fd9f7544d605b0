// GET /api/workspaces/:workspaceId/chats – the team inbox: chats of every creator in the member's scope, newest first, tagged.
import { teamInboxQuerySchema } from "@/lib/schemas/chats";
import { apiRoute } from "@/lib/server/api/route";
import { getTeamInbox } from "@/lib/server/chats/team-inbox";

export const GET = apiRoute({
  access: "workspace",
  permission: "chats:read",
  query: teamInboxQuerySchema,
  handler: ({ access, query }) => getTeamInbox(access, query),
});
