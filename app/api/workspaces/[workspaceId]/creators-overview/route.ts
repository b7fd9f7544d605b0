// GET /api/workspaces/:workspaceId/creators-overview – "All creators": a row per creator in scope.
import { apiRoute } from "@/lib/server/api/route";
import { getAgencyOverview } from "@/lib/server/workspaces/agency-overview";

export const GET = apiRoute({
  access: "workspace",
  permission: "workspace:read",
  handler: ({ access }) => getAgencyOverview(access),
});
