// GET /api/creators/:creatorId/chats/templates – message templates (self-connected creators only).
import { apiRoute } from "@/lib/server/api/route";
import { getTemplates } from "@/lib/server/chats/templates";

export const GET = apiRoute({
  access: "creator",
  permission: "chats:read",
  handler: ({ access }) => getTemplates(access),
});
