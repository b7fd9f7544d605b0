import "server-only";
import type { PostRecord } from "@/generated/prisma/client";
import type { PostView, QueueItem } from "@/lib/schemas/post-views";
import { clientForCreator } from "@/lib/server/creators/client";
import { db } from "@/lib/server/db";
import type { FanvueClient } from "@/lib/server/fanvue/client";
import { listPosts, type FanvuePost } from "@/lib/server/fanvue/resources/posts";
import { withSnapshot } from "@/lib/server/snapshots";
import type { QueueSource } from "./queue";
import { POST_LIST_MAX_AGE_MS, scheduledPostsKey } from "./list-cache";
import { listRefusal } from "./list-refusal";
import { isParked } from "./update";
import { titleOf, viewOfFanvue, viewOfRecord } from "./views";

// Scheduled posts for the queue, read live from Fanvue (/posts, or
// /creators/{c}/posts for agencies): all of them, wherever they were
// scheduled. If Fanvue refuses the list, the queue shows what was scheduled
// here and says why.

/** The list is "pinned first, then publication date newest first" with
 * unpublished posts included by default, so scheduled posts (their date is
 * in the future) lead it; four pages of 50 cover any realistic queue while
 * bounding the calls per view. */
const MAX_SCAN_PAGES = 4;
/** Cancelled posts listed under the queue: the most recent ones. */
const CANCELLED_LIMIT = 20;

async function scanScheduled(client: FanvueClient): Promise<FanvuePost[]> {
  const out: FanvuePost[] = [];
  for (let page = 1; page <= MAX_SCAN_PAGES; page++) {
    const res = await listPosts(client, page);
    out.push(...res.data.filter((p) => p.publishedAt === null));
    // A published, unpinned post means the scheduled ones are behind us.
    if (!res.pagination.hasMore || res.data.some((p) => p.publishedAt !== null && !p.isPinned)) break;
  }
  return out;
}

const itemOf = (creatorId: string, post: PostView): QueueItem => ({
  kind: "post",
  id: post.uuid,
  at: post.publishAt!,
  title: titleOf(post.text, post.mediaUuids.length),
  post,
  href: `/c/${creatorId}/posts/${post.uuid}/edit`,
  canReschedule: true,
});

/** Cancelled posts with the times they had before, to offer them back. */
const cancelledOf = (records: PostRecord[]) =>
  records.filter((r) => r.cancelledAt).map((r) => ({ ...viewOfRecord(r), cancelledAt: r.cancelledAt!.toISOString() }));

/** Fanvue refused the list: what was scheduled here, upcoming and not cancelled. */
function fromRecords(creatorId: string, records: PostRecord[], limitedBy: string) {
  const now = Date.now();
  const upcoming = records.filter(
    (r) => !r.cancelledAt && r.publishAt && r.publishAt.getTime() > now && !isParked(r.publishAt),
  );
  return {
    items: upcoming.map((r) => itemOf(creatorId, viewOfRecord(r))),
    coverage: "vuedeck" as const,
    limitedBy,
    cancelled: cancelledOf(records).slice(0, CANCELLED_LIMIT),
  };
}

export const postQueueSource: QueueSource = async (access) => {
  const creatorId = access.creator.id;
  const records = await db.postRecord.findMany({
    where: { creatorId, state: "created", fanvueUuid: { not: null } },
    orderBy: { updatedAt: "desc" },
    take: 500,
  });
  const byUuid = new Map(records.map((r) => [r.fanvueUuid!, r]));
  let snap;
  try {
    snap = await withSnapshot(scheduledPostsKey(creatorId), () => scanScheduled(clientForCreator(access)), {
      maxAgeMs: POST_LIST_MAX_AGE_MS,
    });
  } catch (err) {
    const why = listRefusal(err, "queue");
    if (why === null) throw err;
    return fromRecords(creatorId, records, why);
  }
  // On Fanvue, a parked post is a cancelled one (whoever moved it since).
  const parked = new Set(snap.data.filter((p) => isParked(p.publishAt)).map((p) => p.uuid));
  const items = snap.data
    .filter((p) => p.publishAt && !parked.has(p.uuid))
    .map((p) => itemOf(creatorId, viewOfFanvue(p, byUuid.get(p.uuid)?.authorName ?? null)));
  const cancelled = cancelledOf(records.filter((r) => parked.has(r.fanvueUuid!))).slice(0, CANCELLED_LIMIT);
  return { items, coverage: "fanvue", limitedBy: null, fetchedAt: snap.fetchedAt, stale: snap.stale, cancelled };
};
