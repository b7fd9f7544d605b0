import { inbox } from "@/lib/contracts/chats";
import { apiRoute } from "@/lib/server/api/route";
import { getInbox } from "@/lib/server/chats/inbox";

export const GET = apiRoute(inbox, {
  handler: ({ access, query }) => getInbox(access, query),
});
