import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { AudienceFan } from "@/generated/prisma/client";
import type { FanList, FanSort, SegmentDef } from "@/lib/schemas/fans";
import { db } from "@/lib/server/db";
import { listCountSum } from "@/lib/server/fans/roster/list-counts";
import { segmentWhere } from "@/lib/server/fans/segments";

// Search, sorting, tags and segments over the fan roster (AudienceFan,
// joined with the insight cache for the insight columns): what Fanvue's
// lists cannot do. Unknown values sort last.

export type RosterQuery = {
  list: FanList;
  search?: string;
  tag?: string;
  segment: SegmentDef | null;
  sort: FanSort;
  dir?: "asc" | "desc";
  page: number;
  size: number;
};

const DEFAULT_DIR: Record<FanSort, "asc" | "desc"> = {
  recent: "desc",
  spend: "desc",
  lastPurchase: "desc",
  subscribedAt: "desc",
  renewsAt: "asc",
  name: "asc",
};

const NAME = Prisma.sql`lower(COALESCE(NULLIF(a."displayName", ''), a.handle))`;

const SORT_EXPR: Record<FanSort, Prisma.Sql> = {
  // Fanvue's own order (newest first): the position in the last full sync,
  // fans seen since then ahead of it (negative positions, see roster.ts).
  // Ascending positions are "newest first", hence the flip in orderOf.
  recent: Prisma.sql`a."listOrder"`,
  spend: Prisma.sql`i."totalGross"`,
  lastPurchase: Prisma.sql`i."lastPurchaseAt"`,
  subscribedAt: Prisma.sql`i."subscribedAt"`,
  renewsAt: Prisma.sql`i."renewsAt"`,
  name: NAME,
};

/** What a search box holds, as the roster matches it: lower case, without
 * a leading @ (people paste handles either way). Empty = no search. */
export const searchTerm = (s: string | undefined) => s?.trim().toLowerCase().replace(/^@+/, "") || null;

const like = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function whereOf(creatorId: string, q: RosterQuery, term: string | null, now: number): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`a."creatorId" = ${creatorId}`];
  if (q.list !== "all") parts.push(Prisma.sql`a.list = ${q.list}`);
  // Trigram index on searchText: any part of a handle, name or nickname.
  if (term) parts.push(Prisma.sql`a."searchText" LIKE ${like(term)}`);
  if (q.tag)
    parts.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "FanTag" t WHERE t."creatorId" = a."creatorId" AND t."fanUuid" = a."fanUuid" AND t.tag = ${q.tag})`,
    );
  if (q.segment) parts.push(Prisma.sql`(${segmentWhere(creatorId, q.segment, now)})`);
  return Prisma.join(parts, " AND ");
}

function orderOf(q: RosterQuery, term: string | null): Prisma.Sql {
  const desc = (q.dir ?? DEFAULT_DIR[q.sort]) === "desc";
  const flip = q.sort === "recent" ? !desc : desc;
  const dir = flip ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  // An exact handle comes first, whatever the sort.
  const exact = term ? Prisma.sql`(lower(a.handle) = ${term}) DESC, ` : Prisma.empty;
  // A name is never null (the handle stands in): ordered exactly as the
  // name indexes are (forwards or backwards, ties on the id), the page is
  // read from the index instead of sorting the whole roster.
  if (q.sort === "name") return Prisma.sql`${exact}${NAME} ${dir}, a."fanUuid" ${dir}`;
  // Positions are unique within a sync; other sorts tie on the name.
  const tie = q.sort === "recent" ? Prisma.empty : Prisma.sql`${NAME} ASC, `;
  return Prisma.sql`${exact}${SORT_EXPR[q.sort]} ${dir} NULLS LAST, ${tie}a."fanUuid" ASC`;
}

const BY_INSIGHT: ReadonlySet<FanSort> = new Set(["spend", "lastPurchase", "subscribedAt", "renewsAt"]);

type Scope = { creatorId: string; q: RosterQuery; from: Prisma.Sql; where: Prisma.Sql };

/** A page sorted by an insight column, nulls last: the fans with a value in
 * the order of the column's index (a lookup per row to the roster), then the
 * fans without one by name (the name index). One ORDER BY … NULLS LAST over
 * the join sorted the whole roster on every page (100,000 fans: ~120 ms). */
async function insightSortedPage({ q, from, where }: Scope): Promise<AudienceFan[]> {
  const col = SORT_EXPR[q.sort];
  // Nulls are read apart, so DESC is the order of the index read backwards.
  const dir = (q.dir ?? DEFAULT_DIR[q.sort]) === "desc" ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const offset = (q.page - 1) * q.size;
  const valued = await db.$queryRaw<AudienceFan[]>`
    SELECT a.* ${from} WHERE ${where} AND ${col} IS NOT NULL
    ORDER BY ${col} ${dir}, ${NAME} ASC, a."fanUuid" ASC
    LIMIT ${q.size} OFFSET ${offset}`;
  if (valued.length === q.size) return valued;
  // Where the fans without a value start: known from this page unless it
  // lies wholly past them (then counted; only pages that deep pay for it).
  const before =
    valued.length > 0 ? offset + valued.length : await count(from, Prisma.sql`${where} AND ${col} IS NOT NULL`);
  const rest = await db.$queryRaw<AudienceFan[]>`
    SELECT a.* ${from} WHERE ${where} AND ${col} IS NULL
    ORDER BY ${NAME} ASC, a."fanUuid" ASC
    LIMIT ${q.size - valued.length} OFFSET ${offset + valued.length - before}`;
  return [...valued, ...rest];
}

const count = async (from: Prisma.Sql, where: Prisma.Sql) =>
  (await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n ${from} WHERE ${where}`)[0]?.n ?? 0;

/** Fans matching `q`: without a filter, the list's size from the counts the
 * triggers keep (AudienceListCount), else counted. */
async function totalOf({ creatorId, q, from, where }: Scope, term: string | null) {
  if (term || q.tag || q.segment) return count(from, where);
  const lists = q.list === "all" ? ["subscribers", "followers"] : [q.list];
  return listCountSum(creatorId, lists, "fans");
}

export async function queryRoster(
  creatorId: string,
  q: RosterQuery,
  now = Date.now(),
): Promise<{ fans: AudienceFan[]; total: number }> {
  const term = searchTerm(q.search);
  const from = Prisma.sql`FROM "AudienceFan" a LEFT JOIN "FanInsight" i ON i."creatorId" = a."creatorId" AND i."fanUuid" = a."fanUuid"`;
  const scope = { creatorId, q, from, where: whereOf(creatorId, q, term, now) };
  // A search is a few fans (the trigram index), ordered with its exact handle first.
  const page =
    BY_INSIGHT.has(q.sort) && !term
      ? insightSortedPage(scope)
      : db.$queryRaw<AudienceFan[]>`
          SELECT a.* ${from} WHERE ${scope.where}
          ORDER BY ${orderOf(q, term)}
          LIMIT ${q.size} OFFSET ${(q.page - 1) * q.size}`;
  const [fans, total] = await Promise.all([page, totalOf(scope, term)]);
  return { fans, total };
}
