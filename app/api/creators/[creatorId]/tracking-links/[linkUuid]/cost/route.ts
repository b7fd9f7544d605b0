import { trackingLinkCost } from "@/lib/contracts/tracking-links";
import { apiRoute } from "@/lib/server/api/route";
import { setLinkCost } from "@/lib/server/tracking-links/actions";

export const PUT = apiRoute(trackingLinkCost, {
  audit: "tracking_link.cost",
  handler: async ({ access, user, params, body, audit }) => {
    const set = await setLinkCost(access, user, params.linkUuid, body);
    audit({ target: set.uuid, details: { name: set.name, cost: set.costCents } });
    return set;
  },
});
