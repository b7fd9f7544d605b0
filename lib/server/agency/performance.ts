import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { MemberFigures, Performance, PerformanceQuery } from "@/lib/schemas/performance";
import { db } from "@/lib/server/db";
import { resolveRange } from "@/lib/server/earnings/report";
import { scopedCreatorWhere, hasPermission, type WorkspaceAccess } from "@/lib/server/workspaces/access";
import { ApiError } from "@/lib/server/api/errors";

// Per-member figures for a range: sales credited to them (SaleAttribution,
// lib/server/agency/attribution.ts) and what they sent (ChatSend,
// MassCampaign). A chatter sees only their own row.

export type Scope = {
  creators: { id: string; handle: string; displayName: string }[];
  ids: string[];
  /** Set when the viewer may see only their own figures. */
  onlyUserId: string | null;
};

/** The creators the member may see (one when `creatorId` is given), and whether they see everyone's figures. */
export async function performanceScope(access: WorkspaceAccess, userId: string, creatorId?: string): Promise<Scope> {
  const creators = await db.creator.findMany({
    where: { ...scopedCreatorWhere(access), ...(creatorId ? { id: creatorId } : {}) },
    select: { id: true, handle: true, displayName: true },
    orderBy: { displayName: "asc" },
  });
  if (creatorId && creators.length === 0) throw new ApiError("not_found", "No such creator in your workspace.");
  // Seeing other members' sales is seeing earnings: a chatter has only their own.
  const onlyUserId = hasPermission(access, "earnings:read") ? null : userId;
  return { creators, ids: creators.map((c) => c.id), onlyUserId };
}

type SalesRow = { userId: string | null; name: string | null; gross: string; net: string; sales: bigint };
type SendsRow = {
  userId: string | null;
  name: string | null;
  messages: bigint;
  ppvs: bigint;
  fans: bigint;
};
type RepliesRow = { userId: string | null; replies: bigint; medianReplyMs: number | null };
type UnlockedRow = { userId: string | null; n: bigint };
type MassRow = { userId: string | null; name: string | null; n: bigint };
type ShiftRow = { userId: string; minutes: number };

/** Minutes each member was on shift inside the range (an open shift counts up to now). */
function shiftMinutes(workspaceId: string, onlyUserId: string | null, start: Date, end: Date) {
  return db.$queryRaw<ShiftRow[]>`
    SELECT s."userId",
           floor(sum(extract(epoch FROM least(COALESCE(s."endedAt", now()), ${end}) - greatest(s."startedAt", ${start}))) / 60)::float8 AS minutes
    FROM "Shift" s
    WHERE s."workspaceId" = ${workspaceId} AND s."startedAt" < ${end} AND COALESCE(s."endedAt", now()) > ${start}
      ${whoFilter(Prisma.sql`s."userId"`, onlyUserId)}
    GROUP BY s."userId"`;
}

const whoFilter = (column: Prisma.Sql, onlyUserId: string | null) =>
  onlyUserId ? Prisma.sql`AND ${column} = ${onlyUserId}` : Prisma.empty;

