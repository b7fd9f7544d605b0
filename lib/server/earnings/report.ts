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

function totalsFrom(rows: { gross: bigint; net: bigint; n: bigint }[], payingFans: number): Totals {
  const gross = rows.reduce((s, r) => s + n(r.gross), 0);
  const net = rows.reduce((s, r) => s + n(r.net), 0);
  return {
    gross,
    net,
    transactions: rows.reduce((s, r) => s + n(r.n), 0),
    payingFans,
    avgPerPayingFan: payingFans ? { gross: Math.round(gross / payingFans), net: Math.round(net / payingFans) } : null,
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
    // Rounded to the cent: an average is a display figure, not a ledger one.
    avgPerPayingFan: payingFans ? { gross: Math.round(gross / payingFans), net: Math.round(net / payingFans) } : null,
  };
}

type BucketRow = { bucket: string; source: string; gross: bigint; net: bigint; n: bigint };
type SpenderRow = {
  fanUuid: string;
  handle: string | null;
  name: string | null;
  gross: bigint;
  net: bigint;
  transactions: bigint;
};
type Span = { creatorIds: string[]; start: Date; end: Date; filter: Prisma.Sql };

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
  buckets: BucketRow[],
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
function bySourceGroup(rows: BucketRow[]) {
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
  const span: Span = {
    creatorIds,
    start: new Date(range.startMs),
    end: new Date(range.endMs),
    filter: sourceFilter(q.sources),
  };

  // One pass over the range gives buckets, sources and totals; paying fans
  // (a distinct count) and top spenders need their own.
  const [buckets, fans, previous, top, refunds, sync, pending] = await Promise.all([
    bucketRows(span, q.granularity, q.tz),
    payingFanRows(span),
    totals(creatorIds, prev.startMs, prevEffectiveEnd, q.sources),
    topSpenderRows(span),
    refundRows(span),
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
  const r0 = refunds[0]!;
  return {
    currency: "USD",
    range: { ...strip(range), granularity: q.granularity, preset: q.range },
    previous: { ...strip(prev), effectiveEndUtc: new Date(prevEffectiveEnd).toISOString() },
    totals: totalsFrom(buckets, n(fans[0]!.fans)),
    previousTotals: previous,
    refunds: { gross: n(r0.gross), net: n(r0.net), count: n(r0.count) },
    series: buildSeries(range, q.granularity, buckets, pending.byBucket),
    bySource: bySourceGroup(buckets),
    topSpenders: top.map(toSpender),
    sync,
    provisional: pending.provisional,
  };
}

function bucketEnd(bucket: Ymd, g: "day" | "week" | "month"): Ymd {
  if (g === "day") return bucket;
  if (g === "week") return addDays(bucket, 6);
  const [y, m] = bucket.split("-").map(Number) as [number, number];
  return addDays(`${m === 12 ? y + 1 : y}-${String(m === 12 ? 1 : m + 1).padStart(2, "0")}-01`, -1);
}

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
