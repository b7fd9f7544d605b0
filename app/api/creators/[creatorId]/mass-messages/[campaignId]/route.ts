// GET /api/creators/:creatorId/mass-messages/:campaignId – results: ledger purchases and revenue, hold-out comparison.
// PATCH /api/creators/:creatorId/mass-messages/:campaignId – {action: "check"} an unclear send on Fanvue, or {action: "resend"} after checking, or {action: "unsend"} a sent one.
// DELETE /api/creators/:creatorId/mass-messages/:campaignId – cancel one not sent yet (queued or scheduled).
import { z } from "zod";
import { campaignActionSchema } from "@/lib/schemas/mass-messages";
import { apiRoute } from "@/lib/server/api/route";
import { checkCampaign, resendCampaign, unsendCampaign } from "@/lib/server/mass/actions";
import { cancelCampaign } from "@/lib/server/mass/campaigns";
import { getCampaignResults } from "@/lib/server/mass/results";

const params = z.object({ creatorId: z.string(), campaignId: z.string().min(1).max(100) });

export const GET = apiRoute({
  access: "creator",
  permission: "mass:send",
  params,
  handler: ({ access, params }) => getCampaignResults(access, params.campaignId),
});

export const PATCH = apiRoute({
  access: "creator",
  permission: "mass:send",
  audit: "mass.update",
  params,
  body: campaignActionSchema,
  handler: ({ access, params, body, audit }) => {
    audit({ target: params.campaignId, details: { action: body.action } });
    if (body.action === "unsend") return unsendCampaign(access, params.campaignId);
    return body.action === "check" ? checkCampaign(access, params.campaignId) : resendCampaign(access, params.campaignId);
  },
});

export const DELETE = apiRoute({
  access: "creator",
  permission: "mass:send",
  audit: "mass.cancel",
  params,
  handler: ({ access, params, audit }) => {
    audit({ target: params.campaignId });
    return cancelCampaign(access, params.campaignId);
  },
});
