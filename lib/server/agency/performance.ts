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
  unlocked: bigint;
  fans: bigint;
  replies: bigint;
  medianReplyMs: number | null;
};
type MassRow = { userId: string | null; name: string | null; n: bigint };

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
    db.$queryRaw<SendsRow[]>`
      SELECT cs."senderUserId" AS "userId", max(cs."senderName") AS name, count(*)::bigint AS messages,
             count(*) FILTER (WHERE cs.price IS NOT NULL)::bigint AS ppvs,
             count(*) FILTER (WHERE cs.price IS NOT NULL AND EXISTS (
               SELECT 1 FROM "SaleAttribution" a WHERE a."sendId" = cs.id AND a.rule = 'ppv'))::bigint AS unlocked,
             count(DISTINCT cs."fanUuid")::bigint AS fans,
             count(*) FILTER (WHERE cs."waitingSince" IS NOT NULL)::bigint AS replies,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM cs."sentAt" - cs."waitingSince") * 1000)
               FILTER (WHERE cs."waitingSince" IS NOT NULL) AS "medianReplyMs"
      FROM "ChatSend" cs
      WHERE cs."creatorId" = ANY(${ids}::text[]) AND cs.status = 'sent'
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
  massMessages: 0,
});

export const FANVUE_NAME = "Fanvue (not through Vuedeck)";

/** Members of the workspace (every one listed, even with nothing in the range), and everyone who has figures. */
async function mergeFigures(access: WorkspaceAccess, scope: Scope, start: Date, end: Date) {
  const [sales, sends, mass] = await readFigures(scope, start, end);
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
      ppvsUnlocked: Number(s.unlocked),
      fansAnswered: Number(s.fans),
      replies: Number(s.replies),
      medianReplyMs: s.medianReplyMs === null ? null : Math.round(Number(s.medianReplyMs)),
    });
  for (const m of mass) row(m.userId, m.name).massMessages = Number(m.n);
  for (const r of byUser.values()) r.unlockRate = r.ppvsSent ? r.ppvsUnlocked / r.ppvsSent : null;
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
