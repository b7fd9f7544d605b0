import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { AudienceFan } from "@/generated/prisma/client";
import type { FanList, FanSort, SegmentDef } from "@/lib/schemas/fans";
import { db } from "@/lib/server/db";
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
  // Positions are unique within a sync; other sorts tie on the name.
  const tie = q.sort === "name" || q.sort === "recent" ? Prisma.empty : Prisma.sql`${NAME} ASC, `;
  return Prisma.sql`${exact}${SORT_EXPR[q.sort]} ${dir} NULLS LAST, ${tie}a."fanUuid" ASC`;
}

export async function queryRoster(
  creatorId: string,
  q: RosterQuery,
  now = Date.now(),
): Promise<{ fans: AudienceFan[]; total: number }> {
  const term = searchTerm(q.search);
  const where = whereOf(creatorId, q, term, now);
  const from = Prisma.sql`FROM "AudienceFan" a LEFT JOIN "FanInsight" i ON i."creatorId" = a."creatorId" AND i."fanUuid" = a."fanUuid"`;
  const [fans, count] = await Promise.all([
    db.$queryRaw<AudienceFan[]>`
      SELECT a.* ${from} WHERE ${where}
      ORDER BY ${orderOf(q, term)}
      LIMIT ${q.size} OFFSET ${(q.page - 1) * q.size}`,
    db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n ${from} WHERE ${where}`,
  ]);
  return { fans, total: count[0]?.n ?? 0 };
}
