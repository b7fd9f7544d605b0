import { listCreate, lists } from "@/lib/contracts/lists";
import { apiRoute } from "@/lib/server/api/route";
import { createList, getLists } from "@/lib/server/chats/lists";

export const GET = apiRoute(lists, {
  handler: ({ access }) => getLists(access),
});

export const POST = apiRoute(listCreate, {
  audit: "list.create",
  handler: async ({ access, body, audit }) => {
    const list = await createList(access, body.name);
    audit({ target: list.uuid, details: { name: body.name } });
    return list;
  },
});
