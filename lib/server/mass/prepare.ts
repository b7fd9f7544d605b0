import "server-only";
import type { MassCampaign } from "@/generated/prisma/client";
import { invalidateListMembers } from "@/lib/server/chats/inbox-cache";
import { clientForCreator } from "@/lib/server/creators/client";
import { db } from "@/lib/server/db";
import { FanvueError } from "@/lib/server/fanvue/errors";
import { addListMembers, createCustomList, listCustomLists } from "@/lib/server/fanvue/resources/chat-lists";
import type { CreatorAccess } from "@/lib/server/workspaces/access";
import { resolveAudience } from "./audience";
import { refsOf } from "./campaigns";
import { splitHoldout } from "./holdout";

// The hold-out of a campaign: draw a random share of the audience once
// (stored, so a re-run keeps the same split), put it in a custom list made
// for the campaign, and exclude that list from the send. Every step is safe
// to repeat after a crash: the split is stored before the list is made, the
// list is found by name if it already exists, adding members skips those in.
// A person pressed Send and watches the queue: like the send itself, these
// calls go ahead of bulk syncs ("interactive"; refused after a short wait
// when the budget is spent, and the job then retries).

/** A definite failure of preparation: nothing was sent, retrying will not help. */
export class PrepareError extends Error {}

/** Fanvue adds at most 100 members per call (§5.5). */
const MEMBERS_PER_CALL = 100;

export const holdoutListName = (c: Pick<MassCampaign, "id">) => `Hold-out · ${c.id.slice(0, 8)}`;

async function drawSplit(a: Pick<CreatorAccess, "workspace" | "creator">, c: MassCampaign) {
  if ((await db.massCampaignFan.count({ where: { campaignId: c.id } })) > 0) return;
  const fans = await resolveAudience(a, refsOf(c.included), refsOf(c.excluded), {
    priority: "interactive",
    fresh: true,
  });
  if (!fans) throw new PrepareError("The audience is too large to draw a hold-out from. Nothing was sent.");
  if (fans.length < 2)
    throw new PrepareError("The audience has fewer than two fans: there is nobody to hold out. Nothing was sent.");
  const { held, sent } = splitHoldout(fans, c.holdoutPercent);
  await db.$transaction([
    db.massCampaignFan.createMany({
      data: [
        ...held.map((f) => ({ campaignId: c.id, fanUuid: f, heldOut: true })),
        ...sent.map((f) => ({ campaignId: c.id, fanUuid: f, heldOut: false })),
      ],
      skipDuplicates: true,
    }),
    db.massCampaign.update({ where: { id: c.id }, data: { audienceSize: fans.length } }),
  ]);
}

async function ensureList(a: Pick<CreatorAccess, "workspace" | "creator">, c: MassCampaign): Promise<string> {
  if (c.holdoutListUuid) return c.holdoutListUuid;
  const client = clientForCreator(a);
  const name = holdoutListName(c);
  let uuid: string;
  try {
    uuid = (await createCustomList(client, name)).uuid;
  } catch (err) {
    if (err instanceof FanvueError && err.kind === "unsupported")
      throw new PrepareError("Fanvue lets only the creator's own account create the hold-out list. Nothing was sent.");
    if (!(err instanceof FanvueError && err.kind === "conflict")) throw err;
    // Made by an earlier run that stopped before recording it.
    const found = (await listCustomLists(client, 1, name)).data.find((l) => l.name === name);
    if (!found) throw err;
    uuid = found.uuid;
  }
  await db.massCampaign.update({ where: { id: c.id }, data: { holdoutListUuid: uuid, holdoutListName: name } });
  return uuid;
}

export async function prepareHoldout(a: Pick<CreatorAccess, "workspace" | "creator">, c: MassCampaign) {
  if (c.holdoutPercent === 0) return;
  await db.massCampaign.updateMany({ where: { id: c.id, status: "queued" }, data: { status: "preparing" } });
  await drawSplit(a, c);
  const listUuid = await ensureList(a, c);
  const held = (
    await db.massCampaignFan.findMany({
      where: { campaignId: c.id, heldOut: true },
      select: { fanUuid: true },
      orderBy: { fanUuid: "asc" },
    })
  ).map((r) => r.fanUuid);
  const client = clientForCreator(a);
  for (let i = 0; i < held.length; i += MEMBERS_PER_CALL) {
    await addListMembers(client, listUuid, held.slice(i, i + MEMBERS_PER_CALL), "interactive");
  }
  await invalidateListMembers(c.creatorId, listUuid);
}