async function readFigures(scope: Scope, start: Date, end: Date) {
  const ids = scope.ids;
  return Promise.all([
    db.$queryRaw<SalesRow[]>`
      SELECT a."userId", max(a."userName") AS name, round(COALESCE(sum(a.gross), 0))::text AS gross,
             round(COALESCE(sum(a.net), 0))::text AS net, count(*)::bigint AS sales
      FROM "SaleAttribution" a
      WHERE a."creatorId" = ANY(${ids}::text[]) AND a."occurredAt" >= ${start} AND a."occurredAt" < ${end}
        ${whoFilter(Prisma.sql`a."userId"`, scope.onlyUserId)}
      GROUP BY a."userId"`,
    // Per (member, fan) first, then per member: the distinct fans are the
    // groups of the first step, counted in one hashing pass (a year of a
    // team's sends is ~150k such groups: memory for them, not a sort of every
    // send spilled to disk).
    db.$transaction(async (tx) => {
      await tx.$executeRaw`SET LOCAL work_mem = '32MB'`;
      return tx.$queryRaw<SendsRow[]>`
        WITH per_fan AS (
          SELECT cs."senderUserId", max(cs."senderName") AS name, count(*) AS messages,
                 count(*) FILTER (WHERE cs.price IS NOT NULL) AS ppvs
          FROM "ChatSend" cs
          WHERE cs."creatorId" = ANY(${ids}::text[]) AND cs.status = 'sent'
            AND cs."sentAt" >= ${start} AND cs."sentAt" < ${end}
            ${whoFilter(Prisma.sql`cs."senderUserId"`, scope.onlyUserId)}
          GROUP BY cs."senderUserId", cs."fanUuid"
        )
        SELECT "senderUserId" AS "userId", max(name) AS name, sum(messages)::bigint AS messages,
               sum(ppvs)::bigint AS ppvs, count(*)::bigint AS fans
        FROM per_fan
        GROUP BY "senderUserId"`;
    }),
    // PPVs sent in the range that sold: a semi-join the planner runs as index
    // lookups for a short range and as one hash for a long one.
    db.$queryRaw<UnlockedRow[]>`
      SELECT cs."senderUserId" AS "userId", count(*)::bigint AS n
      FROM "ChatSend" cs
      WHERE cs."creatorId" = ANY(${ids}::text[]) AND cs.status = 'sent' AND cs.price IS NOT NULL
        AND cs."sentAt" >= ${start} AND cs."sentAt" < ${end}
        ${whoFilter(Prisma.sql`cs."senderUserId"`, scope.onlyUserId)}
        AND EXISTS (SELECT 1 FROM "SaleAttribution" a WHERE a."sendId" = cs.id AND a.rule = 'ppv')
      GROUP BY cs."senderUserId"`,
    // First replies to a waiting fan (response-times.ts) and their median wait, in milliseconds.
    db.$queryRaw<RepliesRow[]>`
      SELECT cs."senderUserId" AS "userId", count(*)::bigint AS replies,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM cs."sentAt" - cs."waitingSince") * 1000)
               AS "medianReplyMs"
      FROM "ChatSend" cs
      WHERE cs."creatorId" = ANY(${ids}::text[]) AND cs.status = 'sent' AND cs."waitingSince" IS NOT NULL
        AND cs."sentAt" >= ${start} AND cs."sentAt" < ${end}
        ${whoFilter(Prisma.sql`cs."senderUserId"`, scope.onlyUserId)}
      GROUP BY cs."senderUserId"`,
    db.$queryRaw<MassRow[]>`
      SELECT mc."createdByUserId" AS "userId", max(mc."createdByName") AS name, count(*)::bigint AS n
      FROM "MassCampaign" mc
      WHERE mc."creatorId" = ANY(${ids}::text[]) AND mc.status = 'sent'
        AND mc."sentAt" >= ${start} AND mc."sentAt" < ${end}
        ${whoFilter(Prisma.sql`mc."createdByUserId"`, scope.onlyUserId)}
      GROUP BY mc."createdByUserId"`,
  ]);
}

const blank = (userId: string | null, name: string): MemberFigures => ({
  userId,
  name,
  role: null,
  gross: 0,
  net: 0,
  sales: 0,
  ppvsSent: 0,
  ppvsUnlocked: 0,
  unlockRate: null,
  messages: 0,
  fansAnswered: 0,
  replies: 0,
  medianReplyMs: null,
  shiftMinutes: 0,
  revenuePerHour: null,
  massMessages: 0,
});

export const FANVUE_NAME = "Fanvue (not through Vuedeck)";

