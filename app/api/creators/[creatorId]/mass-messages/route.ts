import { campaignCreate, campaigns } from "@/lib/contracts/mass-messages";
import { apiRoute } from "@/lib/server/api/route";
import { createCampaign } from "@/lib/server/mass/campaigns";
import { getCampaigns } from "@/lib/server/mass/history";

export const GET = apiRoute(campaigns, {
  handler: ({ access }) => getCampaigns(access),
});

export const POST = apiRoute(campaignCreate, {
  // Audited as "mass.send" once, when recorded (not per duplicate request).
  audit: false,
  handler: async ({ access, user, body }) => {
    const { campaign, created } = await createCampaign(access, user, body);
    return Response.json(campaign, { status: created ? 201 : 200, headers: { "Cache-Control": "no-store" } });
  },
});
