import "server-only";
import { isTimeZone } from "@/lib/utils/time";
import { Prisma } from "@/generated/prisma/client";
import { TZDate } from "@date-fns/tz";
import { addDays, format, startOfDay } from "date-fns";
import type { Forecast, ForecastDay, ForecastDayFans } from "@/lib/schemas/fans";
import { ApiError } from "@/lib/server/api/errors";
import { db } from "@/lib/server/db";
import { utcInstant } from "@/lib/server/sql-instant";
import type { CreatorAccess } from "@/lib/server/workspaces/access";
import { auditFanView } from "@/lib/server/fans/audit";
import { audienceCounts, coverageOf } from "@/lib/server/fans/analysis/coverage";
import { hasFanInsights, type CreatorRef } from "@/lib/server/fans/insights/insights";
import { ledgerRenewalPrice } from "@/lib/server/fans/ledger";
import { toProfile } from "@/lib/server/fans/roster/roster";

// Renewal forecast: active subscriptions renewing in the next N days, per
// day in the viewer's time zone. Auto-renew on = expected; off = at risk.

// 200 fans a day: a scrollable list; the total per day is always exact.
const DAY_FANS_MAX = 200;

/** IANA zone known to both Node and PostgreSQL, else a 400 naming it. */
async function assertTimeZone(tz: string) {
  if (!isTimeZone(tz)) {
    throw new ApiError("invalid_input", `tz: unknown time zone "${tz}" (use an IANA name such as Europe/London).`, {
      field: "tz",
    });
  }
  const [row] = await db.$queryRaw<
    { ok: boolean }[]
  >`SELECT EXISTS (SELECT 1 FROM pg_timezone_names WHERE name = ${tz}) AS ok`;
  if (!row?.ok) throw new ApiError("invalid_input", `tz: time zone "${tz}" is not supported.`, { field: "tz" });
}

/** Lifetime gross from which a paying fan is among the top 10 %. */
async function highSpenderMin(creatorId: string): Promise<number | null> {
  const [row] = await db.$queryRaw<{ v: number | null }[]>`
    SELECT percentile_disc(0.9) WITHIN GROUP (ORDER BY "totalGross") AS v FROM "FanInsight"
    WHERE "creatorId" = ${creatorId} AND "fetchedAt" IS NOT NULL AND "totalGross" > 0`;
  return row?.v ?? null;
}

/** Subscription money in a fan's `sources`: first payments and renewals,
 * under whichever of the names Fanvue uses (see components/fans/format.ts). */
const SUBSCRIPTION_SPEND = Prisma.sql`(COALESCE((sources->>'subscription')::bigint, 0) + COALESCE((sources->>'subs')::bigint, 0)
  + COALESCE((sources->>'renewal')::bigint, 0) + COALESCE((sources->>'renewals')::bigint, 0))`;

/** Without a ledger: the typical subscription payment, i.e. the median over
 * subscribers of subscription spend ÷ 30-day periods since they subscribed. */
async function estimatedPrice(creatorId: string): Promise<number | null> {
  const [row] = await db.$queryRaw<{ v: number | null }[]>`
    SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY est) AS v FROM (
      SELECT (${SUBSCRIPTION_SPEND} / GREATEST(1, round(extract(epoch FROM ("renewsAt" - "subscribedAt")) / 2592000)))::int AS est
      FROM "FanInsight"
      WHERE "creatorId" = ${creatorId} AND status = 'subscriber' AND "subscribedAt" IS NOT NULL AND "renewsAt" IS NOT NULL
        AND ${SUBSCRIPTION_SPEND} > 0) s`;
  return row?.v ?? null;
}

function windowOf(tz: string, days: number, now = Date.now()) {
  const start = startOfDay(new TZDate(now, tz));
  return { start, end: addDays(start, days) };
}

