import { listMembers, listMembersAdd } from "@/lib/contracts/lists";
import { apiRoute } from "@/lib/server/api/route";
import { addMembers, getListMembers } from "@/lib/server/chats/lists";

export const GET = apiRoute(listMembers, {
  handler: ({ access, params, query }) => getListMembers(access, params.listId, query.page),
});

export const POST = apiRoute(listMembersAdd, {
  audit: "list.members.add",
  handler: ({ access, params, body, audit }) => {
    audit({ target: params.listId, details: { fans: body.fanUuids.length } });
    return addMembers(access, params.listId, body.fanUuids);
  },
});
