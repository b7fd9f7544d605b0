import { messageUnsend } from "@/lib/contracts/chats";
import { apiRoute } from "@/lib/server/api/route";
import { unsendMessage } from "@/lib/server/chats/actions";

export const DELETE = apiRoute(messageUnsend, {
  audit: "message.unsend",
  handler: ({ access, params, audit }) => {
    audit({ target: params.fanUuid, details: { messageUuid: params.messageUuid } });
    return unsendMessage(access, params.fanUuid, params.messageUuid);
  },
});
