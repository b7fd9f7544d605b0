import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { Decimal } from "@/generated/prisma/internal/prismaNamespace";
import { clientForCreator } from "@/lib/server/creators/client";
import { db } from "@/lib/server/db";
import { getEarningsPage, getEarningsSummary, type FanvueEarningRow } from "@/lib/server/fanvue/resources/insights";
import type { EarningsQuery, Money } from "@/lib/schemas/earnings";
import type { Counted, EdgeLine, Reconciliation, UnsyncedRow } from "@/lib/schemas/reconcile";
import type { CreatorAccess } from "@/lib/server/workspaces/access";
import { addDays } from "@/lib/utils/date-range";
import { wholeCents } from "./money";
import { resolveRange, strip } from "./report";
import { toEarningRow } from "./rows";

// "Why does this number differ?" for one creator and range. The ledger's
// figure (the viewer's local days) is bridged to Fanvue's own earnings
// summary for the same calendar days counted as UTC days, the way Fanvue's
// screens count them:
//
//   Fanvue, UTC days  ± payments on the edges between local and UTC days
//   − payments Fanvue lists that the ledger does not hold yet
//   (+ whatever no line explains, shown, never hidden)  = the ledger's figure
//
// The edges and the unsynced payments are counted on the ledger plus the
// payments read from Fanvue after the sync's watermark. Fanvue's summary for
// the local days is read too, as a check of the middle step. Then the
// figure's reversals (refunds, chargebacks), Fanvue's share (gross − net)
// and its payout status. Sums are exact (NUMERIC, Decimal), rounded once.

type Window = { start: Date; end: Date };
type Exact = { gross: Decimal; net: Decimal; count: number };

/** Rows read from Fanvue past the watermark, at most this many pages. */
const MAX_UNSYNCED_PAGES = 20;
/** As in the sync: rows Fanvue reports late land up to this long before the watermark. */
const LATE_MS = 48 * 3_600_000;
const SHOWN_UNSYNCED = 20;

const zero = (): Exact => ({ gross: new Decimal(0), net: new Decimal(0), count: 0 });
const round = (e: { gross: Decimal; net: Decimal }): Money => ({ gross: wholeCents(e.gross), net: wholeCents(e.net) });
const counted = (e: Exact): Counted => ({ ...round(e), count: e.count });
const within = (t: number, w: Window) => t >= w.start.getTime() && t < w.end.getTime();

/** Ledger sums over several windows in one scan. */
async function ledgerSums(creatorId: string, windows: Window[], span: Window) {
  const cols = windows.map((w, i) => {
    const inside = Prisma.sql`"occurredAt" >= ${w.start} AND "occurredAt" < ${w.end}`;
    return Prisma.sql`COALESCE(SUM(gross) FILTER (WHERE ${inside}), 0)::text AS ${Prisma.raw(`g${i}`)},
      COALESCE(SUM(net) FILTER (WHERE ${inside}), 0)::text AS ${Prisma.raw(`n${i}`)},
      COUNT(*) FILTER (WHERE ${inside})::int AS ${Prisma.raw(`c${i}`)}`;
  });
  const [row] = await db.$queryRaw<Record<string, string | number>[]>`
    SELECT ${Prisma.join(cols)} FROM "EarningRow"
    WHERE "creatorId" = ${creatorId} AND "occurredAt" >= ${span.start} AND "occurredAt" < ${span.end}`;
  return windows.map((_, i): Exact => ({
    gross: new Decimal(String(row![`g${i}`])),
    net: new Decimal(String(row![`n${i}`])),
    count: Number(row![`c${i}`]),
  }));
}

/** Payments Fanvue lists in `span` after the watermark that the ledger lacks. */
async function unsyncedRows(access: CreatorAccess, span: Window, watermark: Date | null) {
  const from = new Date(Math.max(span.start.getTime(), (watermark?.getTime() ?? 0) - LATE_MS));
  if (from >= span.end) return { rows: [] as FanvueEarningRow[], capped: false };
  const client = clientForCreator(access);
  const read: FanvueEarningRow[] = [];
  let cursor: string | undefined;
  let pages = 0;
  for (; pages < MAX_UNSYNCED_PAGES; pages++) {
    const page = await getEarningsPage(client, {
      startDate: from.toISOString(),
      endDate: span.end.toISOString(),
      cursor,
      priority: "interactive",
    });
    read.push(...page.data);
    if (!page.nextCursor || page.data.length === 0) break;
    cursor = page.nextCursor;
  }
  const keyed = read.map((r) => ({ r, key: toEarningRow(access.creator.id, r).dedupeKey }));
  const held = new Set(
    (
      await db.earningRow.findMany({
        where: { creatorId: access.creator.id, dedupeKey: { in: keyed.map((k) => k.key) } },
        select: { dedupeKey: true },
      })
    ).map((r) => r.dedupeKey),
  );
  return { rows: keyed.filter((k) => !held.has(k.key)).map((k) => k.r), capped: pages === MAX_UNSYNCED_PAGES };
}

