import "server-only";
import type { EarningsQuery } from "@/lib/schemas/earnings";
import {
  LAPSE_DAYS,
  type SubscriberTrends,
  type SubscriberTrendsQuery,
  type SubscriberTrendsRow,
} from "@/lib/schemas/subscriber-trends";
import type { CreatorRef } from "@/lib/server/creators/ref";
import { db } from "@/lib/server/db";
import { resolveRange } from "@/lib/server/earnings/report";
import type { WorkspaceAccess } from "@/lib/server/workspaces/access";
import { scopedCreatorWhere } from "@/lib/server/workspaces/access";
import { addDays, addMonths, bucketStarts, offsetSpans, type Ymd } from "@/lib/utils/date-range";
import { autoRenewHistory, recordSubscriberDays } from "./subscriber-days";
import { fanvueDailyCounts, type DayCounts } from "./subscriber-trends-fanvue";

// Subscriber trends per day, week or month in the viewer's zone.
// From our own ledger (exact instants, bucketed by Postgres in the zone, DST
// included): new paid (distinct fans with a paid 'subscription' row), renewed
// (a paid 'renewal' row), lapsed (a paid subscription or renewal followed by
// none for LAPSE_DAYS, counted at that instant once it is past) and net paid.
// Payments Fanvue reports without a fan cannot be followed and are left out.
// From Fanvue (subscriber-trends-fanvue.ts): new subscribers with free trials
// and free subscriptions, and cancellations, per local day, summed into the
// buckets; trials = Fanvue's new − our new paid. A fan of two creators counts
// once per creator.

type Granularity = SubscriberTrendsQuery["granularity"];
type LedgerRow = { bucket: string; newPaid: number; renewed: number; lapsed: number };

const DAY_MS = 86_400_000;

async function ledgerBuckets(creatorIds: string[], start: Date, end: Date, g: Granularity, tz: string, now: number) {
  const lapseEnd = new Date(Math.min(end.getTime(), now));
  const lookback = new Date(start.getTime() - LAPSE_DAYS * DAY_MS);
  return db.$queryRaw<LedgerRow[]>`
    WITH paid AS (
      SELECT e."creatorId", e."fanUuid", e.source, e."occurredAt" AS at,
             lead(e."occurredAt") OVER (PARTITION BY e."creatorId", e."fanUuid" ORDER BY e."occurredAt") AS next
      FROM "EarningRow" e
      WHERE e."creatorId" = ANY(${creatorIds}::text[]) AND e."fanUuid" IS NOT NULL AND e.gross > 0
        AND e.source IN ('subscription', 'renewal') AND e."occurredAt" >= ${lookback}
    ), events AS (
      SELECT p."creatorId", p."fanUuid", p.source AS kind, p.at FROM paid p WHERE p.at >= ${start} AND p.at < ${end}
      UNION ALL
      SELECT p."creatorId", p."fanUuid", 'lapse', p.at + ${LAPSE_DAYS} * interval '1 day'
      FROM paid p
      WHERE p.at + ${LAPSE_DAYS} * interval '1 day' >= ${start} AND p.at + ${LAPSE_DAYS} * interval '1 day' < ${lapseEnd}
        AND (p.next IS NULL OR p.next > p.at + ${LAPSE_DAYS} * interval '1 day')
    )
    SELECT to_char(date_trunc(${g}, (v.at AT TIME ZONE 'UTC') AT TIME ZONE ${tz}), 'YYYY-MM-DD') AS bucket,
           (count(DISTINCT (v."creatorId", v."fanUuid")) FILTER (WHERE v.kind = 'subscription'))::int AS "newPaid",
           (count(DISTINCT (v."creatorId", v."fanUuid")) FILTER (WHERE v.kind = 'renewal'))::int AS renewed,
           (count(DISTINCT (v."creatorId", v."fanUuid")) FILTER (WHERE v.kind = 'lapse'))::int AS lapsed
    FROM events v
    GROUP BY 1`;
}

/** The start of the bucket a local day falls in (weeks start Monday). */
function bucketOfDay(day: Ymd, g: Granularity): Ymd {
  if (g === "day") return day;
  if (g === "month") return `${day.slice(0, 8)}01`;
  const dow = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(day, -dow);
}

function bucketLastDay(bucket: Ymd, g: Granularity): Ymd {
  if (g === "day") return bucket;
  return g === "week" ? addDays(bucket, 6) : addDays(addMonths(bucket, 1), -1);
}

