import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { AudienceFan } from "@/generated/prisma/client";
import type { FanList, FanSort, SegmentDef } from "@/lib/schemas/fans";
import { db } from "@/lib/server/db";
import { segmentWhere } from "./segments";

// Sorting, search, tags and segments over the audience in our database (the
// roster joined with the insight cache). Unknown values sort last.

export type AnalysedQuery = {
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

const SORT_EXPR: Record<FanSort, Prisma.Sql> = {
  // Fanvue's lists are newest first; in our database "newest" is the
  // subscription start (followers without one come after, by name).
  recent: Prisma.sql`i."subscribedAt"`,
  spend: Prisma.sql`i."totalGross"`,
  lastPurchase: Prisma.sql`i."lastPurchaseAt"`,
  subscribedAt: Prisma.sql`i."subscribedAt"`,
  renewsAt: Prisma.sql`i."renewsAt"`,
  name: Prisma.sql`lower(COALESCE(NULLIF(a."displayName", ''), a.handle))`,
};

const like = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function whereOf(creatorId: string, q: AnalysedQuery, now: number): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`a."creatorId" = ${creatorId}`];
  if (q.list !== "all") parts.push(Prisma.sql`a.list = ${q.list}`);
  if (q.search) {
    const p = like(q.search);
    parts.push(Prisma.sql`(a.handle ILIKE ${p} OR a."displayName" ILIKE ${p} OR a.nickname ILIKE ${p})`);
  }
  if (q.tag) parts.push(Prisma.sql`EXISTS (SELECT 1 FROM "FanTag" t WHERE t."creatorId" = a."creatorId" AND t."fanUuid" = a."fanUuid" AND t.tag = ${q.tag})`);
  if (q.segment) parts.push(Prisma.sql`(${segmentWhere(creatorId, q.segment, now)})`);
  return Prisma.join(parts, " AND ");
}

export async function queryAnalysed(creatorId: string, q: AnalysedQuery, now = Date.now()): Promise<{ fans: AudienceFan[]; total: number }> {
  const where = whereOf(creatorId, q, now);
  const dir = (q.dir ?? DEFAULT_DIR[q.sort]) === "asc" ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  const from = Prisma.sql`FROM "AudienceFan" a LEFT JOIN "FanInsight" i ON i."creatorId" = a."creatorId" AND i."fanUuid" = a."fanUuid"`;
  const [fans, count] = await Promise.all([
    db.$queryRaw<AudienceFan[]>`
      SELECT a.* ${from} WHERE ${where}
      ORDER BY ${SORT_EXPR[q.sort]} ${dir} NULLS LAST, lower(COALESCE(NULLIF(a."displayName", ''), a.handle)) ASC, a."fanUuid" ASC
      LIMIT ${q.size} OFFSET ${(q.page - 1) * q.size}`,
    db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n ${from} WHERE ${where}`,
  ]);
  return { fans, total: count[0]?.n ?? 0 };
}
