// PATCH /api/creators/:creatorId/lists/:listId – rename a custom list.
// DELETE /api/creators/:creatorId/lists/:listId – delete a custom list.
import { z } from "zod";
import { fanUuidSchema } from "@/lib/schemas/chats";
import { listNameSchema } from "@/lib/schemas/mass-messages";
import { apiRoute } from "@/lib/server/api/route";
import { deleteList, renameList } from "@/lib/server/chats/lists";

const params = z.object({ creatorId: z.string(), listId: fanUuidSchema });

export const PATCH = apiRoute({
  access: "creator",
  permission: "fans:write",
  audit: "list.rename",
  params,
  body: listNameSchema,
  handler: ({ access, params, body, audit }) => {
    audit({ target: params.listId, details: { name: body.name } });
    return renameList(access, params.listId, body.name);
  },
});

export const DELETE = apiRoute({
  access: "creator",
  permission: "fans:write",
  audit: "list.delete",
  params,
  handler: ({ access, params, audit }) => {
    audit({ target: params.listId });
    return deleteList(access, params.listId);
  },
});
