import { listDelete, listRename } from "@/lib/contracts/lists";
import { apiRoute } from "@/lib/server/api/route";
import { deleteList, renameList } from "@/lib/server/chats/lists";

export const PATCH = apiRoute(listRename, {
  audit: "list.rename",
  handler: ({ access, params, body, audit }) => {
    audit({ target: params.listId, details: { name: body.name } });
    return renameList(access, params.listId, body.name);
  },
});

export const DELETE = apiRoute(listDelete, {
  audit: "list.delete",
  handler: ({ access, params, audit }) => {
    audit({ target: params.listId });
    return deleteList(access, params.listId);
  },
});
