// GET /api/creators/:creatorId/mass-messages – queue and history (ours + Fanvue's), with ledger purchases and revenue.
// POST /api/creators/:creatorId/mass-messages – record a mass message (now or scheduled, optional hold-out); sent exactly once by the worker.
import { campaignBodySchema } from "@/lib/schemas/mass-messages";
import { apiRoute } from "@/lib/server/api/route";
import { createCampaign } from "@/lib/server/mass/campaigns";
import { getCampaigns } from "@/lib/server/mass/history";

export const GET = apiRoute({
  access: "creator",
  permission: "mass:send",
  handler: ({ access }) => getCampaigns(access),
});

export const POST = apiRoute({
  access: "creator",
  permission: "mass:send",
  // Audited as "mass.send" once, when recorded (not per duplicate request).
  audit: false,
  body: campaignBodySchema,
  handler: async ({ access, user, body }) => {
    const { campaign, created } = await createCampaign(access, user, body);
    return Response.json(campaign, { status: created ? 201 : 200, headers: { "Cache-Control": "no-store" } });
  },
});
