import { workspaceTrackingLinksExport as contract } from "@/lib/contracts/tracking-links";
import { apiRoute } from "@/lib/server/api/route";
import { trackingLinksCsv } from "@/lib/server/tracking-links/csv";
import { getTrackingLinks } from "@/lib/server/tracking-links/report";
import { recordAudit } from "@/lib/server/workspaces/audit";
import { scopedCreatorIds } from "@/lib/server/workspaces/access";

export const GET = apiRoute(contract, {
  handler: async ({ access, user, query }) => {
    const ids = await scopedCreatorIds(access);
    const report = await getTrackingLinks(ids, query);
    const res = trackingLinksCsv(report, access.workspace.name, "all-creators");
    await recordAudit({
      workspaceId: access.workspace.id,
      creatorId: null,
      actor: user,
      action: "tracking_links.export",
      target: access.workspace.id,
      details: { tz: query.tz, links: report.links.length, creators: ids.length },
    });
    return res;
  },
});
