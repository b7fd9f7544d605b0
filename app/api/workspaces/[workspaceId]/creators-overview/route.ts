// GET /api/workspaces/:workspaceId/creators-overview – "All creators": a row per creator in scope.
import { z } from "zod";
import { apiRoute } from "@/lib/server/api/route";
import { timeZoneField } from "@/lib/schemas/viewer";
import { getAgencyOverview } from "@/lib/server/workspaces/agency-overview";

export const GET = apiRoute({
  access: "workspace",
  permission: "workspace:read",
  query: z.object({ tz: timeZoneField.default("UTC") }),
  handler: ({ access, query }) => getAgencyOverview(access, query.tz),
});
