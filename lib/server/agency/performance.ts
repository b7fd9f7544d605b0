import "server-only";
import type { MemberFigures, Performance, PerformanceQuery } from "@/lib/schemas/performance";
import { db } from "@/lib/server/db";
import { resolveRange } from "@/lib/server/earnings/report";
import { scopedCreatorWhere, hasPermission, type WorkspaceAccess } from "@/lib/server/workspaces/access";
import { ApiError } from "@/lib/server/api/errors";
import { additiveFigures, fansAnswered, replyTimes, shiftMinutes, splitUtcDays } from "./figures";

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

/** Every figure for the range, read in parallel (figures.ts). */
function readFigures(workspaceId: string, scope: Scope, start: Date, end: Date) {
  const split = splitUtcDays(start, end);
  return Promise.all([
    additiveFigures(scope, split),
    fansAnswered(scope, split),
    replyTimes(scope, split),
    shiftMinutes(workspaceId, scope.onlyUserId, start, end),
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
  const [[sums, fans, replies, shifts], members] = await Promise.all([
    readFigures(access.workspace.id, scope, start, end),
    db.membership.findMany({
      where: { workspaceId: access.workspace.id, ...(scope.onlyUserId ? { userId: scope.onlyUserId } : {}) },
      select: { userId: true, role: true, user: { select: { name: true, email: true } } },
    }),
  ]);
  const byUser = new Map<string, MemberFigures>();
  const row = (userId: string | null, name: string | null) => {
    const key = userId ?? "";
    if (!byUser.has(key)) byUser.set(key, blank(userId, userId ? (name ?? "Former member") : FANVUE_NAME));
    return byUser.get(key)!;
  };
  for (const m of members) row(m.userId, m.user.name ?? m.user.email).role = m.role;
  for (const s of sums)
    Object.assign(row(s.userId, s.name), {
      gross: Number(s.gross),
      net: Number(s.net),
      sales: Number(s.sales),
      messages: Number(s.messages),
      ppvsSent: Number(s.ppvs),
      ppvsUnlocked: Number(s.unlocked),
      massMessages: Number(s.mass),
    });
  for (const [userId, n] of fans) row(userId, null).fansAnswered = n;
  for (const r of replies)
    Object.assign(row(r.userId, null), {
      replies: Number(r.replies),
      medianReplyMs: r.medianReplyMs === null ? null : Math.round(Number(r.medianReplyMs)),
    });
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
  const [figures, synced] = await Promise.all([
    mergeFigures(access, scope, new Date(range.startMs), new Date(range.endMs)),
    db.syncState.aggregate({
      where: { creatorId: { in: scope.ids }, stream: "earnings" },
      _min: { lastSyncedAt: true },
    }),
  ]);
  const members = figures.sort(order);
  const sum = (k: "gross" | "net" | "sales" | "ppvsSent" | "ppvsUnlocked" | "messages" | "massMessages") =>
    members.reduce((s, m) => s + m[k], 0);
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
