import "server-only";
import { workspaceLedgerAsOf } from "@/lib/server/earnings/status";
import type { Prisma } from "@/generated/prisma/client";
import type { PeriodQuery, Statement, StatementSale, StatementShift } from "@/lib/schemas/payouts";
import { db } from "@/lib/server/db";
import { hasPermission, type WorkspaceAccess } from "@/lib/server/workspaces/access";
import { resolvePeriod, visibleMember } from "./scope";

// A member's statement for a period: their attributed sales (SaleAttribution)
// and closed shifts, commission = round(exact sum of net × rate) computed once
// in SQL on the NUMERIC sum, hourly pay = round(minutes × rate / 60) once.
// A statement marked paid is read from its frozen snapshot instead.

export type Period = Awaited<ReturnType<typeof resolvePeriod>>;
type Member = { userId: string; name: string };

const NO_RULE = { rateBps: 0, hourlyCents: null };

export async function ruleOf(workspaceId: string, userId: string) {
  const r = await db.commissionRule.findUnique({ where: { workspaceId_userId: { workspaceId, userId } } });
  return r ? { rateBps: r.rateBps, hourlyCents: r.hourlyCents } : NO_RULE;
}

type SaleRow = {
  id: string;
  occurredAt: Date;
  creator: string;
  source: string;
  rule: string;
  gross: bigint;
  net: bigint;
};
type TotalRow = { n: bigint; gross: bigint; net: bigint; netExact: string; commission: bigint };

async function saleLines(workspaceId: string, userId: string, p: Period, rateBps: number) {
  const [rows, totals] = await Promise.all([
    db.$queryRaw<SaleRow[]>`
      SELECT a."earningRowId" AS id, a."occurredAt", c.handle AS creator, a.source, a.rule,
             round(a.gross)::bigint AS gross, round(a.net)::bigint AS net
      FROM "SaleAttribution" a JOIN "Creator" c ON c.id = a."creatorId"
      WHERE c."workspaceId" = ${workspaceId} AND a."userId" = ${userId}
        AND a."occurredAt" >= ${p.start} AND a."occurredAt" < ${p.end}
      ORDER BY a."occurredAt", a."earningRowId"`,
    db.$queryRaw<TotalRow[]>`
      SELECT count(*)::bigint AS n, round(COALESCE(sum(a.gross), 0))::bigint AS gross,
             round(COALESCE(sum(a.net), 0))::bigint AS net, COALESCE(sum(a.net), 0)::text AS "netExact",
             round(COALESCE(sum(a.net), 0) * ${rateBps}::numeric / 10000)::bigint AS commission
      FROM "SaleAttribution" a JOIN "Creator" c ON c.id = a."creatorId"
      WHERE c."workspaceId" = ${workspaceId} AND a."userId" = ${userId}
        AND a."occurredAt" >= ${p.start} AND a."occurredAt" < ${p.end}`,
  ]);
  const sales: StatementSale[] = rows.map((r) => ({
    id: r.id,
    occurredAt: r.occurredAt.toISOString(),
    creator: r.creator,
    source: r.source,
    rule: r.rule,
    gross: Number(r.gross),
    net: Number(r.net),
  }));
  return { sales, totals: totals[0]! };
}

/** Closed shifts overlapping the period, each counted in whole minutes inside it. */
async function shiftLines(workspaceId: string, userId: string, p: Period): Promise<StatementShift[]> {
  const rows = await db.shift.findMany({
    where: { workspaceId, userId, endedAt: { not: null, gt: p.start }, startedAt: { lt: p.end } },
    orderBy: { startedAt: "asc" },
  });
  return rows.map((s) => {
    const from = Math.max(s.startedAt.getTime(), p.start.getTime());
    const to = Math.min(s.endedAt!.getTime(), p.end.getTime());
    return {
      id: s.id,
      startedAt: s.startedAt.toISOString(),
      endedAt: s.endedAt!.toISOString(),
      minutes: Math.max(0, Math.floor((to - from) / 60_000)),
      endReason: s.correctedAt ? "corrected" : (s.endReason ?? "clock_out"),
    };
  });
}

/** minutes × cents-per-hour / 60, rounded once, half away from zero (integers only). */
export const hourlyPay = (minutes: number, hourlyCents: number | null) =>
  hourlyCents ? Math.floor((2 * minutes * hourlyCents + 60) / 120) : 0;

/** The statement as it stands now (not frozen). */
export async function liveStatement(workspaceId: string, member: Member, p: Period): Promise<Statement> {
  const rule = await ruleOf(workspaceId, member.userId);
  const [{ sales, totals }, shifts] = await Promise.all([
    saleLines(workspaceId, member.userId, p, rule.rateBps),
    shiftLines(workspaceId, member.userId, p),
  ]);
  const minutes = shifts.reduce((s, x) => s + x.minutes, 0);
  const commission = Number(totals.commission);
  const pay = hourlyPay(minutes, rule.hourlyCents);
  return {
    member: { userId: member.userId, name: member.name },
    period: { from: p.from, to: p.to, tz: p.tz, startUtc: p.startUtc, endUtc: p.endUtc, preset: p.preset },
    rule,
    sales,
    shifts,
    totals: {
      sales: Number(totals.n),
      gross: Number(totals.gross),
      net: Number(totals.net),
      netExact: totals.netExact,
      commission,
      minutes,
      hourlyPay: pay,
      total: commission + pay,
    },
    paid: null,
    canManage: false,
    ledgerAsOf: await workspaceLedgerAsOf(workspaceId),
  };
}

const paidRow = (workspaceId: string, userId: string, p: Period) =>
  db.payoutStatement.findUnique({
    where: { workspaceId_userId_startUtc_endUtc: { workspaceId, userId, startUtc: p.start, endUtc: p.end } },
  });

/** The paid snapshot when there is one, else the live statement. */
export async function statementFor(workspaceId: string, member: Member, p: Period): Promise<Statement> {
  const paid = await paidRow(workspaceId, member.userId, p);
  if (!paid) return liveStatement(workspaceId, member, p);
  const frozen = paid.snapshot as unknown as Statement;
  return {
    ...frozen,
    ledgerAsOf: frozen.ledgerAsOf ?? null,
    paid: { at: paid.paidAt.toISOString(), by: paid.paidByName },
  };
}

export async function getStatement(access: WorkspaceAccess, viewerId: string, memberId: string, q: PeriodQuery) {
  const member = await visibleMember(access, viewerId, memberId);
  const p = await resolvePeriod(access.workspace.id, q);
  const s = await statementFor(access.workspace.id, member, p);
  return { ...s, canManage: hasPermission(access, "payouts:manage") };
}

export const snapshotOf = (s: Statement) =>
  ({ ...s, paid: null, canManage: false }) as unknown as Prisma.InputJsonValue;
