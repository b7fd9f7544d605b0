import { trackingLinksExport as contract } from "@/lib/contracts/tracking-links";
import { apiRoute } from "@/lib/server/api/route";
import { recordAudit } from "@/lib/server/workspaces/audit";
import { trackingLinksCsv } from "@/lib/server/tracking-links/csv";
import { getTrackingLinks } from "@/lib/server/tracking-links/report";

export const GET = apiRoute(contract, {
  handler: async ({ access, user, query }) => {
    const report = await getTrackingLinks([access.creator.id], query);
    const res = trackingLinksCsv(report, `@${access.creator.handle}`, access.creator.handle);
    await recordAudit({
      workspaceId: access.workspace.id,
      creatorId: access.creator.id,
      actor: user,
      action: "tracking_links.export",
      target: access.creator.id,
      details: { tz: query.tz, links: report.links.length },
    });
    return res;
  },
});
