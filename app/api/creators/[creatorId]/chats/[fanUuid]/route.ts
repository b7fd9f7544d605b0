// PATCH /api/creators/:creatorId/chats/:fanUuid – mark read/unread, mute, nickname.
import { z } from "zod";
import { chatPatchSchema, fanUuidSchema } from "@/lib/schemas/chats";
import { apiRoute } from "@/lib/server/api/route";
import { patchChat } from "@/lib/server/chats/actions";

export const PATCH = apiRoute({
  access: "creator",
  permission: "chats:send",
  audit: "chat.update",
  params: z.object({ creatorId: z.string(), fanUuid: fanUuidSchema }),
  body: chatPatchSchema,
  handler: async ({ access, params, body, audit }) => {
    audit({ target: params.fanUuid, details: body });
    return patchChat(access, params.fanUuid, body);
  },
});
