import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/server/db";
import {
  sourceGroup,
  SOURCES,
  type EarningsQuery,
  type EarningsReport,
  type Money,
  type ResolvedRange,
  type SourceGroup,
  type Totals,
} from "@/lib/schemas/earnings";
import {
  addDays,
  bucketStarts,
  daysBetween,
  localDate,
  presetDates,
  startOfLocalDay,
  type Ymd,
} from "@/lib/utils/date-range";
import { provisionalMoney } from "./provisional";
import { memoized, rewarmMemos, type LedgerShape } from "./report-memo";
import { getSyncStatus } from "./status";

// Earnings from the ledger, aggregated in SQL in the viewer's time zone
// (`AT TIME ZONE` applies the zone's DST rules per row), never from Fanvue's
// UTC buckets. Integer cents throughout.

type Range = ResolvedRange & { startMs: number; endMs: number };

/** Raw Fanvue sources that make up a source group (for the SQL filter). */
const RAW_SOURCES: Record<SourceGroup, string[] | null> = {
  subscription: ["subscription"],
  renewal: ["renewal"],
  tip: ["tip"],
  message: ["message"],
  post: ["post"],
  referral: ["referral"],
  others: null, // everything else
};

function resolve(from: Ymd, to: Ymd, tz: string, now: number): Range {
  const startMs = startOfLocalDay(from, tz);
  const endMs = startOfLocalDay(addDays(to, 1), tz);
  return {
    from,
    to,
    tz,
    startMs,
    endMs,
    startUtc: new Date(startMs).toISOString(),
    endUtc: new Date(endMs).toISOString(),
    partial: now < endMs,
  };
}

export async function resolveRange(q: EarningsQuery, creatorIds: string[], now = Date.now()): Promise<Range> {
  const today = localDate(now, q.tz);
  if (q.range === "custom") return resolve(q.from!, q.to!, q.tz, now);
  if (q.range === "all") {
    const first = await db.earningRow.findFirst({
      where: { creatorId: { in: creatorIds } },
      orderBy: { occurredAt: "asc" },
      select: { occurredAt: true },
    });
    return resolve(first ? localDate(first.occurredAt.getTime(), q.tz) : today, today, q.tz, now);
  }
  const { from, to } = presetDates(q.range, today);
  return resolve(from, to, q.tz, now);
}

export function sourceFilter(sources: string[]): Prisma.Sql {
  if (sources.length === 0 || sources.length === SOURCES.length) return Prisma.empty;
  const named = sources.flatMap((s) => RAW_SOURCES[s as SourceGroup] ?? []);
  const known = Object.values(RAW_SOURCES).flatMap((v) => v ?? []);
  const parts = [Prisma.sql`source = ANY(${named}::text[])`];
  if (sources.includes("others")) parts.push(Prisma.sql`NOT (source = ANY(${known}::text[]))`);
  return Prisma.sql`AND (${Prisma.join(parts, " OR ")})`;
}

const n = (v: bigint | number | null) => Number(v ?? 0);

/** Per paying fan, rounded to the cent: an average is a display figure, not a ledger one. */
const average = (gross: number, net: number, fans: number) =>
  fans ? { gross: Math.round(gross / fans), net: Math.round(net / fans) } : null;

function totalsFrom(rows: { gross: number; net: number; n: number }[], payingFans: number): Totals {
  const gross = rows.reduce((s, r) => s + n(r.gross), 0);
  const net = rows.reduce((s, r) => s + n(r.net), 0);
  return {
    gross,
    net,
    transactions: rows.reduce((s, r) => s + n(r.n), 0),
    payingFans,
    avgPerPayingFan: average(gross, net, payingFans),
  };
}

async function totals(creatorIds: string[], startMs: number, endMs: number, sources: string[]): Promise<Totals> {
  const [row] = await db.$queryRaw<{ gross: bigint; net: bigint; transactions: bigint; fans: bigint }[]>`
    SELECT COALESCE(SUM(gross), 0)::bigint AS gross, COALESCE(SUM(net), 0)::bigint AS net, COUNT(*)::bigint AS transactions,
           COUNT(DISTINCT "fanUuid")::bigint AS fans
    FROM "EarningRow"
    WHERE "creatorId" = ANY(${creatorIds}::text[]) AND "occurredAt" >= ${new Date(startMs)} AND "occurredAt" < ${new Date(endMs)} ${sourceFilter(sources)}`;
  const gross = n(row!.gross);
  const net = n(row!.net);
  const payingFans = n(row!.fans);
  return {
    gross,
    net,
    transactions: n(row!.transactions),
    payingFans,
    avgPerPayingFan: average(gross, net, payingFans),
  };
}

