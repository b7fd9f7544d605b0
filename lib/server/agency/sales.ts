import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { AttributionRule, ReassignBody, Sale, SalesPage, SalesQuery } from "@/lib/schemas/performance";
import { ApiError } from "@/lib/server/api/errors";
import { db } from "@/lib/server/db";
import { resolveRange } from "@/lib/server/earnings/report";
import { scopedCreatorWhere, type WorkspaceAccess } from "@/lib/server/workspaces/access";
import { performanceScope, type Scope } from "./performance";

// The sales behind a member's figures (drill-down and CSV), and a manager's
// reassignment of one sale.

const LIMIT = 200;

type Row = {
  id: string;
  occurredAt: Date;
  creatorId: string;
  fanUuid: string | null;
  fanHandle: string | null;
  fanName: string | null;
  source: string;
  rule: string;
  gross: string;
  net: string;
  userId: string | null;
  userName: string | null;
  ruleUserName: string | null;
  sentAt: Date | null;
  reassignedAt: Date | null;
  reassignedByName: string | null;
  reassignReason: string | null;
};

function memberFilter(scope: Scope, member: string | undefined): Prisma.Sql {
  // A chatter asking for someone else gets their own (empty for others), never theirs.
  const who = scope.onlyUserId ?? member;
  if (who === undefined) return Prisma.empty;
  return who === "none" ? Prisma.sql`AND a."userId" IS NULL` : Prisma.sql`AND a."userId" = ${who}`;
}

async function salesRows(scope: Scope, q: SalesQuery, limit: number | null) {
  const range = await resolveRange({ ...q, granularity: "day", sources: [] }, scope.ids);
  const where = Prisma.sql`a."creatorId" = ANY(${scope.ids}::text[])
    AND a."occurredAt" >= ${new Date(range.startMs)} AND a."occurredAt" < ${new Date(range.endMs)}
    ${memberFilter(scope, q.member)}`;
  const [rows, count] = await Promise.all([
    db.$queryRaw<Row[]>`
      SELECT a."earningRowId" AS id, a."occurredAt", a."creatorId", a."fanUuid", e."fanHandle", e."fanName", a.source,
             a.rule, round(a.gross)::text AS gross, round(a.net)::text AS net, a."userId", a."userName",
             a."ruleUserName", cs."sentAt", a."reassignedAt", a."reassignedByName", a."reassignReason"
      FROM "SaleAttribution" a
      JOIN "EarningRow" e ON e.id = a."earningRowId"
      LEFT JOIN "ChatSend" cs ON cs.id = a."sendId"
      WHERE ${where}
      ORDER BY a."occurredAt" DESC, a."earningRowId"
      ${limit === null ? Prisma.empty : Prisma.sql`LIMIT ${limit}`}`,
    db.$queryRaw<{ n: bigint }[]>`SELECT count(*)::bigint AS n FROM "SaleAttribution" a WHERE ${where}`,
  ]);
  return { rows, total: Number(count[0]?.n ?? 0) };
}

function toSale(r: Row, creators: Map<string, Sale["creator"]>): Sale {
  return {
    id: r.id,
    occurredAt: r.occurredAt.toISOString(),
    creator: creators.get(r.creatorId)!,
    fan: { uuid: r.fanUuid, handle: r.fanHandle, name: r.fanName },
    source: r.source,
    rule: r.rule as AttributionRule,
    gross: Number(r.gross),
    net: Number(r.net),
    userId: r.userId,
    userName: r.userName,
    sentAt: r.sentAt?.toISOString() ?? null,
    reassigned: r.reassignedAt
      ? {
          at: r.reassignedAt.toISOString(),
          by: r.reassignedByName ?? "",
          reason: r.reassignReason ?? "",
          fromName: r.ruleUserName,
        }
      : null,
  };
}

export async function listSales(access: WorkspaceAccess, userId: string, q: SalesQuery, limit: number | null = LIMIT) {
  const scope = await performanceScope(access, userId, q.creatorId);
  const { rows, total } = await salesRows(scope, q, limit);
  const creators = new Map(scope.creators.map((c) => [c.id, c]));
  const page: SalesPage = { sales: rows.map((r) => toSale(r, creators)), total, limit: limit ?? total };
  return page;
}

/** Credits one sale to another member (or to nobody); the reason is kept and shown. */
export async function reassignSale(
  access: WorkspaceAccess,
  actor: { id: string; name: string },
  saleId: string,
  body: ReassignBody & { reason: string },
) {
  const sale = await db.saleAttribution.findUnique({ where: { earningRowId: saleId } });
  const creatorIds = (await db.creator.findMany({ where: scopedCreatorWhere(access), select: { id: true } })).map(
    (c) => c.id,
  );
  if (!sale || !creatorIds.includes(sale.creatorId))
    throw new ApiError("not_found", "This sale is not in your creators' ledger.");
  let userName: string | null = null;
  if (body.userId !== null) {
    const member = await db.membership.findUnique({
      where: { workspaceId_userId: { workspaceId: access.workspace.id, userId: body.userId } },
      include: { user: true, creators: true },
    });
    if (!member || (!member.allCreators && !member.creators.some((c) => c.creatorId === sale.creatorId)))
      throw new ApiError("invalid_input", "Pick a member who works on this creator.", { field: "userId" });
    userName = member.user.name ?? member.user.email ?? "Member";
  }
  const updated = await db.saleAttribution.update({
    where: { earningRowId: saleId },
    data: {
      userId: body.userId,
      userName,
      reassignedAt: new Date(),
      reassignedByUserId: actor.id,
      reassignedByName: actor.name,
      reassignReason: body.reason,
    },
  });
  return {
    sale: { id: updated.earningRowId, userId: updated.userId, userName: updated.userName },
    creatorId: sale.creatorId,
    from: sale.userName,
    gross: Math.round(Number(sale.gross)),
  };
}
