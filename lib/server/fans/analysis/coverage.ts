import "server-only";
import type { Coverage, FanList } from "@/lib/schemas/fans";
import { db } from "@/lib/server/db";
import { listCountSum } from "@/lib/server/fans/roster/list-counts";
import { listSmartLists } from "@/lib/server/fanvue/resources/chats";
import { clientForCreator } from "@/lib/server/creators/client";
import type { CreatorRef } from "@/lib/server/fans/insights/insights";

// How much of the audience our database covers: the basis for "partial"
// columns until the whole audience is analysed.

export type AudienceCounts = { subscribers: number | null; followers: number | null };

// 60 s: list sizes move slowly; every table page would otherwise spend a
// call of the creator's rate budget on them.
const COUNTS_TTL_MS = 60_000;
const g = globalThis as unknown as { fanAudienceCounts?: Map<string, { at: number; counts: AudienceCounts }> };
const memo = (g.fanAudienceCounts ??= new Map());

/** Subscriber/follower counts from Fanvue's smart lists (null when Fanvue
 * cannot say right now: the UI then shows "—", never 0). */
export async function audienceCounts(ref: CreatorRef): Promise<AudienceCounts> {
  const hit = memo.get(ref.creator.id);
  if (hit && Date.now() - hit.at < COUNTS_TTL_MS) return hit.counts;
  return fetchAudienceCounts(ref, "interactive").catch(() => hit?.counts ?? { subscribers: null, followers: null });
}

/** Asks Fanvue now (the roster's head check, on the background priority). */
export async function fetchAudienceCounts(
  ref: CreatorRef,
  priority: "interactive" | "background",
): Promise<AudienceCounts> {
  const lists = await listSmartLists(clientForCreator(ref), priority);
  const count = (id: string) => lists.find((l) => l.uuid === id)?.count ?? null;
  const counts = { subscribers: count("subscribers"), followers: count("followers") };
  memo.set(ref.creator.id, { at: Date.now(), counts });
  return counts;
}

export const audienceOf = (c: AudienceCounts, list: FanList) =>
  list === "all" ? (c.subscribers === null || c.followers === null ? null : c.subscribers + c.followers) : c[list];

/** Known fans of the list from the counts the triggers keep, and the fans
 * analysed (a join over the whole list). The fans table shows that figure
 * only beside partial columns (`partial`: its view sorts or filters by
 * insights), so it asks for it only then and while the analysis is not
 * complete; else it is null: a 100,000-fan list is not joined per page. */
export async function coverageOf(
  creatorId: string,
  list: FanList,
  counts: AudienceCounts,
): Promise<Coverage & { analysed: number }>;
export async function coverageOf(
  creatorId: string,
  list: FanList,
  counts: AudienceCounts,
  table: { partial: boolean },
): Promise<Coverage>;
export async function coverageOf(
  creatorId: string,
  list: FanList,
  counts: AudienceCounts,
  table?: { partial: boolean },
): Promise<Coverage> {
  const lists = list === "all" ? ["subscribers", "followers"] : [list];
  const [known, analysis] = await Promise.all([
    listCountSum(creatorId, lists, "named"),
    db.audienceAnalysis.findUnique({ where: { creatorId }, select: { status: true, finishedAt: true } }),
  ]);
  const done = analysis?.status === "done";
  const count = !table || (table.partial && !done);
  return {
    known,
    analysed: count ? await countAnalysed(creatorId, list) : null,
    audience: audienceOf(counts, list),
    complete: done,
    analysedAt: done && analysis?.finishedAt ? analysis.finishedAt.toISOString() : null,
  };
}

async function countAnalysed(creatorId: string, list: FanList): Promise<number> {
  const listFilter = list === "all" ? null : list;
  const [row] = await db.$queryRaw<{ analysed: number }[]>`
    SELECT count(i."fetchedAt")::int AS analysed
    FROM "AudienceFan" a LEFT JOIN "FanInsight" i ON i."creatorId" = a."creatorId" AND i."fanUuid" = a."fanUuid"
    WHERE a."creatorId" = ${creatorId} AND (${listFilter}::text IS NULL OR a.list = ${listFilter}::text) AND a.handle <> ''`;
  return row?.analysed ?? 0;
}
