import "server-only";
import type { MassCampaign, Prisma } from "@/generated/prisma/client";
import { clientForCreator } from "@/lib/server/creators/client";
import { db } from "@/lib/server/db";
import { describeForLog, FanvueError } from "@/lib/server/fanvue/errors";
import { createMassMessage, listMassMessages, type MassPayload } from "@/lib/server/fanvue/resources/mass-messages";
import { loadCreatorRef, type CreatorRef } from "@/lib/server/creators/ref";
import { refsOf } from "./campaigns";
import { CLOCK_SKEW_MS, findCampaign } from "./match";
import { prepareHoldout, PrepareError } from "./prepare";

// Sends one campaign exactly once. The state in MassCampaign is the
// checkpoint: "sending" is committed before the Fanvue call, so a run that
// finds "sending" knows an earlier run may have reached Fanvue — it looks in
// Fanvue's list instead of sending again, and when nothing settles it the
// campaign shows "state unknown — check" (never a blind resend, never lost).

/** Fanvue refused before doing anything: nothing was sent. Each says why in
 * our words (Fanvue's own text goes to the log). */
const REFUSED: Record<string, string> = {
  validation: "Fanvue did not accept this mass message: check its lists, media and price. Nothing was sent.",
  forbidden: "Fanvue does not allow this account to send mass messages.",
  not_found: "A list or media item of this mass message no longer exists on Fanvue. Nothing was sent.",
  conflict: "Fanvue refused this mass message as a duplicate. Nothing was sent.",
  version: "Fanvue no longer supports the API version Vuedeck uses. Nothing was sent.",
  unsupported: "Fanvue does not offer mass messages for this account. Nothing was sent.",
};
/** Not sent, but may be sent later as is (the worker retries or pauses). */
const NOT_YET = new Set(["rate_limited", "stalled", "reauth", "unauthorized"]);
/** Pages of Fanvue's list read to find a send (newest first, 50 each). */
const RECONCILE_PAGES = 4;
/** A schedule closer than this is sent now: the call itself takes time. */
const SCHEDULE_MARGIN_MS = 30_000;

export type CampaignAccess = CreatorRef;

export function payloadOf(c: MassCampaign): MassPayload {
  const inc = refsOf(c.included);
  const exc = refsOf(c.excluded);
  return {
    text: c.text,
    mediaUuids: c.mediaUuids,
    price: c.price,
    includedLists: { smartListUuids: inc.smart, customListUuids: inc.custom },
    excludedLists: {
      smartListUuids: exc.smart,
      customListUuids: [...exc.custom, ...(c.holdoutListUuid ? [c.holdoutListUuid] : [])],
    },
    // A run that starts late sends at once (Fanvue refuses past times).
    scheduledAt:
      c.scheduledAt && c.scheduledAt.getTime() > Date.now() + SCHEDULE_MARGIN_MS ? c.scheduledAt.toISOString() : null,
  };
}

const set = (id: string, data: Prisma.MassCampaignUncheckedUpdateInput) =>
  db.massCampaign.update({ where: { id }, data });

