import { chatSend, conversation } from "@/lib/contracts/chats";
import { apiRoute } from "@/lib/server/api/route";
import { getConversation } from "@/lib/server/chats/conversation";
import { sendChatMessage } from "@/lib/server/chats/send";

export const GET = apiRoute(conversation, {
  handler: ({ access, params, query }) => getConversation(access, params.fanUuid, query.page),
});

export const POST = apiRoute(chatSend, {
  // Audited as "message.send" when the message really goes out (not per duplicate).
  audit: false,
  handler: async ({ access, user, params, body }) => {
    const { send, created } = await sendChatMessage(access, user, params.fanUuid, body);
    const status = send.status === "unknown" || send.status === "sending" ? 202 : created ? 201 : 200;
    return Response.json(send, { status, headers: { "Cache-Control": "no-store" } });
  },
});
