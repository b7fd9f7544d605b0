// GET /api/creators/:creatorId/earnings – totals, comparison, chart series, breakdown and top spenders from the ledger.
import { apiRoute } from "@/lib/server/api/route";
import { earningsQuerySchema } from "@/lib/schemas/earnings";
import { earningsReport } from "@/lib/server/earnings/report";

export const GET = apiRoute({
  access: "creator",
  permission: "earnings:read",
  query: earningsQuerySchema,
  handler: ({ access, query }) => earningsReport([access.creator.id], [access.creator.id], query),
});
