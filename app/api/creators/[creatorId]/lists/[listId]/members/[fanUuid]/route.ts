import { listMemberRemove } from "@/lib/contracts/lists";
import { apiRoute } from "@/lib/server/api/route";
import { removeMember } from "@/lib/server/chats/lists";

export const DELETE = apiRoute(listMemberRemove, {
  audit: "list.members.remove",
  handler: ({ access, params, audit }) => {
    audit({ target: params.listId, details: { fanUuid: params.fanUuid } });
    return removeMember(access, params.listId, params.fanUuid);
  },
});
