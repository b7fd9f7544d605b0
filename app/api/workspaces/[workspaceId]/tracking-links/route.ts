import { workspaceTrackingLinks as contract } from "@/lib/contracts/tracking-links";
import { apiRoute } from "@/lib/server/api/route";
import { db } from "@/lib/server/db";
import { requestFirstSyncs } from "@/lib/server/tracking-links/jobs";
import { getTrackingLinks } from "@/lib/server/tracking-links/report";
import { scopedCreatorWhere } from "@/lib/server/workspaces/access";

export const GET = apiRoute(contract, {
  handler: async ({ access, query }) => {
    const creators = await db.creator.findMany({ where: scopedCreatorWhere(access), select: { id: true } });
    const ids = creators.map((c) => c.id);
    await requestFirstSyncs(ids, access.workspace.connectionId);
    return getTrackingLinks(ids, query);
  },
});
