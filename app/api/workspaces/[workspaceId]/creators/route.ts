// GET/POST /api/workspaces/:workspaceId/creators – the workspace's creators; POST re-syncs them from Fanvue (agency).
import { db } from "@/lib/server/db";
import { apiRoute } from "@/lib/server/api/route";
import { syncAgencyCreators } from "@/lib/server/workspaces/provision";

const list = (workspaceId: string) =>
  db.creator.findMany({
    where: { workspaceId, removedAt: null },
    select: { id: true, handle: true, displayName: true, avatarUrl: true, fanvueUuid: true },
    orderBy: { displayName: "asc" },
  });

export const GET = apiRoute({
  access: "workspace",
  permission: "workspace:read",
  handler: ({ access }) => list(access.workspace.id),
});

export const POST = apiRoute({
  access: "workspace",
  permission: "connection:manage",
  audit: "creators.sync",
  handler: async ({ access }) => {
    await syncAgencyCreators(access.workspace.id);
    return list(access.workspace.id);
  },
});
