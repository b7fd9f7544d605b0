import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/server/db";

// The leaderboard's SQL. A range is the viewer's zone days, so its ends are
// rarely UTC midnights: the whole UTC days inside it are read from the daily
// rollups (PerformanceDay, MemberFanDays; kept by triggers, see
// prisma/schema/agency.prisma) and the partial UTC days at its ends from the
// raw rows. Sums are added in SQL before rounding, so a figure is the same to
// the cent as one summed over the raw rows alone.

const DAY_MS = 86_400_000;
/** A UTC day as the date literal Postgres reads the same in any session time zone. */
const day = (d: Date) => d.toISOString().slice(0, 10);

export type Split = {
  /** Whole UTC days [from, to) read from the rollups; from = to when none. */
  from: Date;
  to: Date;
  /** The partial days at the ends, [start, end) each, read raw. */
  edges: [Date, Date][];
};

/** Splits [start, end) into whole UTC days and the partial days at its ends. */
export function splitUtcDays(start: Date, end: Date): Split {
  const from = new Date(Math.ceil(start.getTime() / DAY_MS) * DAY_MS);
  const to = new Date(Math.floor(end.getTime() / DAY_MS) * DAY_MS);
  if (from >= to) return { from: start, to: start, edges: start < end ? [[start, end]] : [] };
  const edges: [Date, Date][] = [];
  if (start < from) edges.push([start, from]);
  if (to < end) edges.push([to, end]);
  return { from, to, edges };
}

/** `column` inside one of the edges (FALSE when there are none). */
function inEdges(column: Prisma.Sql, edges: [Date, Date][]) {
  if (!edges.length) return Prisma.sql`FALSE`;
  return Prisma.sql`(${Prisma.join(
    edges.map(([s, e]) => Prisma.sql`(${column} >= ${s} AND ${column} < ${e})`),
    " OR ",
  )})`;
}

const whoFilter = (column: Prisma.Sql, onlyUserId: string | null) =>
  onlyUserId ? Prisma.sql`AND ${column} = ${onlyUserId}` : Prisma.empty;

export type Who = { ids: string[]; onlyUserId: string | null };

export type AdditiveRow = {
  userId: string | null;
  name: string | null;
  gross: string;
  net: string;
  sales: bigint;
  messages: bigint;
  ppvs: bigint;
  unlocked: bigint;
  mass: bigint;
};

/** Revenue, sales, messages, PPVs sent and unlocked, mass messages per member: rollup days + raw edges. */
export function additiveFigures({ ids, onlyUserId }: Who, split: Split) {
  const { from, to, edges } = split;
  return db.$queryRaw<AdditiveRow[]>`
    SELECT "userId", max(name) AS name, round(sum(gross))::text AS gross, round(sum(net))::text AS net,
           sum(sales)::bigint AS sales, sum(messages)::bigint AS messages, sum(ppvs)::bigint AS ppvs,
           sum(unlocked)::bigint AS unlocked, sum(mass)::bigint AS mass
    FROM (
      SELECT NULLIF(p."userId", '') AS "userId", p.name, p.gross, p.net, p.sales, p.messages, p.ppvs,
             p."ppvsUnlocked" AS unlocked, p."massMessages" AS mass
      FROM "PerformanceDay" p
      WHERE p."creatorId" = ANY(${ids}::text[]) AND p.day >= ${day(from)}::date AND p.day < ${day(to)}::date
        ${whoFilter(Prisma.sql`p."userId"`, onlyUserId)}
      UNION ALL
      SELECT a."userId", a."userName", a.gross, a.net, 1, 0, 0, 0, 0
      FROM "SaleAttribution" a
      WHERE a."creatorId" = ANY(${ids}::text[]) AND ${inEdges(Prisma.sql`a."occurredAt"`, edges)}
        ${whoFilter(Prisma.sql`a."userId"`, onlyUserId)}
      UNION ALL
      SELECT cs."senderUserId", cs."senderName", 0, 0, 0, 1, (cs.price IS NOT NULL)::int,
             (cs.price IS NOT NULL AND cs.unlocked)::int, 0
      FROM "ChatSend" cs
      WHERE cs."creatorId" = ANY(${ids}::text[]) AND cs.status = 'sent'
        AND ${inEdges(Prisma.sql`cs."sentAt"`, edges)}
        ${whoFilter(Prisma.sql`cs."senderUserId"`, onlyUserId)}
      UNION ALL
      SELECT mc."createdByUserId", mc."createdByName", 0, 0, 0, 0, 0, 0, 1
      FROM "MassCampaign" mc
      WHERE mc."creatorId" = ANY(${ids}::text[]) AND mc.status = 'sent'
        AND ${inEdges(Prisma.sql`mc."sentAt"`, edges)}
        ${whoFilter(Prisma.sql`mc."createdByUserId"`, onlyUserId)}
    ) x
    GROUP BY "userId"`;
}

type CountRow = { userId: string | null; n: bigint };

/** Chats written in during whole days [from, to): first written before `to`, minus last written before `from`,
 *  minus those with a gap around the days (FanPairEnds, FanPairGap). */
