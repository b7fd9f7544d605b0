import "server-only";
import { createHash } from "node:crypto";
import type { MassCampaign, Prisma } from "@/generated/prisma/client";
import type { CampaignBody, CampaignStatus, CampaignView, ListRefsInput } from "@/lib/schemas/mass-messages";
import { ApiError } from "@/lib/server/api/errors";
import { getLists } from "@/lib/server/chats/lists";
import { clientForCreator } from "@/lib/server/creators/client";
import { db } from "@/lib/server/db";
import { deleteMassMessage } from "@/lib/server/fanvue/resources/mass-messages";
import { recordAudit } from "@/lib/server/workspaces/audit";
import type { CreatorAccess } from "@/lib/server/workspaces/access";
import { estimateAudience } from "./audience";
import { massJobOptions, massSendJob } from "./jobs";

// Creating a campaign: validated, recorded with its send job in one
// transaction (so it can never be lost between the two), then the worker
// (send-job.ts) sends it exactly once.

type User = { id: string; name: string };

const hashOf = (b: CampaignBody) =>
  createHash("sha256")
    .update(JSON.stringify([b.text, b.mediaUuids, b.price, b.included, b.excluded, b.holdoutPercent, b.scheduledAt]))
    .digest("hex");

export const refsOf = (v: Prisma.JsonValue): ListRefsInput => {
  const o = (v ?? {}) as Partial<ListRefsInput>;
  return { smart: o.smart ?? [], custom: o.custom ?? [] };
};

export function toCampaignView(c: MassCampaign): CampaignView {
  return {
    id: c.id,
    source: "vuedeck",
    fanvueId: c.fanvueId,
    status: c.status as CampaignStatus,
    text: c.text,
    mediaUuids: c.mediaUuids,
    price: c.price,
    included: refsOf(c.included),
    excluded: refsOf(c.excluded),
    holdoutPercent: c.holdoutPercent,
    scheduledAt: c.scheduledAt?.toISOString() ?? null,
    sentAt: c.sentAt?.toISOString() ?? null,
    createdAt: c.createdAt.toISOString(),
    createdBy: c.createdByName,
    error: c.error,
    recipients: c.recipientCount,
    views: null,
    purchases: null,
    revenue: null,
  };
}

/** Every chosen custom list must still exist (a deleted one would make
 * Fanvue refuse the whole send, or silently change who receives it). */
async function assertListsExist(access: CreatorAccess, b: CampaignBody) {
  const lists = await getLists(access, { fresh: true });
  const known = new Set(lists.custom.map((l) => l.uuid));
  for (const [field, refs] of [
    ["included", b.included],
    ["excluded", b.excluded],
  ] as const) {
    const gone = refs.custom.filter((u) => !known.has(u));
    if (gone.length)
      throw new ApiError(
        "invalid_input",
        `A chosen list no longer exists on Fanvue (${gone.length === 1 ? "1 list" : `${gone.length} lists`}). Refresh the lists and choose again.`,
        { field },
      );
  }
  if (b.holdoutPercent > 0 && !lists.canEdit) {
    throw new ApiError(
      "invalid_input",
      "A hold-out needs a custom list made for the campaign, which Fanvue lets only the creator's own account create.",
      { field: "holdoutPercent" },
    );
  }
}

export async function createCampaign(
  access: CreatorAccess,
  user: User,
  b: CampaignBody,
): Promise<{ campaign: CampaignView; created: boolean }> {
  const where = { creatorId_idempotencyKey: { creatorId: access.creator.id, idempotencyKey: b.idempotencyKey } };
  const existing = await db.massCampaign.findUnique({ where });
  if (existing) {
    if (existing.requestHash !== hashOf(b))
      throw new ApiError("conflict", "This idempotency key was already used for a different mass message.", {
        field: "idempotencyKey",
      });
    return { campaign: toCampaignView(existing), created: false };
  }
  await assertListsExist(access, b);
  const estimate = await estimateAudience(access, b.included, b.excluded, b.holdoutPercent).catch(() => null);
  if (b.holdoutPercent > 0 && estimate && estimate.count === null) {
    throw new ApiError(
      "invalid_input",
      "This audience is too large to draw a hold-out from. Send without one, or choose smaller lists.",
      { field: "holdoutPercent" },
    );
  }
  const id = crypto.randomUUID();
  try {
    await db.$transaction([
      db.massCampaign.create({
        data: {
          id,
          creatorId: access.creator.id,
          idempotencyKey: b.idempotencyKey,
          requestHash: hashOf(b),
          text: b.text,
          mediaUuids: b.mediaUuids,
          price: b.price,
          included: b.included,
          excluded: b.excluded,
          holdoutPercent: b.holdoutPercent,
          estimatedCount: estimate?.count ?? null,
          scheduledAt: b.scheduledAt ? new Date(b.scheduledAt) : null,
          status: "queued",
          createdByUserId: user.id,
          createdByName: user.name,
        },
      }),
      db.job.create({ data: massSendJob.row({ campaignId: id }, massJobOptions(id, access.workspace.connectionId)) }),
    ]);
  } catch (err) {
    // The same key raced in: answer with the one that won.
    const winner = await db.massCampaign.findUnique({ where });
    if (winner) return { campaign: toCampaignView(winner), created: false };
    throw err;
  }
  await recordAudit({
    workspaceId: access.workspace.id,
    creatorId: access.creator.id,
    actor: user,
    action: "mass.send",
    target: id,
    details: {
      included: b.included,
      excluded: b.excluded,
      holdoutPercent: b.holdoutPercent,
      scheduledAt: b.scheduledAt,
      price: b.price,
      estimate: estimate?.count ?? null,
    },
  });
  return { campaign: toCampaignView(await db.massCampaign.findUniqueOrThrow({ where: { id } })), created: true };
}

async function campaignOr404(access: CreatorAccess, id: string) {
  const c = await db.massCampaign.findFirst({ where: { id, creatorId: access.creator.id } });
  if (!c) throw new ApiError("not_found", "Mass message not found.");
  return c;
}

/** Cancels a campaign not yet sent (queued, preparing) or scheduled on Fanvue. */
export async function cancelCampaign(access: CreatorAccess, id: string): Promise<CampaignView> {
  const c = await campaignOr404(access, id);
  if (c.status === "scheduled" && c.fanvueId) {
    await deleteMassMessage(clientForCreator(access), c.fanvueId);
    return toCampaignView(await db.massCampaign.update({ where: { id }, data: { status: "cancelled" } }));
  }
  const res = await db.massCampaign.updateMany({
    where: { id, status: { in: ["queued", "preparing"] } },
    data: { status: "cancelled" },
  });
  if (res.count === 0)
    throw new ApiError(
      "conflict",
      c.status === "cancelled" ? "Already cancelled." : "Too late to cancel: it is being sent or was sent.",
    );
  return toCampaignView(await campaignOr404(access, id));
}

export { campaignOr404 };
