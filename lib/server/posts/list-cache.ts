import "server-only";
import { db } from "@/lib/server/db";
import { forgetReadsUnderWay } from "@/lib/server/snapshots";

// Fanvue's post list, as the queue and the history read it, is kept a short
// while (lib/server/snapshots.ts): reloads, the server-rendered first screen
// and every team member within that window share one read of the creator's
// rate budget instead of spending one per view. Vuedeck's own changes drop
// the kept lists at once, so whoever makes a change sees it on the next read.

/** 15 s: the queue's own staleTime on the client (where people check that a
 * post went out); a post made or gone out on Fanvue shows within it. */
export const POST_LIST_MAX_AGE_MS = 15_000;

export const scheduledPostsKey = (creatorId: string) => `posts:scheduled:${creatorId}`;
const historyPrefix = (creatorId: string) => `posts:history:${creatorId}:`;
export const postHistoryKey = (creatorId: string, page: number) => `${historyPrefix(creatorId)}${page}`;

/** Drops the kept lists of a creator's posts (after a publish, edit, publish-now or cancel). */
export async function forgetPostLists(creatorId: string) {
  // A list read under way may have read the post before the change: it must not be joined or kept.
  forgetReadsUnderWay((key) => key === scheduledPostsKey(creatorId) || key.startsWith(historyPrefix(creatorId)));
  await db.upstreamSnapshot.deleteMany({
    where: { OR: [{ key: scheduledPostsKey(creatorId) }, { key: { startsWith: historyPrefix(creatorId) } }] },
  });
}

/** Runs a change to a creator's posts on Fanvue, then drops the kept lists,
 * also when it failed: a dropped connection may still have made the change. */
export async function changingPosts<T>(creatorId: string, change: () => Promise<T>): Promise<T> {
  try {
    return await change();
  } finally {
    await forgetPostLists(creatorId).catch((err: unknown) => console.error("[posts] could not drop kept lists", err));
  }
}
