import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { CHECKPOINT_DAYS, type CohortValue, type CohortValueQuery, type ValueCohort } from "@/lib/schemas/growth";
import { db } from "@/lib/server/db";
import { commentLine, csvResponse, ownCell, textCell } from "@/lib/utils/csv";
import { addMonths, localDate, startOfLocalDay } from "@/lib/utils/date-range";
import { centsToDecimal } from "@/lib/utils/money";

// Cohort value: what fans are worth in the days after their first payment,
// per cohort: the month (in the viewer's zone) of that first payment, or the
// tracking link that brought them in (Fanvue's GET /tracking-links/{uuid}/users,
// mirrored in TrackingLinkFan). Read from FanLedgerSummary, which keeps each
// fan's cumulative net at CHECKPOINT_DAYS after their first payment.
//
// Definitions (written on the page too): value at N days = net (after
// Fanvue's share) of every ledger row in [first payment, first payment + N
// days), averaged over paying fans whose first payment is more than N days
// old, so a young cohort is not dragged down by days it has not lived yet:
// for a month, only once all its fans are (a closed cohort: its curve follows
// the same fans all along); for a link, over those who are (it keeps bringing
// fans in). Renewal rate = share of subscribers whose first payment is more
// than 35 days old (a month plus Fanvue's retry days) with at least one paid
// renewal; for a month, once all its subscribers are.
//
// Speed (scripts/bench/growth.ts): months read FanCohortHour (fans per UTC
// hour of first payment, with their sums) grouped by two bucket numbers
// computed against instants made here: the month (its local start) and the
// maturity level (how many of the cutoffs "now − N days" the first payment is
// at or after). An hour that a cutoff, or a local month start off the whole
// hour (India, Nepal), cuts in two is read from its fans instead.

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const RENEWAL_AGE_DAYS = 35;
/** Every cutoff, oldest first: the checkpoints and the renewal age. */
const CUT_DAYS = [...new Set([...CHECKPOINT_DAYS, RENEWAL_AGE_DAYS])].sort((a, b) => b - a);

type Decimal = Prisma.Decimal;
/** One (cohort, maturity level) group: level = how many cutoffs the first payment is at or after (null:
 * never paid); sums[i] = net at CHECKPOINT_DAYS[i] summed over its fans (null when none paid). */
type Bucket = {
  key: string;
  lvl: number | null;
  fans: number;
  subscribed: number;
  renewed: number;
  sums: (Decimal | string | null)[];
};

// The checkpoints' columns, in CHECKPOINT_DAYS order (7, 14, 30, 60, 90, 120, 150, 180 days).
const HOUR_SUMS = Prisma.sql`ARRAY[sum(h.v7), sum(h.v14), sum(h.v30), sum(h.v60), sum(h.v90), sum(h.v120),
  sum(h.v150), sum(h.v180)] AS sums`;
const FAN_SUMS = Prisma.sql`ARRAY[sum(s.value[1]), sum(s.value[2]), sum(s.value[3]), sum(s.value[4]),
  sum(s.value[5]), sum(s.value[6]), sum(s.value[7]), sum(s.value[8])] AS sums`;

/** Month cohorts: whole hours from the rollup, cut hours from the fans. */
function monthBuckets(creatorIds: string[], starts: Date[], cuts: Date[], cutHours: Date[]) {
  const from = starts[0]!;
  const to = starts[starts.length - 1]!;
  return db.$queryRaw<Bucket[]>`
    SELECT width_bucket(h.hour, ${starts}::timestamp[])::text AS key, width_bucket(h.hour, ${cuts}::timestamp[]) AS lvl,
           sum(h.fans)::int AS fans, sum(h.subscribed)::int AS subscribed, sum(h.renewed)::int AS renewed,
           ${HOUR_SUMS}
    FROM "FanCohortHour" h
    WHERE h."creatorId" = ANY(${creatorIds}::text[]) AND h.hour >= ${from} AND h.hour < ${to}
      AND h.hour <> ALL(${cutHours}::timestamp[])
    GROUP BY 1, 2
    UNION ALL
    SELECT width_bucket(s."firstPaidAt", ${starts}::timestamp[])::text, width_bucket(s."firstPaidAt", ${cuts}::timestamp[]),
           count(*)::int, (count(*) FILTER (WHERE s."firstSubAt" IS NOT NULL))::int,
           (count(*) FILTER (WHERE s.renewals > 0))::int,
           ${FAN_SUMS}
    FROM unnest(${cutHours}::timestamp[]) c(hour)
    JOIN "FanLedgerSummary" s ON s."creatorId" = ANY(${creatorIds}::text[])
      AND s."firstPaidAt" >= c.hour AND s."firstPaidAt" < c.hour + interval '1 hour'
    WHERE s."firstPaidAt" >= ${from} AND s."firstPaidAt" < ${to}
    GROUP BY 1, 2`;
}

