import { chatMedia } from "@/lib/contracts/chats";
import { apiRoute } from "@/lib/server/api/route";
import { getChatMedia } from "@/lib/server/chats/actions";

export const GET = apiRoute(chatMedia, {
  handler: ({ access, params, query }) => getChatMedia(access, params.fanUuid, query.cursor),
});
