import { campaignAction, campaignCancel, campaignResults } from "@/lib/contracts/mass-messages";
import { apiRoute } from "@/lib/server/api/route";
import { checkCampaign, resendCampaign, unsendCampaign } from "@/lib/server/mass/actions";
import { cancelCampaign } from "@/lib/server/mass/campaigns";
import { getCampaignResults } from "@/lib/server/mass/results";

export const GET = apiRoute(campaignResults, {
  handler: ({ access, params }) => getCampaignResults(access, params.campaignId),
});

export const PATCH = apiRoute(campaignAction, {
  audit: "mass.update",
  handler: ({ access, params, body, audit }) => {
    audit({ target: params.campaignId, details: { action: body.action } });
    if (body.action === "unsend") return unsendCampaign(access, params.campaignId);
    return body.action === "check"
      ? checkCampaign(access, params.campaignId)
      : resendCampaign(access, params.campaignId);
  },
});

export const DELETE = apiRoute(campaignCancel, {
  audit: "mass.cancel",
  handler: ({ access, params, audit }) => {
    audit({ target: params.campaignId });
    return cancelCampaign(access, params.campaignId);
  },
});
