import "server-only";
import type { AgencyShareBody, AgencyShareStatement, PeriodQuery } from "@/lib/schemas/payouts";
import type { EarningsQuery } from "@/lib/schemas/earnings";
import { ApiError } from "@/lib/server/api/errors";
import { db } from "@/lib/server/db";
import { resolveRange } from "@/lib/server/earnings/report";
import { hasPermission, type CreatorAccess } from "@/lib/server/workspaces/access";
import { earningSourceLabel } from "@/lib/schemas/earnings";
import { commentLine, csvResponse, ownCell, textCell } from "@/lib/utils/csv";
import { centsToDecimal } from "@/lib/utils/money";
import { formatRate } from "@/lib/utils/payouts";

// The agency's share of a creator it runs, for a period in the viewer's zone:
// the creator's ledger by source, Fanvue's cut (gross − net), and the share
// = round(exact sum of net × rate) computed once in SQL on the NUMERIC sum,
// so the statement, its CSV and a hand check agree to the cent. Only for an
// agency's creators: a creator's own workspace has no agency to pay.

type LineRow = { source: string; n: bigint; gross: bigint; net: bigint };
type TotalRow = { n: bigint; gross: bigint; net: bigint; share: bigint };

function agencyOnly(access: CreatorAccess) {
  if (access.workspace.kind !== "agency")
    throw new ApiError("not_found", "This creator is not run by an agency in Vuedeck.");
}

export async function agencyShareStatement(access: CreatorAccess, q: PeriodQuery): Promise<AgencyShareStatement> {
  agencyOnly(access);
  const creatorId = access.creator.id;
  const r = await resolveRange({ ...q, granularity: "day", sources: [] } as unknown as EarningsQuery, [creatorId]);
  const rule = await db.agencyShare.findUnique({ where: { creatorId } });
  const rateBps = rule?.rateBps ?? 0;
  const start = new Date(r.startMs);
  const end = new Date(r.endMs);
  const [lines, totals, synced] = await Promise.all([
    db.$queryRaw<LineRow[]>`
      SELECT e.source, count(*)::bigint AS n, round(sum(e.gross))::bigint AS gross, round(sum(e.net))::bigint AS net
      FROM "EarningRow" e
      WHERE e."creatorId" = ${creatorId} AND e."occurredAt" >= ${start} AND e."occurredAt" < ${end}
      GROUP BY e.source
      ORDER BY sum(e.gross) DESC, e.source`,
    db.$queryRaw<TotalRow[]>`
      SELECT count(*)::bigint AS n, round(COALESCE(sum(e.gross), 0))::bigint AS gross,
             round(COALESCE(sum(e.net), 0))::bigint AS net,
             round(COALESCE(sum(e.net), 0) * ${rateBps}::numeric / 10000)::bigint AS share
      FROM "EarningRow" e
      WHERE e."creatorId" = ${creatorId} AND e."occurredAt" >= ${start} AND e."occurredAt" < ${end}`,
    db.syncState.findFirst({ where: { creatorId, stream: "earnings" }, select: { lastSyncedAt: true } }),
  ]);
  const t = totals[0]!;
  const net = Number(t.net);
  const share = Number(t.share);
  return {
    creator: { id: access.creator.id, handle: access.creator.handle, displayName: access.creator.displayName },
    period: { from: r.from, to: r.to, tz: r.tz, startUtc: r.startUtc, endUtc: r.endUtc, partial: r.partial },
    rule: rule
      ? { rateBps: rule.rateBps, updatedAt: rule.updatedAt.toISOString(), updatedBy: rule.updatedByName }
      : null,
    lines: lines.map((l) => ({
      source: l.source,
      transactions: Number(l.n),
      gross: Number(l.gross),
      net: Number(l.net),
    })),
    totals: {
      transactions: Number(t.n),
      gross: Number(t.gross),
      fanvueFee: Number(t.gross) - net,
      net,
      agencyShare: share,
      creatorKeeps: net - share,
    },
    ledgerSyncedAt: synced?.lastSyncedAt?.toISOString() ?? null,
    canSetRate: hasPermission(access, "payouts:manage"),
  };
}

/** Sets the agency's share of this creator's net (owner or manager); audited by the route. */
export async function setAgencyShare(access: CreatorAccess, actor: { name: string }, body: AgencyShareBody) {
  agencyOnly(access);
  const creatorId = access.creator.id;
  const before = await db.agencyShare.findUnique({ where: { creatorId } });
  const data = { rateBps: body.rateBps, updatedByName: actor.name };
  await db.agencyShare.upsert({ where: { creatorId }, create: { creatorId, ...data }, update: data });
  return { rateBps: body.rateBps, previousBps: before?.rateBps ?? null };
}

const HEADER = ["source", "transactions", "gross_usd", "net_usd"];

/** The statement as CSV lines: the same lines and totals as the page, money as decimal USD from the same cents. */
export function agencyShareLines(s: AgencyShareStatement): string[] {
  const t = s.totals;
  const row = (cells: (string | number | null)[]) => cells.map((c) => ownCell(c)).join(",");
  return [
    commentLine(`Vuedeck agency share, ${s.creator.displayName}, ${s.period.from} to ${s.period.to} (${s.period.tz})`),
    commentLine(s.rule ? `Share ${formatRate(s.rule.rateBps)} of net, set by ${s.rule.updatedBy}` : "No share set"),
    HEADER.join(","),
    ...s.lines.map((l) =>
      [textCell(earningSourceLabel(l.source)), l.transactions, centsToDecimal(l.gross), centsToDecimal(l.net)].join(
        ",",
      ),
    ),
    "",
    "total,value",
    row(["transactions", t.transactions]),
    row(["gross_usd", centsToDecimal(t.gross)]),
    row(["fanvue_fee_usd", centsToDecimal(t.fanvueFee)]),
    row(["net_usd", centsToDecimal(t.net)]),
    row(["agency_share_rate", s.rule ? formatRate(s.rule.rateBps) : null]),
    row(["agency_share_usd", centsToDecimal(t.agencyShare)]),
    row(["creator_keeps_usd", centsToDecimal(t.creatorKeeps)]),
  ];
}

export async function agencyShareCsv(access: CreatorAccess, q: PeriodQuery) {
  const s = await agencyShareStatement(access, q);
  const name = `agency-share-${s.creator.handle}-${s.period.from}-${s.period.to}.csv`;
  return csvResponse(agencyShareLines(s), name);
}