type BucketRow = { bucket: string; source: string; gross: bigint; net: bigint; n: bigint };
/** A bucket row as the memo keeps it (JSON: numbers, not bigints). */
type Bucket = { bucket: string; source: string; gross: number; net: number; n: number };
type SpenderRow = {
  fanUuid: string;
  handle: string | null;
  name: string | null;
  gross: bigint;
  net: bigint;
  transactions: bigint;
};
type Span = { creatorIds: string[]; start: Date; end: Date; filter: Prisma.Sql };
const spanOf = (s: Pick<LedgerShape, "creatorIds" | "startMs" | "endMs" | "sources">): Span => ({
  creatorIds: s.creatorIds,
  start: new Date(s.startMs),
  end: new Date(s.endMs),
  filter: sourceFilter(s.sources),
});

/** Gross, net and count per bucket (in the viewer's zone) and raw source. */
function bucketRows({ creatorIds, start, end, filter }: Span, granularity: string, tz: string) {
  return db.$queryRaw<BucketRow[]>`
      SELECT to_char(date_trunc(${granularity}, ("occurredAt" AT TIME ZONE 'UTC') AT TIME ZONE ${tz}), 'YYYY-MM-DD') AS bucket,
             source, SUM(gross)::bigint AS gross, SUM(net)::bigint AS net, COUNT(*)::bigint AS n
      FROM "EarningRow"
      WHERE "creatorId" = ANY(${creatorIds}::text[]) AND "occurredAt" >= ${start} AND "occurredAt" < ${end} ${filter}
      GROUP BY 1, 2`;
}

function payingFanRows({ creatorIds, start, end, filter }: Span) {
  return db.$queryRaw<{ fans: bigint }[]>`
      SELECT COUNT(DISTINCT "fanUuid")::bigint AS fans FROM "EarningRow"
      WHERE "creatorId" = ANY(${creatorIds}::text[]) AND "occurredAt" >= ${start} AND "occurredAt" < ${end} ${filter}`;
}

/** The ten fans who spent the most in the range. */
function topSpenderRows({ creatorIds, start, end, filter }: Span) {
  return db.$queryRaw<SpenderRow[]>`
      SELECT "fanUuid", MAX("fanHandle") AS handle, MAX("fanName") AS name, SUM(gross)::bigint AS gross, SUM(net)::bigint AS net, COUNT(*)::bigint AS transactions
      FROM "EarningRow"
      WHERE "creatorId" = ANY(${creatorIds}::text[]) AND "occurredAt" >= ${start} AND "occurredAt" < ${end} AND "fanUuid" IS NOT NULL ${filter}
      GROUP BY 1 ORDER BY SUM(gross) DESC, 1 LIMIT 10`;
}

/** Refunds (the spending ledger) in the range; the source filter does not apply to them. */
function refundRows({ creatorIds, start, end }: Span) {
  return db.$queryRaw<{ gross: bigint; net: bigint; count: bigint }[]>`
      SELECT COALESCE(SUM(gross), 0)::bigint AS gross, COALESCE(SUM(net), 0)::bigint AS net, COUNT(*)::bigint AS count
      FROM "SpendingRow" WHERE "creatorId" = ANY(${creatorIds}::text[]) AND "occurredAt" >= ${start} AND "occurredAt" < ${end}`;
}

/** Every bucket of the range (empty ones too), its sources grouped; edge buckets marked partial. */
function buildSeries(
  range: Range,
  granularity: EarningsQuery["granularity"],
  buckets: Bucket[],
  provisional: Map<string, number>,
) {
  const series = bucketStarts(range.from, range.to, granularity).map((bucket) => ({
    bucket,
    partial: false,
    bySource: {} as Partial<Record<SourceGroup, Money>>,
    gross: 0,
    net: 0,
    provisionalGross: provisional.get(bucket) ?? 0,
  }));
  const byBucket = new Map(series.map((s) => [s.bucket, s]));
  for (const r of buckets) {
    const s = byBucket.get(r.bucket);
    if (!s) continue;
    const g = sourceGroup(r.source);
    const m = (s.bySource[g] ??= { gross: 0, net: 0 });
    m.gross += n(r.gross);
    m.net += n(r.net);
    s.gross += n(r.gross);
    s.net += n(r.net);
  }
  // Buckets cut by the range edges or still running are marked partial.
  const firstCut = series[0] && series[0].bucket < range.from;
  if (firstCut) series[0]!.partial = true;
  const last = series.at(-1);
  if (last && (range.partial || bucketEnd(last.bucket, granularity) > range.to)) last.partial = true;
  return series;
}

