import "server-only";
import type { CommissionRuleBody, PayoutsList, PeriodQuery } from "@/lib/schemas/payouts";
import { ApiError } from "@/lib/server/api/errors";
import { db } from "@/lib/server/db";
import { hasPermission, type WorkspaceAccess } from "@/lib/server/workspaces/access";
import { workspaceLedgerAsOf } from "@/lib/server/earnings/status";
import { resolvePeriod, visibleMember, visibleMembers } from "./scope";
import { liveStatement, snapshotOf, statementFor } from "./statement";

// The payouts list (members, their rule, the period's amount), a member's
// rule, and "Mark paid": the statement as shown is frozen with its totals.

const isUnique = (e: unknown) => typeof e === "object" && e !== null && (e as { code?: string }).code === "P2002";

export async function listPayouts(access: WorkspaceAccess, viewerId: string, q: PeriodQuery): Promise<PayoutsList> {
  const workspaceId = access.workspace.id;
  const p = await resolvePeriod(workspaceId, q);
  const members = await visibleMembers(access, viewerId);
  const rules = await db.commissionRule.findMany({ where: { workspaceId } });
  const rows = await Promise.all(
    members.map(async (m) => {
      const s = await statementFor(workspaceId, m, p);
      const rule = rules.find((r) => r.userId === m.userId);
      return {
        userId: m.userId,
        name: m.name,
        role: m.role,
        rule: rule ? { rateBps: rule.rateBps, hourlyCents: rule.hourlyCents } : null,
        net: s.totals.net,
        minutes: s.totals.minutes,
        total: s.totals.total,
        paid: s.paid !== null,
      };
    }),
  );
  return {
    period: { from: p.from, to: p.to, tz: p.tz, startUtc: p.startUtc, endUtc: p.endUtc, preset: p.preset },
    scope: hasPermission(access, "earnings:read") ? "all" : "own",
    members: rows,
    canManage: hasPermission(access, "payouts:manage"),
    ledgerAsOf: await workspaceLedgerAsOf(workspaceId),
  };
}

export async function setCommissionRule(
  access: WorkspaceAccess,
  actor: { id: string; name: string },
  userId: string,
  body: CommissionRuleBody,
) {
  const member = await visibleMember(access, actor.id, userId);
  const workspaceId = access.workspace.id;
  const data = { rateBps: body.rateBps, hourlyCents: body.hourlyCents, updatedByName: actor.name };
  await db.commissionRule.upsert({
    where: { workspaceId_userId: { workspaceId, userId } },
    create: { workspaceId, userId, ...data },
    update: data,
  });
  return { rule: { rateBps: body.rateBps, hourlyCents: body.hourlyCents }, member: member.name };
}

/** Freezes the statement as it stands: totals and lines; a second "Mark paid" is a conflict. */
export async function markPaid(
  access: WorkspaceAccess,
  actor: { id: string; name: string },
  userId: string,
  q: PeriodQuery,
) {
  const workspaceId = access.workspace.id;
  const member = await visibleMember(access, actor.id, userId);
  const p = await resolvePeriod(workspaceId, q);
  if (p.partial) throw new ApiError("conflict", "This period has not ended yet: pay it once it is over.");
  const s = await liveStatement(workspaceId, member, p);
  try {
    const row = await db.payoutStatement.create({
      data: {
        workspaceId,
        userId,
        userName: member.name,
        periodFrom: p.from,
        periodTo: p.to,
        tz: p.tz,
        startUtc: p.start,
        endUtc: p.end,
        rateBps: s.rule.rateBps,
        hourlyCents: s.rule.hourlyCents,
        netExact: s.totals.netExact,
        grossCents: s.totals.gross,
        netCents: s.totals.net,
        commissionCents: s.totals.commission,
        minutes: s.totals.minutes,
        hourlyPayCents: s.totals.hourlyPay,
        totalCents: s.totals.total,
        snapshot: snapshotOf(s),
        paidByUserId: actor.id,
        paidByName: actor.name,
      },
    });
    return { ...s, paid: { at: row.paidAt.toISOString(), by: row.paidByName }, canManage: true };
  } catch (e) {
    if (isUnique(e)) throw new ApiError("conflict", `${member.name}'s statement for this period is already paid.`);
    throw e;
  }
}
