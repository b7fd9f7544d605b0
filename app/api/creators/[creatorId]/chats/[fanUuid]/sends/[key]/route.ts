import { sendCheck } from "@/lib/contracts/chats";
import { apiRoute } from "@/lib/server/api/route";
import { checkSend } from "@/lib/server/chats/send";

export const GET = apiRoute(sendCheck, {
  handler: ({ access, params }) => checkSend(access, params.key),
});