function chatsInDays({ ids, onlyUserId }: Who, from: Date, to: Date) {
  return db.$queryRaw<CountRow[]>`
    SELECT "userId", sum(n)::bigint AS n
    FROM (
      SELECT NULLIF(e."userId", '') AS "userId",
             sum(e.firsts) - COALESCE(sum(e.lasts) FILTER (WHERE e.day < ${day(from)}::date), 0) AS n
      FROM "FanPairEnds" e
      WHERE e."creatorId" = ANY(${ids}::text[]) AND e.day < ${day(to)}::date
        ${whoFilter(Prisma.sql`e."userId"`, onlyUserId)}
      GROUP BY 1
      UNION ALL
      SELECT NULLIF(g."userId", ''), -count(*)
      FROM "FanPairGap" g
      WHERE g."creatorId" = ANY(${ids}::text[]) AND g.gap @> daterange(${day(from)}::date, ${day(to)}::date)
        ${whoFilter(Prisma.sql`g."userId"`, onlyUserId)}
      GROUP BY 1
    ) x
    GROUP BY 1`;
}

/** Chats written in only at the edges, not on a whole day (MemberFanDays). */
function chatsOnlyAtEdges({ ids, onlyUserId }: Who, { from, to, edges }: Split) {
  return db.$queryRaw<CountRow[]>`
    WITH e AS (
      SELECT DISTINCT cs."creatorId", COALESCE(cs."senderUserId", '') AS uid, cs."fanUuid"
      FROM "ChatSend" cs
      WHERE cs."creatorId" = ANY(${ids}::text[]) AND cs.status = 'sent'
        AND ${inEdges(Prisma.sql`cs."sentAt"`, edges)}
        ${whoFilter(Prisma.sql`cs."senderUserId"`, onlyUserId)}
    )
    SELECT NULLIF(e.uid, '') AS "userId", count(*)::bigint AS n
    FROM e
    WHERE NOT EXISTS (
      SELECT 1 FROM "MemberFanDays" m
      WHERE m."creatorId" = e."creatorId" AND m."userId" = e.uid AND m."fanUuid" = e."fanUuid"
        AND m.days && daterange(${day(from)}::date, ${day(to)}::date))
    GROUP BY 1`;
}

/** Fans answered: distinct (creator, fan) chats a member wrote in during the range (a fan counted once). */
export async function fansAnswered(who: Who, split: Split): Promise<Map<string | null, number>> {
  const [middle, edgeOnly] = await Promise.all([
    split.from < split.to ? chatsInDays(who, split.from, split.to) : [],
    split.edges.length ? chatsOnlyAtEdges(who, split) : [],
  ]);
  const out = new Map<string | null, number>();
  for (const r of [...middle, ...edgeOnly]) out.set(r.userId, (out.get(r.userId) ?? 0) + Number(r.n));
  return out;
}

export type RepliesRow = { userId: string | null; replies: bigint; medianReplyMs: number | null };

/**
 * First replies to a waiting fan (response-times.ts) and their median wait in
 * ms: the whole days' sorted waits (PerformanceDay.replyMs) and the edges' raw
 * rows, sorted together in memory (a year of a team's replies is ~1 MB).
 */
export function replyTimes({ ids, onlyUserId }: Who, { from, to, edges }: Split) {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SET LOCAL work_mem = '32MB'`;
    return tx.$queryRaw<RepliesRow[]>`
      SELECT "userId", count(*)::bigint AS replies, percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS "medianReplyMs"
      FROM (
        SELECT NULLIF(p."userId", '') AS "userId", unnest(p."replyMs") AS ms
        FROM "PerformanceDay" p
        WHERE p."creatorId" = ANY(${ids}::text[]) AND p.day >= ${day(from)}::date AND p.day < ${day(to)}::date
          AND cardinality(p."replyMs") > 0
          ${whoFilter(Prisma.sql`p."userId"`, onlyUserId)}
        UNION ALL
        SELECT cs."senderUserId", (extract(epoch FROM cs."sentAt" - cs."waitingSince") * 1000)::bigint
        FROM "ChatSend" cs
        WHERE cs."creatorId" = ANY(${ids}::text[]) AND cs.status = 'sent' AND cs."waitingSince" IS NOT NULL
          AND ${inEdges(Prisma.sql`cs."sentAt"`, edges)}
          ${whoFilter(Prisma.sql`cs."senderUserId"`, onlyUserId)}
      ) x
      GROUP BY 1`;
  });
}

type ShiftRow = { userId: string; minutes: number };

/** Minutes each member was on shift inside the range (an open shift counts up to now). */
export function shiftMinutes(workspaceId: string, onlyUserId: string | null, start: Date, end: Date) {
  return db.$queryRaw<ShiftRow[]>`
    SELECT s."userId",
           floor(sum(extract(epoch FROM least(COALESCE(s."endedAt", now()), ${end}) - greatest(s."startedAt", ${start}))) / 60)::float8 AS minutes
    FROM "Shift" s
    WHERE s."workspaceId" = ${workspaceId} AND s."startedAt" < ${end} AND COALESCE(s."endedAt", now()) > ${start}
      ${whoFilter(Prisma.sql`s."userId"`, onlyUserId)}
    GROUP BY s."userId"`;
}
