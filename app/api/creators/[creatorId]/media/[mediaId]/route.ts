// GET /api/creators/:creatorId/media/:mediaId – the preview: main and blurred variants, details, folders.
import { z } from "zod";
import { apiRoute } from "@/lib/server/api/route";
import { getMediaDetails } from "@/lib/server/media/lookup";

export const GET = apiRoute({
  access: "creator",
  permission: "vault:read",
  params: z.object({ creatorId: z.string(), mediaId: z.guid({ error: "mediaId must be a media id (UUID)" }) }),
  query: z.object({ fan: z.guid().optional() }),
  handler: ({ access, params, query }) => getMediaDetails(access, params.mediaId, query.fan),
});
