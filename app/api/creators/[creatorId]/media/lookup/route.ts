// GET /api/creators/:creatorId/media/lookup?uuids=a,b – items by id with fresh thumbnail URLs (processing status, expired URLs).
import { apiRoute } from "@/lib/server/api/route";
import { lookupQuerySchema } from "@/lib/schemas/media";
import { lookupMedia } from "@/lib/server/media/lookup";

export const GET = apiRoute({
  access: "creator",
  permission: "vault:read",
  query: lookupQuerySchema,
  handler: ({ access, query }) => lookupMedia(access, query.uuids, query.fan),
});