/** Looks for the campaign in Fanvue's list; sets sent/scheduled, or unknown. */
export async function settleFromFanvue(a: CampaignAccess, c: MassCampaign, why: string): Promise<MassCampaign> {
  const attemptAt = c.attemptAt ?? c.createdAt;
  const p = payloadOf(c);
  const shape = {
    text: p.text,
    mediaUuids: p.mediaUuids,
    price: p.price,
    included: p.includedLists,
    excluded: p.excludedLists,
    attemptAt,
  };
  try {
    const client = clientForCreator(a);
    const others = await db.massCampaign.findMany({
      where: { creatorId: c.creatorId, fanvueId: { not: null }, NOT: { id: c.id } },
      select: { fanvueId: true },
    });
    const claimed = new Set(others.map((o) => o.fanvueId!));
    for (let page = 1; page <= RECONCILE_PAGES; page++) {
      const res = await listMassMessages(client, page, "background");
      const hit = findCampaign(res.data, shape, claimed);
      if (hit) {
        const scheduled = hit.status === "SCHEDULED";
        return set(c.id, {
          status: scheduled ? "scheduled" : "sent",
          fanvueId: hit.uuid,
          recipientCount: hit.recipientCount,
          sentAt: scheduled ? null : new Date(hit.publishedAt ?? hit.createdAt ?? Date.now()),
          error: null,
        });
      }
      const oldest = res.data.at(-1)?.createdAt;
      if (!res.pagination.hasMore || (oldest && Date.parse(oldest) < attemptAt.getTime() - CLOCK_SKEW_MS)) break;
    }
    return set(c.id, {
      status: "unknown",
      error: `State unknown — check: ${why}, and no matching mass message was found on Fanvue. It was probably not sent.`,
    });
  } catch {
    return set(c.id, {
      status: "unknown",
      error: `State unknown — check: ${why}, and Fanvue's list could not be read to confirm.`,
    });
  }
}

async function sendOnce(a: CampaignAccess, c: MassCampaign): Promise<MassCampaign> {
  const claimed = await db.massCampaign.updateMany({
    where: { id: c.id, status: { in: ["queued", "preparing"] } },
    data: { status: "sending", attemptAt: new Date(), error: null },
  });
  const row = await db.massCampaign.findUniqueOrThrow({ where: { id: c.id } });
  if (claimed.count === 0) return row; // cancelled meanwhile, or another run has it
  try {
    const payload = payloadOf(row);
    // A person pressed Send: the one call goes ahead of bulk syncs (refused
    // after a short wait when the budget is spent; the job then retries).
    const res = await createMassMessage(clientForCreator(a), payload, "interactive");
    const scheduled = payload.scheduledAt !== null;
    return set(c.id, {
      status: scheduled ? "scheduled" : "sent",
      fanvueId: res.id,
      recipientCount: res.recipientCount ?? null,
      sentAt: scheduled ? null : new Date(),
    });
  } catch (err) {
    if (err instanceof FanvueError && REFUSED[err.kind]) {
      console.error(`[mass] campaign ${c.id} refused: Fanvue ${describeForLog(err)}`);
      return set(c.id, { status: "failed", error: REFUSED[err.kind]! });
    }
    if (err instanceof FanvueError && NOT_YET.has(err.kind)) {
      await db.massCampaign.updateMany({
        where: { id: c.id, status: "sending" },
        data: { status: "preparing", error: err.message },
      });
      throw err;
    }
    return settleFromFanvue(a, row, "the connection to Fanvue failed during the send");
  }
}

/** One run of a campaign's job: resumes wherever the last run stopped. */
export async function runCampaign(id: string, opts: { lastAttempt: boolean }): Promise<string> {
  const c = await db.massCampaign.findUnique({ where: { id } });
  if (!c) return "missing";
  if (!["queued", "preparing", "sending"].includes(c.status)) return c.status;
  const a = await loadCreatorRef(c.creatorId);
  if (!a)
    return (await set(id, { status: "failed", error: "The creator was removed before the message was sent." })).status;
  // A run died after committing "sending": it may have reached Fanvue.
  if (c.status === "sending") return (await settleFromFanvue(a, c, "the previous attempt was interrupted")).status;
  try {
    await prepareHoldout(a, c);
  } catch (err) {
    if (err instanceof PrepareError || opts.lastAttempt) {
      await db.massCampaign.updateMany({
        where: { id, status: { in: ["queued", "preparing"] } },
        data: { status: "failed", error: err instanceof Error ? err.message : String(err) },
      });
      return "failed";
    }
    throw err;
  }
  const fresh = await db.massCampaign.findUniqueOrThrow({ where: { id } });
  return (await sendOnce(a, fresh)).status;
}
