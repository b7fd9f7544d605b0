import "server-only";
import type { TrackingLinkCost, TrackingLinkCreate, TrackingLinkRow } from "@/lib/schemas/tracking-links";
import { ApiError } from "@/lib/server/api/errors";
import { clientForCreator } from "@/lib/server/creators/client";
import type { CreatorRef } from "@/lib/server/creators/ref";
import { db } from "@/lib/server/db";
import { FanvueError } from "@/lib/server/fanvue/errors";
import { createTrackingLink, deleteTrackingLink } from "@/lib/server/fanvue/resources/tracking-links";
import type { SessionUser } from "@/lib/server/session";
import { toRow } from "./report";
import { linkColumns } from "./sync";

// Creating and deleting a link on Fanvue (the mirror follows at once, so the
// table shows it without waiting for the next sync) and the promo cost, which
// lives only here.

const notFound = () => new ApiError("not_found", "Tracking link not found.");

/** Creates the link on Fanvue and mirrors it. Fanvue's refusal is said in our words, on the name field. */
export async function createLink(ref: CreatorRef, input: TrackingLinkCreate): Promise<TrackingLinkRow> {
  let link;
  try {
    link = await createTrackingLink(clientForCreator(ref), {
      name: input.name,
      externalSocialPlatform: input.platform,
    });
  } catch (err) {
    if (err instanceof FanvueError && err.kind === "validation")
      throw new ApiError("invalid_input", "Fanvue refused this link name; try a shorter or plainer one.", {
        field: "name",
      });
    throw err;
  }
  const creatorId = ref.creator.id;
  const row = await db.trackingLink.upsert({
    where: { creatorId_uuid: { creatorId, uuid: link.uuid } },
    create: { creatorId, uuid: link.uuid, ...linkColumns(link, new Date()) },
    update: linkColumns(link, new Date()),
  });
  return toRow(row, ref.creator.displayName, 0, undefined);
}

async function mirrored(creatorId: string, uuid: string) {
  const link = await db.trackingLink.findUnique({ where: { creatorId_uuid: { creatorId, uuid } } });
  if (!link) throw notFound();
  return link;
}

/** Deletes the link on Fanvue (already gone there counts as deleted); the row stays, marked, with its cost and fans. */
export async function deleteLink(ref: CreatorRef, uuid: string) {
  const link = await mirrored(ref.creator.id, uuid);
  if (link.deletedAt) return { uuid, name: link.name, deletedAt: link.deletedAt.toISOString() };
  try {
    await deleteTrackingLink(clientForCreator(ref), uuid);
  } catch (err) {
    if (!(err instanceof FanvueError && err.kind === "not_found")) throw err;
  }
  const row = await db.trackingLink.update({
    where: { creatorId_uuid: { creatorId: ref.creator.id, uuid } },
    data: { deletedAt: new Date() },
  });
  return { uuid, name: row.name, deletedAt: row.deletedAt!.toISOString() };
}

/** Sets (or, with null, clears) the link's promo cost; a deleted link keeps taking one. */
export async function setLinkCost(ref: CreatorRef, user: SessionUser, uuid: string, input: TrackingLinkCost) {
  await mirrored(ref.creator.id, uuid);
  const clear = input.costCents === null;
  const row = await db.trackingLink.update({
    where: { creatorId_uuid: { creatorId: ref.creator.id, uuid } },
    data: {
      costCents: input.costCents,
      costNote: clear ? null : input.note,
      costSetBy: clear ? null : user.name,
      costSetAt: clear ? null : new Date(),
    },
  });
  return { uuid, name: row.name, costCents: row.costCents, note: row.costNote };
}
