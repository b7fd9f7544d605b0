// GET /api/creators/:creatorId/fans – subscribers/followers with their insights (live from Fanvue, or sorted/filtered over the analysed audience).
import { fansQuerySchema } from "@/lib/schemas/fans";
import { apiRoute } from "@/lib/server/api/route";
import { listFans } from "@/lib/server/fans/table";

export const GET = apiRoute({
  access: "creator",
  permission: "fans:read",
  query: fansQuerySchema,
  handler: ({ access, query, user }) => listFans(access, query, user),
});
