import { trackingLinkDelete } from "@/lib/contracts/tracking-links";
import { apiRoute } from "@/lib/server/api/route";
import { deleteLink } from "@/lib/server/tracking-links/actions";

export const DELETE = apiRoute(trackingLinkDelete, {
  audit: "tracking_link.delete",
  handler: async ({ access, params, audit }) => {
    const deleted = await deleteLink(access, params.linkUuid);
    audit({ target: deleted.uuid, details: { name: deleted.name } });
    return deleted;
  },
});
