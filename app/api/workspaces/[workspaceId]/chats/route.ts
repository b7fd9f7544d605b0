import { teamInbox } from "@/lib/contracts/chats";
import { apiRoute } from "@/lib/server/api/route";
import { getTeamInbox } from "@/lib/server/chats/team-inbox";

export const GET = apiRoute(teamInbox, {
  handler: ({ access, user, query }) => getTeamInbox(access, query, user.id),
});
