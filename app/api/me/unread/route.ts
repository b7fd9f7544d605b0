import { myUnread as contract } from "@/lib/contracts/account";
import { apiRoute } from "@/lib/server/api/route";
import { unreadForUser } from "@/lib/server/unread";

export const GET = apiRoute(contract, {
  handler: ({ user }) => unreadForUser(user.id),
});
