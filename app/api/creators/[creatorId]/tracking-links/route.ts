import { trackingLinkCreate, trackingLinks } from "@/lib/contracts/tracking-links";
import { apiRoute } from "@/lib/server/api/route";
import { createLink } from "@/lib/server/tracking-links/actions";
import { requestFirstSyncs } from "@/lib/server/tracking-links/jobs";
import { getTrackingLinks } from "@/lib/server/tracking-links/report";

export const GET = apiRoute(trackingLinks, {
  handler: async ({ access, query }) => {
    await requestFirstSyncs([access.creator.id], access.workspace.connectionId);
    return getTrackingLinks([access.creator.id], query);
  },
});

export const POST = apiRoute(trackingLinkCreate, {
  audit: "tracking_link.create",
  handler: async ({ access, body, audit }) => {
    const link = await createLink(access, body);
    audit({ target: link.uuid, details: { name: link.name, platform: link.platform } });
    return Response.json({ link }, { status: 201 });
  },
});
