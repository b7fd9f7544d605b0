// DELETE /api/creators/:creatorId/chats/:fanUuid/messages/:messageUuid – unsend one of the creator's messages.
import { z } from "zod";
import { fanUuidSchema } from "@/lib/schemas/chats";
import { apiRoute } from "@/lib/server/api/route";
import { unsendMessage } from "@/lib/server/chats/actions";

export const DELETE = apiRoute({
  access: "creator",
  permission: "chats:send",
  audit: "message.unsend",
  params: z.object({ creatorId: z.string(), fanUuid: fanUuidSchema, messageUuid: fanUuidSchema }),
  handler: ({ access, params, audit }) => {
    audit({ target: params.fanUuid, details: { messageUuid: params.messageUuid } });
    return unsendMessage(access, params.fanUuid, params.messageUuid);
  },
});
