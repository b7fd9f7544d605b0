// GET /api/creators/:creatorId/lists – smart lists (with counts) and custom lists.
// POST /api/creators/:creatorId/lists – create a custom list (self-connected creators only: Fanvue has no agency write).
import { listNameSchema } from "@/lib/schemas/mass-messages";
import { apiRoute } from "@/lib/server/api/route";
import { createList, getLists } from "@/lib/server/chats/lists";

export const GET = apiRoute({
  access: "creator",
  permission: "chats:read",
  handler: ({ access }) => getLists(access),
});

export const POST = apiRoute({
  access: "creator",
  permission: "fans:write",
  audit: "list.create",
  body: listNameSchema,
  handler: async ({ access, body, audit }) => {
    const list = await createList(access, body.name);
    audit({ target: list.uuid, details: { name: body.name } });
    return list;
  },
});
