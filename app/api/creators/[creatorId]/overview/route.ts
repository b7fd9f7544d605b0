// GET /api/creators/:creatorId/overview – audience and inbox at a glance (live from Fanvue).
import { apiRoute } from "@/lib/server/api/route";
import { getCreatorOverview } from "@/lib/server/creators/overview";

export const GET = apiRoute({
  access: "creator",
  permission: "overview:read",
  handler: ({ access }) => getCreatorOverview(access),
});
