// GET /api/creators/:creatorId/lists/:listId/members – members of a custom list (page style).
// POST /api/creators/:creatorId/lists/:listId/members – add fans (up to 100).
import { z } from "zod";
import { fanUuidSchema } from "@/lib/schemas/chats";
import { listMembersSchema } from "@/lib/schemas/mass-messages";
import { apiRoute } from "@/lib/server/api/route";
import { addMembers, getListMembers } from "@/lib/server/chats/lists";

const params = z.object({ creatorId: z.string(), listId: fanUuidSchema });

export const GET = apiRoute({
  access: "creator",
  permission: "fans:read",
  params,
  query: z.object({ page: z.coerce.number().int().min(1).max(1000).default(1) }),
  handler: ({ access, params, query }) => getListMembers(access, params.listId, query.page),
});

export const POST = apiRoute({
  access: "creator",
  permission: "fans:write",
  audit: "list.members.add",
  params,
  body: listMembersSchema,
  handler: ({ access, params, body, audit }) => {
    audit({ target: params.listId, details: { fans: body.fanUuids.length } });
    return addMembers(access, params.listId, body.fanUuids);
  },
});
