// GET /api/creators/:creatorId/chats – the inbox: one page of chats (filter, list, search, sort), unread total.
import { inboxQuerySchema } from "@/lib/schemas/chats";
import { apiRoute } from "@/lib/server/api/route";
import { getInbox } from "@/lib/server/chats/inbox";

export const GET = apiRoute({
  access: "creator",
  permission: "chats:read",
  query: inboxQuerySchema,
  handler: ({ access, query }) => getInbox(access, query),
});
