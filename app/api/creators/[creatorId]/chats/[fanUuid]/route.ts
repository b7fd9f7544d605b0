import { chatUpdate } from "@/lib/contracts/chats";
import { apiRoute } from "@/lib/server/api/route";
import { patchChat } from "@/lib/server/chats/actions";

export const PATCH = apiRoute(chatUpdate, {
  audit: "chat.update",
  handler: async ({ access, params, body, audit }) => {
    audit({ target: params.fanUuid, details: body });
    return patchChat(access, params.fanUuid, body);
  },
});