export async function getForecast(ref: CreatorRef, q: { tz: string; days: number }): Promise<Forecast> {
  await assertTimeZone(q.tz);
  const creatorId = ref.creator.id;
  const coverage = await coverageOf(creatorId, "subscribers", await audienceCounts(ref));
  if (!hasFanInsights(ref))
    return {
      tz: q.tz,
      days: [],
      renewalPrice: null,
      priceSource: null,
      highSpenderMin: null,
      coverage,
      insightsAvailable: false,
    };
  const { start, end } = windowOf(q.tz, q.days);
  const [high, ledgerPrice] = await Promise.all([highSpenderMin(creatorId), ledgerRenewalPrice(creatorId)]);
  const price = ledgerPrice ?? (await estimatedPrice(creatorId));
  const rows = await db.$queryRaw<{ day: string; count: number; atRisk: number; highAtRisk: number }[]>`
    SELECT to_char(("renewsAt" AT TIME ZONE 'UTC') AT TIME ZONE ${q.tz}, 'YYYY-MM-DD') AS day,
      count(*) FILTER (WHERE "autoRenew")::int AS count,
      count(*) FILTER (WHERE NOT COALESCE("autoRenew", false))::int AS "atRisk",
      count(*) FILTER (WHERE NOT COALESCE("autoRenew", false) AND "totalGross" >= ${high ?? 2 ** 31 - 1})::int AS "highAtRisk"
    FROM "FanInsight"
    WHERE "creatorId" = ${creatorId} AND status = 'subscriber' AND "renewsAt" >= ${utcInstant(start)} AND "renewsAt" < ${utcInstant(end)}
    GROUP BY 1`;
  const byDay = new Map(rows.map((r) => [r.day, r]));
  const days: ForecastDay[] = Array.from({ length: q.days }, (_, i) => {
    const date = format(addDays(start, i), "yyyy-MM-dd");
    const r = byDay.get(date);
    const count = r?.count ?? 0;
    const atRisk = r?.atRisk ?? 0;
    // Integer cents × count: exact, no floats.
    return {
      date,
      count,
      expectedGross: price === null ? 0 : count * price,
      atRiskCount: atRisk,
      atRiskGross: price === null ? 0 : atRisk * price,
      highSpendersAtRisk: r?.highAtRisk ?? 0,
    };
  });
  return {
    tz: q.tz,
    days,
    renewalPrice: price,
    priceSource: ledgerPrice !== null ? "ledger" : price !== null ? "estimate" : null,
    highSpenderMin: high,
    coverage,
    insightsAvailable: true,
  };
}

/** Midnight (or the day's first moment) of a YYYY-MM-DD in the zone. Built
 * from the date's fields in the zone: a date string would be parsed in the
 * server's zone, and its noon is another day in zones more than 12 h away
 * (Pacific/Chatham is UTC+13:45). Feb 30 rolls over; the caller checks. */
function dayStart(day: string, tz: string) {
  const [y, m, d] = day.split("-").map(Number);
  return startOfDay(new TZDate(y!, m! - 1, d!, 12, tz));
}

/** The fans behind one day: at-risk high spenders first, then by spend. */
export async function getForecastDay(
  access: CreatorAccess,
  q: { tz: string; day: string },
  user: { id: string; name: string },
): Promise<ForecastDayFans> {
  const ref = access;
  await assertTimeZone(q.tz);
  const creatorId = ref.creator.id;
  const start = dayStart(q.day, q.tz);
  if (Number.isNaN(start.getTime()) || format(start, "yyyy-MM-dd") !== q.day)
    throw new ApiError("invalid_input", `day: ${q.day} is not a date.`, { field: "day" });
  const end = addDays(start, 1);
  const high = await highSpenderMin(creatorId);
  const rows = await db.$queryRaw<
    (Parameters<typeof toProfile>[0] & { renewsAt: Date; autoRenew: boolean | null; totalGross: number | null })[]
  >`
    SELECT i."fanUuid", COALESCE(a.handle, '') AS handle, a."displayName", a.nickname, a."avatarUrl", COALESCE(a."isTopSpender", false) AS "isTopSpender",
      COALESCE(a.list, 'subscribers') AS list, i."renewsAt", i."autoRenew", i."totalGross"
    FROM "FanInsight" i LEFT JOIN "AudienceFan" a ON a."creatorId" = i."creatorId" AND a."fanUuid" = i."fanUuid"
    WHERE i."creatorId" = ${creatorId} AND i.status = 'subscriber' AND i."renewsAt" >= ${utcInstant(start)} AND i."renewsAt" < ${utcInstant(end)}
    ORDER BY (NOT COALESCE(i."autoRenew", false) AND i."totalGross" >= ${high ?? 2 ** 31 - 1}) DESC, i."totalGross" DESC NULLS LAST, i."fanUuid"
    LIMIT ${DAY_FANS_MAX + 1}`;
  const fans = rows.slice(0, DAY_FANS_MAX).map((r) => ({
    ...toProfile(r),
    renewsAt: new Date(r.renewsAt).toISOString(),
    autoRenew: r.autoRenew ?? false,
    totalGross: r.totalGross,
    highSpender: high !== null && (r.totalGross ?? 0) >= high,
  }));
  if (fans.length) await auditFanView(access, user, { target: `forecast:${q.day}`, details: { fans: fans.length } });
  return { date: q.day, fans, truncated: rows.length > DAY_FANS_MAX };
}
