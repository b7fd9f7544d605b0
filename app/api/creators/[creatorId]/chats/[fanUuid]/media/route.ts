// GET /api/creators/:creatorId/chats/:fanUuid/media – media of a conversation with thumbnail URLs (newest first, cursor).
import { z } from "zod";
import { fanUuidSchema } from "@/lib/schemas/chats";
import { apiRoute } from "@/lib/server/api/route";
import { getChatMedia } from "@/lib/server/chats/actions";

export const GET = apiRoute({
  access: "creator",
  permission: "chats:read",
  params: z.object({ creatorId: z.string(), fanUuid: fanUuidSchema }),
  query: z.object({ cursor: z.string().max(500).optional() }),
  handler: ({ access, params, query }) => getChatMedia(access, params.fanUuid, query.cursor),
});
