// GET /api/workspaces/:workspaceId/creators-overview – "All creators": a row per creator in scope.
import { z } from "zod";
import { apiRoute } from "@/lib/server/api/route";
import { isTimeZone } from "@/lib/schemas/earnings";
import { getAgencyOverview } from "@/lib/server/workspaces/agency-overview";

export const GET = apiRoute({
  access: "workspace",
  permission: "workspace:read",
  query: z.object({ tz: z.string().refine(isTimeZone, { error: "tz must be an IANA time zone such as Europe/Berlin" }).default("UTC") }),
  handler: ({ access, query }) => getAgencyOverview(access, query.tz),
});
