import { workspaceAudit } from "@/lib/contracts/workspaces";
import { apiRoute } from "@/lib/server/api/route";
import { listAudit } from "@/lib/server/workspaces/audit";

export const GET = apiRoute(workspaceAudit, {
  handler: ({ access, user, query }) =>
    listAudit(access, user.id, { ...query, before: query.before ? new Date(query.before) : undefined }),
});
