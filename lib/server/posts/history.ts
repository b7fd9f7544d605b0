import "server-only";
import type { HistoryItem, HistoryRange, HistoryResponse } from "@/lib/schemas/post-views";
import { clientForCreator } from "@/lib/server/creators/client";
import { db } from "@/lib/server/db";
import { wholeCents } from "@/lib/server/earnings/money";
import { listPosts } from "@/lib/server/fanvue/resources/posts";
import { withSnapshot } from "@/lib/server/snapshots";
import { hasPermission, type CreatorAccess } from "@/lib/server/workspaces/access";
import { addDays, localDate, presetDates, startOfLocalDay } from "@/lib/utils/date-range";
import { POST_LIST_MAX_AGE_MS, postHistoryKey } from "./list-cache";
import { listRefusal } from "./list-refusal";
import { viewOfFanvue, viewOfRecord } from "./views";

// Recent posts with what Fanvue says about them (likes, comments, tips) and
// what they earned in the chosen range, from our synced earnings ledger. Read
// live for creators and agencies alike; if Fanvue refuses the list, the posts
// made in Vuedeck are shown and the page says why.

/** A page of history: enough to scan a week or two of posting. */
export const HISTORY_PAGE_SIZE = 20;

type Query = { page: number; range: HistoryRange; tz: string };

function rangeOf(q: Query) {
  const today = localDate(Date.now(), q.tz);
  if (q.range === "all") return { from: "", to: today, start: null, end: null };
  const { from, to } = presetDates(q.range, today);
  return {
    from,
    to,
    start: new Date(startOfLocalDay(from, q.tz)),
    end: new Date(startOfLocalDay(addDays(to, 1), q.tz)),
  };
}

/** Gross per post in [start, end): PPV unlocks ("post") and tips on it. */
async function earnedByPost(creatorId: string, uuids: string[], start: Date | null, end: Date | null) {
  if (!uuids.length) return new Map<string, number>();
  const rows = await db.earningRow.groupBy({
    by: ["postUuid"],
    where: { creatorId, postUuid: { in: uuids }, ...(start && end ? { occurredAt: { gte: start, lt: end } } : {}) },
    _sum: { gross: true },
  });
  return new Map(rows.map((r) => [r.postUuid!, wholeCents(r._sum.gross)]));
}

/** Fanvue's earnings rows name their post only optionally: without a single
 * row that does, a post's 0 would be a guess, so nothing is attributed. */
async function ledgerNamesPosts(creatorId: string) {
  return (
    (await db.earningRow.findFirst({ where: { creatorId, postUuid: { not: null } }, select: { id: true } })) !== null
  );
}

type Base = {
  items: Omit<HistoryItem, "earned">[];
  hasMore: boolean;
  fetchedAt: string;
  stale: boolean;
  limitedBy: string | null;
};

/** Published posts only (includeUnpublished=false), so every page is history;
 * self and agency routes alike (/posts, /creators/{c}/posts). */
async function fromFanvue(access: CreatorAccess, page: number): Promise<Base> {
  const client = clientForCreator(access);
  const snap = await withSnapshot(
    postHistoryKey(access.creator.id, page),
    () => listPosts(client, page, HISTORY_PAGE_SIZE, { includeUnpublished: false }),
    { maxAgeMs: POST_LIST_MAX_AGE_MS },
  );
  const records = await db.postRecord.findMany({
    where: { creatorId: access.creator.id, fanvueUuid: { in: snap.data.data.map((p) => p.uuid) } },
  });
  const authors = new Map(records.map((r) => [r.fanvueUuid!, r.authorName]));
  const items = snap.data.data
    .filter((p) => p.publishedAt !== null)
    .map((p) => ({
      ...viewOfFanvue(p, authors.get(p.uuid) ?? null),
      isPinned: p.isPinned,
      likes: p.likesCount,
      comments: p.commentsCount,
      tips: p.tips ? { count: p.tips.count, gross: p.tips.totalGross } : null,
    }));
  return {
    items,
    hasMore: snap.data.pagination.hasMore,
    fetchedAt: snap.fetchedAt,
    stale: snap.stale,
    limitedBy: null,
  };
}

/** Fanvue refused the list: what was posted through Vuedeck (no figures). */
async function fromRecords(access: CreatorAccess, page: number, limitedBy: string): Promise<Base> {
  const now = new Date();
  const rows = await db.postRecord.findMany({
    where: {
      creatorId: access.creator.id,
      state: "created",
      cancelledAt: null,
      OR: [{ publishAt: null }, { publishAt: { lte: now } }],
    },
    orderBy: [{ publishAt: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }],
    skip: (page - 1) * HISTORY_PAGE_SIZE,
    take: HISTORY_PAGE_SIZE + 1,
  });
  const items = rows.slice(0, HISTORY_PAGE_SIZE).map((r) => {
    const v = viewOfRecord(r);
    return {
      ...v,
      publishedAt: v.publishedAt ?? v.publishAt,
      isPinned: false,
      likes: null,
      comments: null,
      tips: null,
    };
  });
  return { items, hasMore: rows.length > HISTORY_PAGE_SIZE, fetchedAt: now.toISOString(), stale: false, limitedBy };
}

async function basePage(access: CreatorAccess, page: number): Promise<Base> {
  try {
    return await fromFanvue(access, page);
  } catch (err) {
    const why = listRefusal(err, "history");
    if (why === null) throw err;
    return fromRecords(access, page, why);
  }
}

export async function getHistory(access: CreatorAccess, q: Query): Promise<HistoryResponse> {
  const creatorId = access.creator.id;
  const base = await basePage(access, q.page);
  const r = rangeOf(q);
  const earningsVisible = hasPermission(access, "earnings:read");
  const sync = earningsVisible
    ? await db.syncState.findUnique({ where: { creatorId_stream: { creatorId, stream: "earnings" } } })
    : null;
  const attributable = Boolean(sync?.lastSyncedAt) && (await ledgerNamesPosts(creatorId));
  const earned = attributable
    ? await earnedByPost(
        creatorId,
        base.items.map((i) => i.uuid),
        r.start,
        r.end,
      )
    : null;
  const items: HistoryItem[] = base.items.map((i) => ({ ...i, earned: earned ? (earned.get(i.uuid) ?? 0) : null }));
  return {
    items,
    page: q.page,
    hasMore: base.hasMore,
    coverage: base.limitedBy === null ? "fanvue" : "vuedeck",
    limitedBy: base.limitedBy,
    range: { preset: q.range, from: r.from, to: r.to, tz: q.tz },
    earningsVisible,
    earningsSyncedAt: sync?.lastSyncedAt?.toISOString() ?? null,
    earningsAttributable: attributable,
    fetchedAt: base.fetchedAt,
    stale: base.stale,
  };
}
