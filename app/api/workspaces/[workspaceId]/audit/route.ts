// GET /api/workspaces/:workspaceId/audit – the activity log, newest first, with filters.
import { apiRoute } from "@/lib/server/api/route";
import { auditQuerySchema } from "@/lib/schemas/team";
import { listAudit } from "@/lib/server/workspaces/audit";

export const GET = apiRoute({
  access: "workspace",
  permission: "audit:read",
  query: auditQuerySchema,
  handler: ({ access, user, query }) => listAudit(access, user.id, { ...query, before: query.before ? new Date(query.before) : undefined }),
});
