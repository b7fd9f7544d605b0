// GET /insights/earnings/summary: totals,
// breakdowns and time series, all summed from the same ledger rows that
// /insights/earnings lists, so the two agree to the cent.
import { send, validation } from "../http";
import type { Sandbox } from "../state";
import { EARNING_SOURCES, type EarningSource } from "../world/ledger";
import type { CreatorWorld } from "../world/types";
import { enumParam, iso } from "./common";
import {
  DAY,
  dayStart,
  HOUR,
  isoWeekday,
  localDay,
  monthBounds,
  OFFSET_SLOT,
  rangeParams,
  zoneOffset,
  zoneParam,
} from "./insights-time";
import type { Api } from "./registry";

type Money = { gross: number; net: number };
const zero = (): Money => ({ gross: 0, net: 0 });

/** Ledger sources → the summary's breakdown keys. */
const BUCKET: Record<EarningSource, "subs" | "renewals" | "messages" | "posts" | "tips" | "referrals" | "other"> = {
  subscription: "subs",
  renewal: "renewals",
  message: "messages",
  post: "posts",
  tip: "tips",
  referral: "referrals",
  affiliate: "other",
  giveaway: "other",
  mediaLink: "other",
  checkoutLink: "other",
  appStore: "other",
};

const MAX_DAYS = 20 * 366;
const round2 = (n: number) => Math.round(n * 100) / 100;

function sumBetween(c: CreatorWorld, from: number, to: number): Money {
  const l = c.ledger;
  const out = zero();
  for (let i = l.lowerBound(from), hi = l.lowerBound(to); i < hi; i++) {
    out.gross += l.gross[i]!;
    out.net += l.net[i]!;
  }
  return out;
}

/** Percentage change; null when there is nothing to compare against. */
const change = (now: number, before: number) =>
  before === 0 ? (now === 0 ? 0 : null) : round2(((now - before) / before) * 100);

export function earningsSummary(
  c: CreatorWorld,
  now: number,
  q: { start?: number; end?: number; granularity: "day" | "week"; tz: string },
) {
  const l = c.ledger;
  const all = sumBetween(c, -Infinity, Infinity);
  const month = monthBounds(q.tz, now);
  const prev = monthBounds(q.tz, now, 1);
  const thisMonth = sumBetween(c, month.start, month.end);
  const previous = sumBetween(c, prev.start, prev.end);

  const lo = q.start === undefined ? 0 : l.lowerBound(q.start);
  const hi = q.end === undefined ? l.length : l.lowerBound(q.end);
  const bySource = {
    subs: zero(),
    renewals: zero(),
    messages: zero(),
    posts: zero(),
    tips: zero(),
    referrals: zero(),
    other: zero(),
  };
  // The period's local days: from its start (or the first row) to its end (or now).
  const firstAt = q.start ?? (lo < hi ? l.at[lo]! : now);
  const lastAt = q.end !== undefined ? q.end - 1 : Math.max(now, hi > lo ? l.at[hi - 1]! : now);
  const firstDay = localDay(q.tz, firstAt);
  const lastDay = Math.max(firstDay, localDay(q.tz, lastAt));
  // One bucket per day: bound the work a far-off date could ask for.
  if (lastDay - firstDay > MAX_DAYS) throw validation("the period must span at most 20 years");
  const step = q.granularity === "week" ? 7 : 1;
  // Weeks start on Monday, like the ISO weekday keys below.
  const bucketOf = (day: number) => (step === 7 ? day - (isoWeekday(day) - 1) : day);
  const firstBucket = bucketOf(firstDay);
  const series: Money[] = [];
  for (let d = firstBucket; d <= lastDay; d += step) series.push(zero());
  const byDow = new Array<number>(8).fill(0);
  const byHour = new Array<number>(24).fill(0);
  const cells = EARNING_SOURCES.map((src) => bySource[BUCKET[src]]);
  // Rows are time-ordered, so most share the previous row's offset slot.
  let slot = NaN;
  let offset = 0;
  for (let i = lo; i < hi; i++) {
    const g = l.gross[i]!;
    const n = l.net[i]!;
    const b = cells[l.source[i]!]!;
    b.gross += g;
    b.net += n;
    const at = l.at[i]!;
    if (Math.floor(at / OFFSET_SLOT) !== slot) {
      slot = Math.floor(at / OFFSET_SLOT);
      offset = zoneOffset(q.tz, at);
    }
    const local = at + offset;
    const day = Math.floor(local / DAY);
    const cell = series[Math.floor((bucketOf(day) - firstBucket) / step)];
    if (cell) {
      cell.gross += g;
      cell.net += n;
    }
    byDow[isoWeekday(day)]! += g;
    byHour[Math.floor(local / HOUR) % 24]! += g;
  }
  const days = lastDay - firstDay + 1;
  const dowDays = new Array<number>(8).fill(0);
  for (let d = firstDay; d <= lastDay; d++) dowDays[isoWeekday(d)]!++;
  const averageByDayOfWeek: Record<string, number> = {};
  for (let w = 1; w <= 7; w++) averageByDayOfWeek[String(w)] = dowDays[w] ? round2(byDow[w]! / dowDays[w]!) : 0;
  const averageByHourOfDay: Record<string, number> = {};
  for (let h = 0; h < 24; h++) averageByHourOfDay[String(h)] = round2(byHour[h]! / days);

  return {
    totals: {
      allTime: all,
      thisMonth: {
        gross: thisMonth.gross,
        net: thisMonth.net,
        grossChangePercentage: change(thisMonth.gross, previous.gross),
        netChangePercentage: change(thisMonth.net, previous.net),
        previousMonthGross: previous.gross,
        previousMonthNet: previous.net,
      },
    },
    breakdownBySource: bySource,
    earningsByType: {
      subs: bySource.subs,
      renewals: bySource.renewals,
      messages: bySource.messages,
      tips: bySource.tips,
    },
    overTime: series.map((m, k) => ({
      periodStart: iso(dayStart(q.tz, firstBucket + k * step)),
      gross: m.gross,
      net: m.net,
    })),
    averageByDayOfWeek,
    averageByHourOfDay,
    period: { startDate: iso(q.start), endDate: iso(q.end), granularity: q.granularity, timezone: q.tz },
  };
}

export function registerSummary(api: Api, sb: Sandbox) {
  const spec = { subject: "creator" as const };
  for (const path of ["/insights/earnings/summary"]) {
    api.route("GET", path, spec, (ctx) => {
      const { start, end } = rangeParams(ctx);
      const granularity = enumParam(ctx, "granularity", ["day", "week"] as const, "day")!;
      const tz = zoneParam(ctx);
      send(ctx, 200, earningsSummary(ctx.creator, sb.clock.now(), { start, end, granularity, tz }));
    });
  }
}
