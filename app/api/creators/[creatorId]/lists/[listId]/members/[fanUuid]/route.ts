// DELETE /api/creators/:creatorId/lists/:listId/members/:fanUuid – remove a fan from a custom list.
import { z } from "zod";
import { fanUuidSchema } from "@/lib/schemas/chats";
import { apiRoute } from "@/lib/server/api/route";
import { removeMember } from "@/lib/server/chats/lists";

export const DELETE = apiRoute({
  access: "creator",
  permission: "fans:write",
  audit: "list.members.remove",
  params: z.object({ creatorId: z.string(), listId: fanUuidSchema, fanUuid: fanUuidSchema }),
  handler: ({ access, params, audit }) => {
    audit({ target: params.listId, details: { fanUuid: params.fanUuid } });
    return removeMember(access, params.listId, params.fanUuid);
  },
});