function addRows(into: Exact, rows: FanvueEarningRow[], w: Window) {
  for (const r of rows)
    if (within(Date.parse(r.date), w)) {
      into.gross = into.gross.add(String(r.gross));
      into.net = into.net.add(String(r.net));
      into.count++;
    }
  return into;
}

/** Fanvue's summary as one exact sum of its buckets. */
async function fanvueTotal(access: CreatorAccess, w: Window, timezone: string) {
  const s = await getEarningsSummary(clientForCreator(access), {
    startDate: w.start.toISOString(),
    endDate: w.end.toISOString(),
    timezone,
  });
  // Fanvue says which window it summed; if not ours (the reference does not document the
  // summary's parameters), only its buckets inside our window count.
  const applied =
    Date.parse(s.period.startDate ?? "") === w.start.getTime() &&
    Date.parse(s.period.endDate ?? "") === w.end.getTime();
  const sum = s.overTime
    .filter((b) => applied || within(Date.parse(b.periodStart), w))
    .reduce((acc, b) => ({ gross: acc.gross.add(String(b.gross)), net: acc.net.add(String(b.net)) }), {
      gross: new Decimal(0),
      net: new Decimal(0),
    });
  return { ...round(sum), zone: s.period.timezone, applied };
}

/** The signed edge between the local window and the UTC one at one end. */
function edge(a: Date, b: Date, sums: Exact, sign: 1 | -1): EdgeLine {
  const [fromUtc, toUtc] = a < b ? [a, b] : [b, a];
  return { ...counted(sums), sign, fromUtc: fromUtc.toISOString(), toUtc: toUtc.toISOString() };
}

const signed = (e: EdgeLine, k: "gross" | "net") => e.sign * e[k];

async function reversals(creatorId: string, w: Window) {
  const [spendingState, rows] = await Promise.all([
    db.syncState.findUnique({ where: { creatorId_stream: { creatorId, stream: "spending" } } }),
    db.$queryRaw<{ source: string; gross: string; net: string; count: number }[]>`
      SELECT source, SUM(gross)::text AS gross, SUM(net)::text AS net, COUNT(*)::int AS count FROM "SpendingRow"
      WHERE "creatorId" = ${creatorId} AND "occurredAt" >= ${w.start} AND "occurredAt" < ${w.end} GROUP BY 1`,
  ]);
  const of = (source: string): Counted => {
    const r = rows.find((x) => x.source === source);
    return r
      ? { ...round({ gross: new Decimal(r.gross), net: new Decimal(r.net) }), count: r.count }
      : { gross: 0, net: 0, count: 0 };
  };
  return { available: !spendingState?.unsupported, refunds: of("refund"), chargebacks: of("chargeback") };
}

async function payoutStatus(creatorId: string, w: Window) {
  const rows = await db.$queryRaw<{ status: string | null; net: string }[]>`
    SELECT "orderStatus" AS status, SUM(net)::text AS net FROM "EarningRow"
    WHERE "creatorId" = ${creatorId} AND "occurredAt" >= ${w.start} AND "occurredAt" < ${w.end} GROUP BY 1`;
  const of = (s: string) => wholeCents(new Decimal(rows.find((r) => r.status === s)?.net ?? 0));
  const unknown = rows
    .filter((r) => r.status !== "availableForPayout" && r.status !== "pendingBalance")
    .reduce((acc, r) => acc.add(r.net), new Decimal(0));
  return { available: of("availableForPayout"), pending: of("pendingBalance"), unknown: wholeCents(unknown) };
}

