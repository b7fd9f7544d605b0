import { trackingLinksSyncNow } from "@/lib/contracts/tracking-links";
import { apiRoute } from "@/lib/server/api/route";
import { requestTrackingLinksSync } from "@/lib/server/tracking-links/jobs";

export const POST = apiRoute(trackingLinksSyncNow, {
  audit: "tracking_links.sync",
  handler: async ({ access }) => {
    const job = await requestTrackingLinksSync(access.creator.id, access.workspace.connectionId, true);
    return Response.json({ jobId: job.id, status: job.status }, { status: 202 });
  },
});
