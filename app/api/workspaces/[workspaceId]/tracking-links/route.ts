import { workspaceTrackingLinks as contract } from "@/lib/contracts/tracking-links";
import { apiRoute } from "@/lib/server/api/route";
import { requestFirstSyncs } from "@/lib/server/tracking-links/jobs";
import { getTrackingLinks } from "@/lib/server/tracking-links/report";
import { scopedCreatorIds } from "@/lib/server/workspaces/access";

export const GET = apiRoute(contract, {
  handler: async ({ access, query }) => {
    const ids = await scopedCreatorIds(access);
    await requestFirstSyncs(ids, access.workspace.connectionId);
    return getTrackingLinks(ids, query);
  },
});
