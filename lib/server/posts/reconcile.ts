import "server-only";
import type { PostRecord } from "@/generated/prisma/client";
import { db } from "@/lib/server/db";
import type { FanvueClient } from "@/lib/server/fanvue/client";
import { listPosts, type FanvuePost } from "@/lib/server/fanvue/resources/posts";

// A send whose answer was lost (connection dropped after sending, a crash
// mid-call, a 5xx): did Fanvue create the post? We look for it instead of
// sending again, matching what we sent and when.

/** Pinned and scheduled posts come first and the post we look for was sent
 * minutes ago, so it sits near the top: three pages of 50 reach it. */
const LOOKUP_PAGES = 3;
/** Tolerance between our clock and Fanvue's on the post's createdAt. */
const CLOCK_SLACK_MS = 2 * 60_000;

const sameMoment = (a: string | null, b: Date | null) =>
  a === null ? b === null : b !== null && Date.parse(a) === b.getTime();
const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

export function matchesRecord(p: FanvuePost, r: PostRecord): boolean {
  const since = (r.sendingAt ?? r.createdAt).getTime() - CLOCK_SLACK_MS;
  if (p.createdAt && Date.parse(p.createdAt) < since) return false;
  return (
    (p.text ?? null) === (r.text ?? null) &&
    sameList(p.mediaUuids, r.mediaUuids) &&
    sameMoment(p.publishAt, r.publishAt) &&
    p.price === r.price
  );
}

/** The post this record sent, if Fanvue has it (/posts, or
 * /creators/{c}/posts for agencies). Posts already linked to another record
 * are never claimed twice. */
export async function findSentPost(client: FanvueClient, r: PostRecord): Promise<FanvuePost | null> {
  const taken = new Set(
    (
      await db.postRecord.findMany({
        where: { creatorId: r.creatorId, fanvueUuid: { not: null }, id: { not: r.id } },
        select: { fanvueUuid: true },
        orderBy: { createdAt: "desc" },
        take: 500,
      })
    ).map((x) => x.fanvueUuid),
  );
  const found: FanvuePost[] = [];
  for (let page = 1; page <= LOOKUP_PAGES; page++) {
    const res = await listPosts(client, page);
    found.push(...res.data.filter((p) => !taken.has(p.uuid) && matchesRecord(p, r)));
    if (!res.pagination.hasMore) break;
  }
  // Newest first if the same post was (somehow) made twice before.
  found.sort((a, b) => Date.parse(b.createdAt ?? "") - Date.parse(a.createdAt ?? ""));
  return found[0] ?? null;
}
