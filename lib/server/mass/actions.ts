import "server-only";
import type { CampaignView } from "@/lib/schemas/mass-messages";
import { ApiError } from "@/lib/server/api/errors";
import { clientForCreator } from "@/lib/server/creators/client";
import { db } from "@/lib/server/db";
import { deleteMassMessage } from "@/lib/server/fanvue/resources/mass-messages";
import type { CreatorAccess } from "@/lib/server/workspaces/access";
import { campaignOr404, toCampaignView } from "./campaigns";
import { massJobOptions, massSendJob } from "./jobs";
import { settleFromFanvue } from "./send-job";

// What a person can do about a campaign whose state is unclear: check Fanvue
// again, or — having checked — decide to send it again.

export async function checkCampaign(access: CreatorAccess, id: string): Promise<CampaignView> {
  const c = await campaignOr404(access, id);
  if (c.status !== "unknown") return toCampaignView(c);
  return toCampaignView(await settleFromFanvue(access, c, "checked again"));
}

/** Takes a sent mass message back on Fanvue (fans who bought it keep it).
 * Fanvue's delete is a no-op when repeated, so a retried click is safe. */
export async function unsendCampaign(access: CreatorAccess, id: string): Promise<CampaignView> {
  const c = await campaignOr404(access, id);
  if (c.status === "unsent") return toCampaignView(c);
  if (c.status !== "sent" || !c.fanvueId)
    throw new ApiError(
      "conflict",
      c.status === "scheduled"
        ? "It has not gone out yet: cancel it instead."
        : "Only a sent mass message can be unsent.",
    );
  await deleteMassMessage(clientForCreator(access), c.fanvueId);
  return toCampaignView(await db.massCampaign.update({ where: { id }, data: { status: "unsent" } }));
}

/** An explicit decision after checking: queue it again (a new attempt). */
export async function resendCampaign(access: CreatorAccess, id: string): Promise<CampaignView> {
  const c = await campaignOr404(access, id);
  const res = await db.massCampaign.updateMany({
    where: { id, status: { in: ["unknown", "failed"] } },
    data: { status: "queued", error: null, attemptAt: null },
  });
  if (res.count === 0)
    throw new ApiError(
      "conflict",
      c.status === "sent"
        ? "It was sent: sending again would reach fans twice."
        : "Only a failed or unclear mass message can be sent again.",
    );
  await massSendJob.enqueue({ campaignId: id }, massJobOptions(id, access.workspace.connectionId));
  return toCampaignView(await campaignOr404(access, id));
}