/** Totals per source group, in the groups' display order. */
function bySourceGroup(rows: Bucket[]) {
  const groups = new Map<SourceGroup, { gross: number; net: number; transactions: number }>();
  for (const r of rows) {
    const g = groups.get(sourceGroup(r.source)) ?? { gross: 0, net: 0, transactions: 0 };
    g.gross += n(r.gross);
    g.net += n(r.net);
    g.transactions += n(r.n);
    groups.set(sourceGroup(r.source), g);
  }
  return SOURCES.filter((s) => groups.has(s)).map((s) => ({ source: s, ...groups.get(s)! }));
}

const toSpender = (t: SpenderRow) => ({
  fanUuid: t.fanUuid,
  handle: t.handle,
  name: t.name,
  gross: n(t.gross),
  net: n(t.net),
  transactions: n(t.transactions),
});

export async function earningsReport(
  creatorIds: string[],
  syncCreatorIds: string[],
  q: EarningsQuery,
  now = Date.now(),
): Promise<EarningsReport> {
  const range = await resolveRange(q, creatorIds, now);
  const lengthDays = daysBetween(range.from, range.to) + 1;
  const prev = resolve(addDays(range.from, -lengthDays), addDays(range.to, -lengthDays), q.tz, now);
  // A running period is compared like for like: the same elapsed time.
  const elapsed = Math.min(now, range.endMs) - range.startMs;
  const prevEffectiveEnd = range.partial ? Math.min(prev.endMs, prev.startMs + Math.max(0, elapsed)) : prev.endMs;
  // The previous period up to the start of the local day it is cut in is
  // memoized with the rest (fixed for the day); the cut day's part, up to the
  // same elapsed time, is read live (one day's rows).
  const headEnd = range.partial
    ? Math.max(prev.startMs, startOfLocalDay(localDate(prevEffectiveEnd, q.tz), q.tz))
    : prevEffectiveEnd;
  // The ledger's part is memoized while the ledger is unchanged; sync status
  // and webhook money are read fresh every time (they move between syncs).
  const shape: LedgerShape = {
    creatorIds,
    tz: q.tz,
    granularity: q.granularity,
    sources: q.sources,
    startMs: range.startMs,
    endMs: range.endMs,
    prevStartMs: prev.startMs,
    prevEndMs: headEnd,
  };
  const [ledger, tail, sync, pending] = await Promise.all([
    memoized(shape, ledgerPart),
    tailTotals(creatorIds, q.sources, { startMs: prev.startMs, cutMs: headEnd, endMs: prevEffectiveEnd }),
    getSyncStatus(syncCreatorIds),
    // Webhook money after the ledger's watermark: shown beside the ledger's, never in it.
    provisionalMoney({
      creatorIds,
      startMs: range.startMs,
      endMs: range.endMs,
      tz: q.tz,
      granularity: q.granularity,
      sources: q.sources,
    }),
  ]);
  const { buckets, payingFans, previous, top, refunds } = ledger;
  return {
    currency: "USD",
    range: { ...strip(range), granularity: q.granularity, preset: q.range },
    previous: { ...strip(prev), effectiveEndUtc: new Date(prevEffectiveEnd).toISOString() },
    totals: totalsFrom(buckets, payingFans),
    previousTotals: withTail(previous, tail),
    refunds,
    series: buildSeries(range, q.granularity, buckets, pending.byBucket),
    bySource: bySourceGroup(buckets),
    topSpenders: top,
    sync,
    provisional: pending.provisional,
  };
}

type Tail = { gross: number; net: number; transactions: number; newFans: number };

/** The previous period's rows in [cutMs, endMs), and how many of their fans
 * did not pay in [startMs, cutMs) (so distinct fans add up exactly). */
