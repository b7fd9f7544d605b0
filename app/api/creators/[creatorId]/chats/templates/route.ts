import { chatTemplates } from "@/lib/contracts/chats";
import { apiRoute } from "@/lib/server/api/route";
import { getTemplates } from "@/lib/server/chats/templates";

export const GET = apiRoute(chatTemplates, {
  handler: ({ access }) => getTemplates(access),
});
