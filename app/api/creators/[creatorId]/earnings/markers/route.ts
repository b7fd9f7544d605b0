// GET /api/creators/:creatorId/earnings/markers – posts published and mass messages sent in the range, placed in the chart's buckets.
import { apiRoute } from "@/lib/server/api/route";
import { earningsQuerySchema } from "@/lib/schemas/earnings";
import { earningsMarkers } from "@/lib/server/earnings/markers";

export const GET = apiRoute({
  access: "creator",
  permission: "earnings:read",
  query: earningsQuerySchema,
  handler: ({ access, query }) => earningsMarkers(access, query),
});
