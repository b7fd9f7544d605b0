import "server-only";
import { clientForCreator } from "@/lib/server/creators/client";
import { loadCreatorRef } from "@/lib/server/creators/ref";
import { db } from "@/lib/server/db";
import { FanvueError } from "@/lib/server/fanvue/errors";
import {
  listAllTrackingLinks,
  listAllTrackingLinkUsers,
  type FanvueTrackingLink,
  type FanvueTrackingLinkUser,
} from "@/lib/server/fanvue/resources/tracking-links";

// Mirrors a creator's tracking links and each link's fans into Postgres
// (TrackingLink, TrackingLinkFan), on the rate limiter's background priority.
// A run is a full listing: the links first (a few pages at most), then each
// link's fans, each link's set replaced in one transaction. Every write is an
// upsert or a whole-set replace, so a run that dies part-way leaves each link
// either as it was or fully refreshed, and the next run (the job's retry)
// lists everything again: no gaps, no duplicates. The promo cost columns are
// never written here, and a link missing from Fanvue's list is marked
// deleted, never removed.

type SyncOptions = { signal?: AbortSignal };

/** Fanvue's columns of a link (never the cost columns). */
export function linkColumns(l: FanvueTrackingLink, syncedAt: Date) {
  return {
    name: l.name,
    linkUrl: l.linkUrl,
    platform: l.externalSocialPlatform,
    createdAt: new Date(l.createdAt),
    clicks: l.clicks,
    acquiredFollowers: l.engagement.acquiredFollowers,
    acquiredSubscribers: l.engagement.acquiredSubscribers,
    totalFollowers: l.engagement.totalFollowers,
    totalSubscribers: l.engagement.totalSubscribers,
    earningsGross: l.earnings?.totalGross ?? null,
    earningsNet: l.earnings?.totalNet ?? null,
    syncedAt,
  };
}

/** Upserts the listed links; live links the listing no longer has are marked deleted. Links
 * written after the run started (created through Vuedeck meanwhile) are not judged by it. */
async function saveLinks(creatorId: string, links: FanvueTrackingLink[], startedAt: Date) {
  const now = new Date();
  await db.$transaction([
    ...links.map((l) =>
      db.trackingLink.upsert({
        where: { creatorId_uuid: { creatorId, uuid: l.uuid } },
        create: { creatorId, uuid: l.uuid, ...linkColumns(l, now) },
        update: linkColumns(l, now),
      }),
    ),
    db.trackingLink.updateMany({
      where: { creatorId, deletedAt: null, syncedAt: { lt: startedAt }, uuid: { notIn: links.map((l) => l.uuid) } },
      data: { deletedAt: now },
    }),
  ]);
}

/** The link's fans as Fanvue lists them now, replacing the previous set at once. */
async function saveLinkFans(creatorId: string, linkUuid: string, users: FanvueTrackingLinkUser[]) {
  const syncedAt = new Date();
  const unique = new Map(users.map((u) => [u.uuid, u]));
  await db.$transaction([
    db.trackingLinkFan.deleteMany({ where: { creatorId, linkUuid } }),
    db.trackingLinkFan.createMany({
      data: [...unique.values()].map((u) => ({ creatorId, linkUuid, fanUuid: u.uuid, status: u.status, syncedAt })),
    }),
  ]);
}

async function pullFans(
  client: ReturnType<typeof clientForCreator>,
  creatorId: string,
  links: FanvueTrackingLink[],
  o: SyncOptions,
) {
  let fans = 0;
  for (const l of links) {
    try {
      const users = await listAllTrackingLinkUsers(client, l.uuid, { priority: "background", signal: o.signal });
      await saveLinkFans(creatorId, l.uuid, users);
      fans += users.length;
    } catch (err) {
      // Deleted on Fanvue since the listing: its fans stay as last seen; the next run marks it deleted.
      if (err instanceof FanvueError && err.kind === "not_found") continue;
      throw err;
    }
  }
  return fans;
}

export async function syncTrackingLinks(creatorId: string, o: SyncOptions = {}) {
  const ref = await loadCreatorRef(creatorId);
  if (!ref) return { skipped: true as const };
  const client = clientForCreator(ref);
  const startedAt = new Date();
  await db.trackingLinkSync.upsert({
    where: { creatorId },
    create: { creatorId, status: "running", startedAt },
    update: { status: "running", startedAt },
  });
  try {
    const links = await listAllTrackingLinks(client, { priority: "background", signal: o.signal });
    await saveLinks(creatorId, links, startedAt);
    const fans = await pullFans(client, creatorId, links, o);
    await db.trackingLinkSync.update({
      where: { creatorId },
      data: { status: "idle", lastSyncedAt: new Date(), lastError: null },
    });
    return { skipped: false as const, links: links.length, fans };
  } catch (err) {
    // Our words (FanvueError messages are ours); Fanvue's own text went to the log.
    const message = err instanceof Error ? err.message : String(err);
    await db.trackingLinkSync.update({ where: { creatorId }, data: { status: "failed", lastError: message } });
    throw err;
  }
}
