import { z } from "zod";
import {
  campaignActionSchema,
  campaignBodySchema,
  listRefsSchema,
  MAX_HOLDOUT_PERCENT,
  type CampaignResults,
  type CampaignsPage,
  type CampaignView,
  type EstimateView,
} from "@/lib/schemas/mass-messages";
import { route } from "./contract";

// Mass messages ("campaigns"): the queue and history, sending, the recipient
// estimate, results and the actions on one campaign.

/** "smart:subscribers,custom:<uuid>" → { smart: [...], custom: [...] } */
const refs = z
  .string()
  .max(4000)
  .default("")
  .transform((s, ctx) => {
    const parts = s.split(",").filter(Boolean);
    const r = listRefsSchema.safeParse({
      smart: parts.filter((p) => p.startsWith("smart:")).map((p) => p.slice(6)),
      custom: parts.filter((p) => p.startsWith("custom:")).map((p) => p.slice(7)),
    });
    if (r.success) return r.data;
    ctx.addIssue({ code: "custom", message: "lists must be smart:<id> or custom:<uuid>, comma-separated" });
    return z.NEVER;
  });

const campaignParams = z.object({ creatorId: z.string(), campaignId: z.string().min(1).max(100) });

/** Queue and history (ours + Fanvue's), with ledger purchases and revenue. */
export const campaigns = route<CampaignsPage>()({
  method: "GET",
  path: "/api/creators/:creatorId/mass-messages",
  access: "creator",
  permission: "mass:send",
});

/** Record a mass message (now or scheduled, optional hold-out); sent exactly
 * once by the worker. 201 new, 200 a repeat of the same idempotency key. */
export const campaignCreate = route<CampaignView>()({
  method: "POST",
  path: "/api/creators/:creatorId/mass-messages",
  access: "creator",
  permission: "mass:send",
  body: campaignBodySchema,
});

/** `?include=smart:subscribers&exclude=custom:<uuid>&holdout=10`: recipients before sending. */
export const campaignEstimate = route<EstimateView>()({
  method: "GET",
  path: "/api/creators/:creatorId/mass-messages/estimate",
  access: "creator",
  permission: "mass:send",
  query: z.object({
    include: refs,
    exclude: refs,
    holdout: z.coerce.number().int().min(0).max(MAX_HOLDOUT_PERCENT).default(0),
  }),
});

/** Results: ledger purchases and revenue, hold-out comparison. */
export const campaignResults = route<CampaignResults>()({
  method: "GET",
  path: "/api/creators/:creatorId/mass-messages/:campaignId",
  access: "creator",
  permission: "mass:send",
  params: campaignParams,
});

/** `{action: "check"}` an unclear send on Fanvue, `{action: "resend"}` after
 * checking, or `{action: "unsend"}` a sent one. */
export const campaignAction = route<CampaignView>()({
  method: "PATCH",
  path: "/api/creators/:creatorId/mass-messages/:campaignId",
  access: "creator",
  permission: "mass:send",
  params: campaignParams,
  body: campaignActionSchema,
});

/** Cancel one not sent yet (queued or scheduled). */
export const campaignCancel = route<CampaignView>()({
  method: "DELETE",
  path: "/api/creators/:creatorId/mass-messages/:campaignId",
  access: "creator",
  permission: "mass:send",
  params: campaignParams,
});