/** Link cohorts: every fan Fanvue says the link brought in, paying or not. */
function linkBuckets(creatorIds: string[], cuts: Date[]) {
  return db.$queryRaw<Bucket[]>`
    SELECT l."linkUuid" AS key, width_bucket(s."firstPaidAt", ${cuts}::timestamp[]) AS lvl,
           count(*)::int AS fans, (count(*) FILTER (WHERE s."firstSubAt" IS NOT NULL))::int AS subscribed,
           (count(*) FILTER (WHERE s.renewals > 0))::int AS renewed,
           ${FAN_SUMS}
    FROM "TrackingLinkFan" l
    LEFT JOIN "FanLedgerSummary" s ON s."creatorId" = l."creatorId" AND s."fanUuid" = l."fanUuid"
    WHERE l."creatorId" = ANY(${creatorIds}::text[])
    GROUP BY 1, 2`;
}

/** Folds a cohort's buckets into its figures. A fan is old enough for a cutoff when its level is at most the
 * cutoff's index (first payment before it). `whole`: a figure only once every fan of the cohort is old enough
 * (a month's cohort is closed, so its curve is the same fans all along); otherwise over the fans old enough (a
 * link keeps bringing fans in). */
function fold(key: string, label: string, buckets: Bucket[], whole: boolean): ValueCohort {
  const paid = buckets.filter((b) => b.lvl !== null);
  const olderThan = (days: number) => paid.filter((b) => b.lvl! <= CUT_DAYS.indexOf(days));
  const count = (bs: Bucket[], f: "fans" | "subscribed" | "renewed") => bs.reduce((n, b) => n + b[f], 0);
  const mature = CHECKPOINT_DAYS.map((d) => count(olderThan(d), "fans"));
  const paying = count(paid, "fans");
  const value = CHECKPOINT_DAYS.map((d, i) => {
    if (!mature[i] || (whole && mature[i] !== paying)) return null;
    const sum = olderThan(d).reduce((t, b) => t.add(String(b.sums[i] ?? 0)), new Prisma.Decimal(0));
    return sum.div(mature[i]!).toDecimalPlaces(0, Prisma.Decimal.ROUND_HALF_UP).toNumber();
  });
  const renewable = olderThan(RENEWAL_AGE_DAYS);
  const subscribers = count(renewable, "subscribed");
  const settled = subscribers > 0 && (!whole || subscribers === count(paid, "subscribed"));
  return {
    key,
    label,
    fans: count(buckets, "fans"),
    paying,
    subscribers,
    renewalRate: settled ? count(renewable, "renewed") / subscribers : null,
    mature,
    value,
  };
}

/** The cutoffs (oldest first) and the hours they cut. */
function cutoffs(now: number) {
  const cuts = CUT_DAYS.map((d) => new Date(now - d * DAY_MS));
  return { cuts, hours: cuts.map((c) => new Date(Math.floor(c.getTime() / HOUR_MS) * HOUR_MS)) };
}