async function tailTotals(
  creatorIds: string[],
  sources: string[],
  { startMs, cutMs, endMs }: { startMs: number; cutMs: number; endMs: number },
): Promise<Tail | null> {
  if (endMs <= cutMs) return null;
  const filter = sourceFilter(sources);
  const [row] = await db.$queryRaw<{ gross: bigint; net: bigint; transactions: bigint; fans: bigint }[]>`
    SELECT COALESCE(SUM(t.gross), 0)::bigint AS gross, COALESCE(SUM(t.net), 0)::bigint AS net, COUNT(*)::bigint AS transactions,
           COUNT(DISTINCT t."fanUuid") FILTER (WHERE NOT EXISTS (
             SELECT 1 FROM "EarningRow" h
             WHERE h."creatorId" = ANY(${creatorIds}::text[]) AND h."fanUuid" = t."fanUuid"
               AND h."occurredAt" >= ${new Date(startMs)} AND h."occurredAt" < ${new Date(cutMs)} ${filter}))::bigint AS fans
    FROM "EarningRow" t
    WHERE t."creatorId" = ANY(${creatorIds}::text[]) AND t."occurredAt" >= ${new Date(cutMs)} AND t."occurredAt" < ${new Date(endMs)} ${filter}`;
  return { gross: n(row!.gross), net: n(row!.net), transactions: n(row!.transactions), newFans: n(row!.fans) };
}

function withTail(head: Totals, tail: Tail | null): Totals {
  if (!tail) return head;
  const gross = head.gross + tail.gross;
  const net = head.net + tail.net;
  const payingFans = head.payingFans + tail.newFans;
  return {
    gross,
    net,
    transactions: head.transactions + tail.transactions,
    payingFans,
    avgPerPayingFan: average(gross, net, payingFans),
  };
}

/** Everything the report reads from the ledger, as plain numbers (it is memoized as JSON).
 * One pass over the range gives buckets, sources and totals; paying fans (a
 * distinct count) and top spenders need their own. */
async function ledgerPart(shape: LedgerShape) {
  const span = spanOf(shape);
  const [buckets, fans, previous, top, refunds] = await Promise.all([
    bucketRows(span, shape.granularity, shape.tz),
    payingFanRows(span),
    totals(span.creatorIds, shape.prevStartMs, shape.prevEndMs, shape.sources),
    topSpenderRows(span),
    refundRows(span),
  ]);
  const r0 = refunds[0]!;
  return {
    buckets: buckets.map((b) => ({ bucket: b.bucket, source: b.source, gross: n(b.gross), net: n(b.net), n: n(b.n) })),
    payingFans: n(fans[0]!.fans),
    previous,
    top: top.map(toSpender),
    refunds: { gross: n(r0.gross), net: n(r0.net), count: n(r0.count) },
  };
}

function bucketEnd(bucket: Ymd, g: "day" | "week" | "month"): Ymd {
  if (g === "day") return bucket;
  if (g === "week") return addDays(bucket, 6);
  const [y, m] = bucket.split("-").map(Number) as [number, number];
  return addDays(`${m === 12 ? y + 1 : y}-${String(m === 12 ? 1 : m + 1).padStart(2, "0")}-01`, -1);
}

/** After a sync: the reports used lately are recomputed for the new ledger. */
export const rewarmEarningsReports = (creatorId: string) => rewarmMemos(creatorId, ledgerPart);

/** A resolved range as the API shows it (without its instants in ms). */
export const strip = ({ startMs: _s, endMs: _e, ...r }: Range): ResolvedRange => r;

/** Per-creator totals for the same range (agency view), current and previous. */
export async function perCreatorTotals(
  creatorIds: string[],
  range: { startUtc: string; endUtc: string },
  previous: { startUtc: string; effectiveEndUtc: string },
  sources: string[],
) {
  const q = (from: string, to: string) => db.$queryRaw<
    { creatorId: string; gross: bigint; net: bigint; transactions: bigint; fans: bigint }[]
  >`
    SELECT "creatorId", SUM(gross)::bigint AS gross, SUM(net)::bigint AS net, COUNT(*)::bigint AS transactions, COUNT(DISTINCT "fanUuid")::bigint AS fans
    FROM "EarningRow" WHERE "creatorId" = ANY(${creatorIds}::text[]) AND "occurredAt" >= ${new Date(from)} AND "occurredAt" < ${new Date(to)} ${sourceFilter(sources)}
    GROUP BY 1`;
  const [cur, prev] = await Promise.all([
    q(range.startUtc, range.endUtc),
    q(previous.startUtc, previous.effectiveEndUtc),
  ]);
  const toMap = (rows: typeof cur) =>
    new Map(
      rows.map((r) => [
        r.creatorId,
        { gross: n(r.gross), net: n(r.net), transactions: n(r.transactions), payingFans: n(r.fans) },
      ]),
    );
  return { current: toMap(cur), previous: toMap(prev) };
}
