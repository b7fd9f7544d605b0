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

/**
 * Fans answered: distinct (creator, fan) chats a member wrote in during the
 * range. The chats with a day inside the whole days, plus the chats written
 * in only at the edges (a fan counted once even when in both).
 */
export async function fansAnswered({ ids, onlyUserId }: Who, split: Split): Promise<Map<string | null, number>> {
  const { from, to, edges } = split;
  const [middle, edgeOnly] = await Promise.all([
    from < to
      ? db.$queryRaw<CountRow[]>`
          SELECT NULLIF(m."userId", '') AS "userId", count(*)::bigint AS n
          FROM "MemberFanDays" m
          WHERE m."creatorId" = ANY(${ids}::text[]) AND m."lastDay" >= ${day(from)}::date AND m."firstDay" < ${day(to)}::date
            AND ((m."firstDay" >= ${day(from)}::date AND m."lastDay" < ${day(to)}::date)
                 OR m.days && daterange(${day(from)}::date, ${day(to)}::date))
            ${whoFilter(Prisma.sql`m."userId"`, onlyUserId)}
          GROUP BY 1`
      : [],
    edges.length
      ? db.$queryRaw<CountRow[]>`
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
          GROUP BY 1`
      : [],
  ]);
  const out = new Map<string | null, number>();
  for (const r of [...middle, ...edgeOnly]) out.set(r.userId, (out.get(r.userId) ?? 0) + Number(r.n));
  return out;
}

export type RepliesRow = { userId: string | null; replies: bigint; medianReplyMs: number | null };

/** First replies to a waiting fan (response-times.ts) and their median wait in ms (a median needs the raw rows). */
export function replyTimes({ ids, onlyUserId }: Who, start: Date, end: Date) {
  return db.$queryRaw<RepliesRow[]>`
    SELECT cs."senderUserId" AS "userId", count(*)::bigint AS replies,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM cs."sentAt" - cs."waitingSince") * 1000)
             AS "medianReplyMs"
    FROM "ChatSend" cs
    WHERE cs."creatorId" = ANY(${ids}::text[]) AND cs.status = 'sent' AND cs."waitingSince" IS NOT NULL
      AND cs."sentAt" >= ${start} AND cs."sentAt" < ${end}
      ${whoFilter(Prisma.sql`cs."senderUserId"`, onlyUserId)}
    GROUP BY cs."senderUserId"`;
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