type Range = { from: Ymd; to: Ymd; partial: boolean };

function buildRows(r: Range, g: Granularity, ledger: LedgerRow[], days: DayCounts | null): SubscriberTrendsRow[] {
  const byBucket = new Map(ledger.map((l) => [l.bucket, l]));
  const fanvue = new Map<Ymd, { fanvueNew: number; cancelled: number }>();
  for (const [day, c] of days ?? []) {
    if (day < r.from || day > r.to) continue;
    const b = bucketOfDay(day, g);
    const f = fanvue.get(b) ?? { fanvueNew: 0, cancelled: 0 };
    f.fanvueNew += c.fanvueNew;
    f.cancelled += c.cancelled;
    fanvue.set(b, f);
  }
  return bucketStarts(r.from, r.to, g).map((bucket, i, all) => {
    const l = byBucket.get(bucket);
    const newPaid = l?.newPaid ?? 0;
    const lapsed = l?.lapsed ?? 0;
    const f = days ? (fanvue.get(bucket) ?? { fanvueNew: 0, cancelled: 0 }) : null;
    return {
      bucket,
      partial: (i === 0 && bucket < r.from) || (i === all.length - 1 && (r.partial || bucketLastDay(bucket, g) > r.to)),
      newPaid,
      renewed: l?.renewed ?? 0,
      lapsed,
      netPaid: newPaid - lapsed,
      fanvueNew: f?.fanvueNew ?? null,
      cancelled: f?.cancelled ?? null,
      trials: f ? Math.max(0, f.fanvueNew - newPaid) : null,
    };
  });
}

function totalsOf(rows: SubscriberTrendsRow[], fanvue: boolean): SubscriberTrends["totals"] {
  const sum = (k: "newPaid" | "renewed" | "lapsed" | "netPaid" | "fanvueNew" | "cancelled" | "trials") =>
    rows.reduce((s, r) => s + (r[k] ?? 0), 0);
  return {
    newPaid: sum("newPaid"),
    renewed: sum("renewed"),
    lapsed: sum("lapsed"),
    netPaid: sum("netPaid"),
    fanvueNew: fanvue ? sum("fanvueNew") : null,
    cancelled: fanvue ? sum("cancelled") : null,
    trials: fanvue ? sum("trials") : null,
  };
}

export async function getSubscriberTrends(
  refs: CreatorRef[],
  q: SubscriberTrendsQuery,
  now = Date.now(),
): Promise<SubscriberTrends> {
  const ids = refs.map((r) => r.creator.id);
  const range = await resolveRange({ ...q, sources: [] } as EarningsQuery, ids, now);
  const spans = offsetSpans(range.from, range.to, range.tz);
  // Today's auto-renew record, if the scheduler has not taken it yet.
  await recordSubscriberDays(ids, now);
  const [ledger, fv, autoRenew, synced] = await Promise.all([
    ledgerBuckets(ids, new Date(range.startMs), new Date(range.endMs), q.granularity, range.tz, now),
    fanvueDailyCounts(refs, spans, range.tz),
    autoRenewHistory(ids),
    db.syncState.aggregate({ where: { creatorId: { in: ids }, stream: "earnings" }, _min: { lastSyncedAt: true } }),
  ]);
  const rows = buildRows(range, q.granularity, ledger, fv.fanvue.state === "unavailable" ? null : fv.days);
  return {
    range: {
      from: range.from,
      to: range.to,
      tz: range.tz,
      startUtc: range.startUtc,
      endUtc: range.endUtc,
      partial: range.partial,
      granularity: q.granularity,
    },
    rows,
    totals: totalsOf(rows, fv.fanvue.state !== "unavailable"),
    fanvue: fv.fanvue,
    fanvueSpans: spans.map((s) => ({ startDate: s.startDate, endDate: s.endDate })),
    autoRenew,
    ledgerSyncedAt: synced._min.lastSyncedAt?.toISOString() ?? null,
  };
}

/** The creators of a workspace the member may see, as Fanvue calls need them. */
export async function scopedCreatorRefs(access: WorkspaceAccess): Promise<CreatorRef[]> {
  const creators = await db.creator.findMany({ where: scopedCreatorWhere(access), orderBy: { displayName: "asc" } });
  return creators.map((c) => ({
    workspace: access.workspace,
    creator: {
      id: c.id,
      fanvueUuid: c.fanvueUuid,
      handle: c.handle,
      displayName: c.displayName,
      avatarUrl: c.avatarUrl,
    },
  }));
}