/** The viewer's local days, the same days in UTC, both together, and the two edges between them. */
function windowsOf(range: { startUtc: string; endUtc: string; from: string; to: string }) {
  const local: Window = { start: new Date(range.startUtc), end: new Date(range.endUtc) };
  const utc: Window = {
    start: new Date(`${range.from}T00:00:00Z`),
    end: new Date(`${addDays(range.to, 1)}T00:00:00Z`),
  };
  const between = (a: Date, b: Date): Window => (a < b ? { start: a, end: b } : { start: b, end: a });
  return {
    local,
    utc,
    span: { start: between(local.start, utc.start).start, end: between(local.end, utc.end).end },
    startEdge: between(local.start, utc.start),
    endEdge: between(local.end, utc.end),
  };
}

const unsyncedView = (rows: FanvueEarningRow[], local: Window): UnsyncedRow[] =>
  rows
    .filter((r) => within(Date.parse(r.date), local))
    .slice(0, SHOWN_UNSYNCED)
    .map((r) => ({
      at: r.date,
      source: r.source,
      gross: wholeCents(String(r.gross)),
      net: wholeCents(String(r.net)),
      fanHandle: r.user?.handle ?? null,
    }));

export async function reconcile(access: CreatorAccess, q: EarningsQuery, now = Date.now()): Promise<Reconciliation> {
  const creatorId = access.creator.id;
  const range = await resolveRange(q, [creatorId], now);
  const { local, utc, span, startEdge, endEdge } = windowsOf(range);
  const state = await db.syncState.findUnique({ where: { creatorId_stream: { creatorId, stream: "earnings" } } });
  const readAt = new Date().toISOString();
  const [fanvueUtc, fanvueLocal, unsynced, sums, rev, payout] = await Promise.all([
    fanvueTotal(access, utc, "UTC"),
    fanvueTotal(access, local, q.tz),
    unsyncedRows(access, span, state?.watermark ?? null),
    ledgerSums(creatorId, [local, startEdge, endEdge], span),
    reversals(creatorId, local),
    payoutStatus(creatorId, local),
  ]);
  const [ledger, ledgerStart, ledgerEnd] = sums as [Exact, Exact, Exact];
  // The edges count every payment Fanvue has there: the ledger's and the unsynced ones.
  const start = edge(
    local.start,
    utc.start,
    addRows({ ...ledgerStart }, unsynced.rows, startEdge),
    local.start < utc.start ? 1 : -1,
  );
  const end = edge(local.end, utc.end, addRows({ ...ledgerEnd }, unsynced.rows, endEdge), local.end > utc.end ? 1 : -1);
  const missing = counted(addRows(zero(), unsynced.rows, local));
  const figure = counted(ledger);
  const bridged = (k: "gross" | "net") => fanvueUtc[k] + signed(start, k) + signed(end, k) - missing[k];
  const rows = unsyncedView(unsynced.rows, local);
  const reversed = { gross: rev.refunds.gross + rev.chargebacks.gross, net: rev.refunds.net + rev.chargebacks.net };
  return {
    creator: { id: creatorId, handle: access.creator.handle },
    range: strip(range),
    utcRange: { startUtc: utc.start.toISOString(), endUtc: utc.end.toISOString() },
    fanvue: {
      utc: { gross: fanvueUtc.gross, net: fanvueUtc.net },
      local: {
        gross: fanvueLocal.gross,
        net: fanvueLocal.net,
        zone: fanvueLocal.zone,
        honoured: fanvueLocal.zone === q.tz,
      },
      readAt,
      windowApplied: fanvueUtc.applied && fanvueLocal.applied,
    },
    bridge: {
      startEdge: start,
      endEdge: end,
      unsynced: { ...missing, rows, capped: unsynced.capped, since: state?.watermark?.toISOString() ?? null },
      unexplained: { gross: figure.gross - bridged("gross"), net: figure.net - bridged("net") },
    },
    ledger: figure,
    reversals: rev,
    afterReversals: rev.available ? { gross: figure.gross - reversed.gross, net: figure.net - reversed.net } : figure,
    fanvueShare: {
      cents: figure.gross - figure.net,
      basisPoints: figure.gross > 0 ? Math.round(((figure.gross - figure.net) * 10_000) / figure.gross) : null,
    },
    payout,
    sync: {
      lastSyncedAt: state?.lastSyncedAt?.toISOString() ?? null,
      watermark: state?.watermark?.toISOString() ?? null,
    },
  };
}
