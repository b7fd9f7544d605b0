import { inbox } from "@/lib/contracts/chats";
import { apiRoute } from "@/lib/server/api/route";
import { getInbox } from "@/lib/server/chats/inbox";

export const GET = apiRoute(inbox, {
  handler: ({ access, user, query }) => getInbox(access, query, user.id),
});
