import { syncWorkspaceCreators, workspaceCreators } from "@/lib/contracts/workspaces";
import type { CreatorSummary } from "@/lib/schemas/shell";
import { db } from "@/lib/server/db";
import { apiRoute } from "@/lib/server/api/route";
import { scopedCreatorWhere, type WorkspaceAccess } from "@/lib/server/workspaces/access";
import { syncAgencyCreators } from "@/lib/server/workspaces/provision";

// Only the creators in the member's scope (a manager of one creator does not
// learn the others' names).
const list = (access: WorkspaceAccess): Promise<CreatorSummary[]> =>
  db.creator.findMany({
    where: scopedCreatorWhere(access),
    select: { id: true, handle: true, displayName: true, avatarUrl: true, fanvueUuid: true },
    orderBy: { displayName: "asc" },
  });

export const GET = apiRoute(workspaceCreators, {
  handler: ({ access }) => list(access),
});

export const POST = apiRoute(syncWorkspaceCreators, {
  audit: "creators.sync",
  handler: async ({ access }) => {
    await syncAgencyCreators(access.workspace.id);
    return list(access);
  },
});