async function byMonth(creatorIds: string[], q: CohortValueQuery, now: number) {
  const thisMonth = localDate(now, q.tz).slice(0, 7);
  const first = addMonths(`${thisMonth}-01`, -(q.months - 1));
  const months = Array.from({ length: q.months + 1 }, (_, i) => addMonths(first, i));
  const starts = months.map((m) => new Date(startOfLocalDay(m, q.tz)));
  const { cuts, hours } = cutoffs(now);
  const offHour = starts
    .filter((s) => s.getTime() % HOUR_MS !== 0)
    .map((s) => new Date(s.getTime() - (s.getTime() % HOUR_MS)));
  const cutHours = [...new Map([...hours, ...offHour].map((h) => [h.getTime(), h])).values()];
  const buckets = await monthBuckets(creatorIds, starts, cuts, cutHours);
  return months.slice(0, -1).map((m, i) => {
    const month = m.slice(0, 7);
    return fold(
      month,
      month,
      buckets.filter((b) => b.key === String(i + 1)),
      true,
    );
  });
}

async function byLink(creatorIds: string[], now: number) {
  const [buckets, links] = await Promise.all([
    linkBuckets(creatorIds, cutoffs(now).cuts),
    db.trackingLink.findMany({
      where: { creatorId: { in: creatorIds } },
      select: { uuid: true, name: true, createdAt: true, deletedAt: true, creatorId: true },
      orderBy: { createdAt: "desc" },
    }),
  ]);
  const handles =
    creatorIds.length > 1
      ? new Map(
          (await db.creator.findMany({ where: { id: { in: creatorIds } }, select: { id: true, handle: true } })).map(
            (c) => [c.id, c.handle],
          ),
        )
      : null;
  return links.map((l) => {
    const label = `${l.name}${handles ? ` · @${handles.get(l.creatorId)}` : ""}${l.deletedAt ? " (deleted)" : ""}`;
    return fold(
      l.uuid,
      label,
      buckets.filter((b) => b.key === l.uuid),
      false,
    );
  });
}

export async function getCohortValue(
  creatorIds: string[],
  q: CohortValueQuery,
  now = Date.now(),
): Promise<CohortValue> {
  const [cohorts, synced, links] = await Promise.all([
    q.by === "month" ? byMonth(creatorIds, q, now) : byLink(creatorIds, now),
    db.syncState.aggregate({
      where: { creatorId: { in: creatorIds }, stream: "earnings" },
      _min: { lastSyncedAt: true },
    }),
    db.trackingLinkSync.aggregate({ where: { creatorId: { in: creatorIds } }, _min: { lastSyncedAt: true } }),
  ]);
  return {
    tz: q.tz,
    by: q.by,
    days: CHECKPOINT_DAYS,
    cohorts,
    ledgerSyncedAt: synced._min.lastSyncedAt?.toISOString() ?? null,
    linksSyncedAt: q.by === "link" ? (links._min.lastSyncedAt?.toISOString() ?? null) : null,
  };
}

/** The table as CSV lines: one row per cohort, the same figures as the screen (money in dollars). */
export function cohortValueLines(v: CohortValue): string[] {
  const header = [
    v.by === "month" ? "cohort_month" : "tracking_link",
    ...(v.by === "link" ? ["link_uuid"] : []),
    "fans",
    "paying_fans",
    "subscribers_35d",
    "renewal_rate",
    ...v.days.flatMap((d) => [`net_per_paying_fan_${d}d`, `fans_${d}d_old`]),
  ];
  return [
    commentLine(`Vuedeck cohort value: net per paying fan N days after their first payment (${v.tz})`),
    header.join(","),
    ...v.cohorts.map((c) =>
      [
        textCell(c.label),
        ...(v.by === "link" ? [textCell(c.key)] : []),
        ownCell(c.fans),
        ownCell(c.paying),
        ownCell(c.subscribers),
        ownCell(c.renewalRate === null ? null : c.renewalRate.toFixed(4)),
        ...c.value.flatMap((x, i) => [ownCell(x === null ? null : centsToDecimal(x)), ownCell(c.mature[i]!)]),
      ].join(","),
    ),
  ];
}

export const cohortValueCsv = (v: CohortValue, name: string) =>
  csvResponse(cohortValueLines(v), `cohort-value-${v.by}-${name}.csv`);