/** Members of the workspace (every one listed, even with nothing in the range), and everyone who has figures. */
async function mergeFigures(access: WorkspaceAccess, scope: Scope, start: Date, end: Date) {
  const [[sales, sends, unlocked, replies, mass], shifts] = await Promise.all([
    readFigures(scope, start, end),
    shiftMinutes(access.workspace.id, scope.onlyUserId, start, end),
  ]);
  const members = await db.membership.findMany({
    where: { workspaceId: access.workspace.id, ...(scope.onlyUserId ? { userId: scope.onlyUserId } : {}) },
    select: { userId: true, role: true, user: { select: { name: true, email: true } } },
  });
  const byUser = new Map<string, MemberFigures>();
  const row = (userId: string | null, name: string | null) => {
    const key = userId ?? "";
    if (!byUser.has(key)) byUser.set(key, blank(userId, userId ? (name ?? "Former member") : FANVUE_NAME));
    return byUser.get(key)!;
  };
  for (const m of members) row(m.userId, m.user.name ?? m.user.email).role = m.role;
  for (const s of sales)
    Object.assign(row(s.userId, s.name), { gross: Number(s.gross), net: Number(s.net), sales: Number(s.sales) });
  for (const s of sends)
    Object.assign(row(s.userId, s.name), {
      messages: Number(s.messages),
      ppvsSent: Number(s.ppvs),
      fansAnswered: Number(s.fans),
    });
  for (const r of replies)
    Object.assign(row(r.userId, null), {
      replies: Number(r.replies),
      medianReplyMs: r.medianReplyMs === null ? null : Math.round(Number(r.medianReplyMs)),
    });
  for (const u of unlocked) row(u.userId, null).ppvsUnlocked = Number(u.n);
  for (const m of mass) row(m.userId, m.name).massMessages = Number(m.n);
  for (const sh of shifts) row(sh.userId, null).shiftMinutes = Math.max(0, Number(sh.minutes));
  for (const r of byUser.values()) {
    r.unlockRate = r.ppvsSent ? r.ppvsUnlocked / r.ppvsSent : null;
    // Cents per hour on shift, rounded once; none without shift time.
    r.revenuePerHour = r.shiftMinutes > 0 ? Math.round((r.gross * 60) / r.shiftMinutes) : null;
  }
  return [...byUser.values()];
}

/** Highest revenue first; "Fanvue (not through Vuedeck)" last. */
const order = (a: MemberFigures, b: MemberFigures) =>
  Number(a.userId === null) - Number(b.userId === null) || b.gross - a.gross || a.name.localeCompare(b.name);

export async function getPerformance(
  access: WorkspaceAccess,
  userId: string,
  q: PerformanceQuery,
): Promise<Performance> {
  const scope = await performanceScope(access, userId, q.creatorId);
  const range = await resolveRange({ ...q, granularity: "day", sources: [] }, scope.ids);
  const members = (await mergeFigures(access, scope, new Date(range.startMs), new Date(range.endMs))).sort(order);
  const sum = (k: "gross" | "net" | "sales" | "ppvsSent" | "ppvsUnlocked" | "messages" | "massMessages") =>
    members.reduce((s, m) => s + m[k], 0);
  const synced = await db.syncState.aggregate({
    where: { creatorId: { in: scope.ids }, stream: "earnings" },
    _min: { lastSyncedAt: true },
  });
  return {
    range: {
      from: range.from,
      to: range.to,
      tz: range.tz,
      startUtc: range.startUtc,
      endUtc: range.endUtc,
      partial: range.partial,
      preset: q.range,
    },
    scope: scope.onlyUserId ? "own" : "all",
    creators: scope.creators,
    creatorId: q.creatorId ?? null,
    members,
    totals: {
      gross: sum("gross"),
      net: sum("net"),
      sales: sum("sales"),
      ppvsSent: sum("ppvsSent"),
      ppvsUnlocked: sum("ppvsUnlocked"),
      messages: sum("messages"),
      massMessages: sum("massMessages"),
    },
    ledgerSyncedAt: synced._min.lastSyncedAt?.toISOString() ?? null,
    canReassign: hasPermission(access, "sales:reassign"),
  };
}
