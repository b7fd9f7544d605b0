// GET /api/workspaces/:workspaceId/earnings – all creators' earnings: combined figures and a row per creator.
import { apiRoute } from "@/lib/server/api/route";
import { earningsQuerySchema } from "@/lib/schemas/earnings";
import { agencyEarnings } from "@/lib/server/earnings/agency";

export const GET = apiRoute({
  access: "workspace",
  permission: "earnings:read",
  query: earningsQuerySchema,
  handler: ({ access, query }) => agencyEarnings(access, query),
});
