// §5.8 Insights: earnings and spending rows, subscriber history, top spenders
// and the earnings percentile. Summary and fan insights live beside this file.
// Every figure is computed from the ledger rows the list endpoints return.
import { send, type Router } from "../http";
import type { Sandbox } from "../state";
import { EARNING_SOURCES } from "../world/ledger";
import type { CreatorWorld } from "../world/types";
import { cursorParams, encodeCursor, fanUserOf, iso, pageParams, paged } from "./common";
import { registerFanInsights } from "./insights-fans";
import { boundCursor, EARNINGS_FILTER, earningRow, pageDown, sourceFilter, spendingRow } from "./insights-rows";
import { registerSummary } from "./insights-summary";
import { DAY, intQuery, midnightAtOffset, rangeParams } from "./insights-time";
import type { Api } from "./registry";

const READ = { subject: "creator" as const };

export function registerInsights(api: Api, sb: Sandbox, open: Router) {
  api.route("GET", "/insights/earnings", READ, (ctx) => {
    const { start, end } = rangeParams(ctx);
    const size = intQuery(ctx, "size", 20, 1, 50);
    const filter = sourceFilter(ctx, EARNINGS_FILTER);
    const l = ctx.creator.ledger;
    const bound = boundCursor(ctx, l.length);
    const lo = start === undefined ? 0 : l.lowerBound(start);
    const hi = Math.min(end === undefined ? l.length : l.lowerBound(end), bound ?? l.length);
    const wanted =
      filter && new Set([...filter].map((s) => EARNING_SOURCES.indexOf(s as (typeof EARNING_SOURCES)[number])));
    send(
      ctx,
      200,
      pageDown(
        lo,
        hi,
        size,
        (i) => !wanted || wanted.has(l.source[i]!),
        (i) => earningRow(ctx.creator, i, sb.clock.now()),
      ),
    );
  });

  // Spending is not listed among the agency's creator-scoped routes (§6).
  api.route("GET", "/insights/spending", { subject: "creator" }, (ctx) => {
    const { start, end } = rangeParams(ctx);
    const size = intQuery(ctx, "size", 20, 1, 50);
    const filter = sourceFilter(ctx, ["all", "refund", "chargeback"] as const);
    const rows = ctx.creator.spending;
    const bound = boundCursor(ctx, rows.length);
    const lowerBound = (t: number) => {
      let lo = 0;
      let hi = rows.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (rows[mid]!.at < t) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    const lo = start === undefined ? 0 : lowerBound(start);
    const hi = Math.min(end === undefined ? rows.length : lowerBound(end), bound ?? rows.length);
    send(
      ctx,
      200,
      pageDown(
        lo,
        hi,
        size,
        (i) => !filter || filter.has(rows[i]!.source),
        (i) => spendingRow(ctx.creator, i),
      ),
    );
  });

  api.route("GET", "/insights/subscribers", READ, (ctx) => {
    const { start: raw, end: qe } = rangeParams(ctx);
    // "Time component is ignored for daily aggregation": days start at midnight of the startDate's offset.
    const qs = raw === undefined ? undefined : (midnightAtOffset(ctx.query.get("startDate")!) ?? raw);
    const p = cursorParams(ctx, "size");
    const now = sb.clock.now();
    const end = qe ?? Math.max(now, (qs ?? 0) + DAY);
    // Default window: the last 30 UTC days, today included.
    const start = qs ?? Math.floor(end / DAY) * DAY - 29 * DAY;
    if (start >= end) send(ctx, 200, { data: [], nextCursor: null });
    else send(ctx, 200, subscriberBuckets(ctx.creator, start, end, p.offset, p.size));
  });

  api.route("GET", "/insights/top-spenders", { subject: "creator" }, (ctx) => {
    const { start, end } = rangeParams(ctx);
    const p = pageParams(ctx);
    const c = ctx.creator;
    const l = c.ledger;
    const totals = new Map<number, { gross: number; net: number; messages: number }>();
    const lo = start === undefined ? 0 : l.lowerBound(start);
    const hi = end === undefined ? l.length : l.lowerBound(end);
    const messageSource = EARNING_SOURCES.indexOf("message");
    for (let i = lo; i < hi; i++) {
      const f = l.fanIdx[i]!;
      if (f < 0) continue;
      let t = totals.get(f);
      if (!t) totals.set(f, (t = { gross: 0, net: 0, messages: 0 }));
      t.gross += l.gross[i]!;
      t.net += l.net[i]!;
      if (l.source[i] === messageSource) t.messages++;
    }
    const order = [...totals.entries()]
      .filter(([, t]) => t.gross > 0)
      .sort((a, b) => b[1].gross - a[1].gross || a[0] - b[0]);
    send(
      ctx,
      200,
      paged(order, p, ([f, t]) => ({ gross: t.gross, net: t.net, messages: t.messages, user: fanUserOf(c, f) })),
    );
  });

  api.route("GET", "/insights/earnings/percentile", { subject: "creator" }, (ctx) => {
    send(ctx, 200, { percentile: earningsPercentile(ctx.creator, sb.clock.now()) });
  });

  registerSummary(api, sb);
  registerFanInsights(api, sb, open);
}

/** Lower is better. A smooth curve of the last 30 days' gross stands in for
 * Fanvue's ranking of all creators: $2k/month ≈ top half, $40k ≈ top 5 %. */
export function earningsPercentile(c: CreatorWorld, now: number): number {
  const l = c.ledger;
  let gross = 0;
  for (let i = l.lowerBound(now - 30 * DAY); i < l.length; i++) gross += l.gross[i]!;
  const p = 1 / (1 + gross / 200_000);
  return Math.max(0.01, Math.round(p * 100) / 100);
}

export function sortedTimes(values: (number | null)[]) {
  return Float64Array.from(values.filter((v): v is number => v !== null)).sort();
}

export function countBefore(arr: Float64Array, t: number) {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Daily buckets stepping 24 h from `start` (so a +01:00 start yields
 * …T23:00Z dates), oldest first; `total` is the net change since `start`. */
export function subscriberBuckets(c: CreatorWorld, start: number, end: number, offset: number, size: number) {
  const subs = sortedTimes(c.relations.map((r) => r.subscribedAt));
  const cancels = sortedTimes(c.relations.map((r) => r.expiredAt));
  const count = Math.ceil((end - start) / DAY);
  const base = countBefore(subs, start) - countBefore(cancels, start);
  const data = [];
  for (let k = offset; k < Math.min(count, offset + size); k++) {
    const a = start + k * DAY;
    const b = Math.min(end, a + DAY);
    const newSubscribersCount = countBefore(subs, b) - countBefore(subs, a);
    const cancelledSubscribersCount = countBefore(cancels, b) - countBefore(cancels, a);
    const total = countBefore(subs, b) - countBefore(cancels, b) - base;
    data.push({ date: iso(a), total, newSubscribersCount, cancelledSubscribersCount });
  }
  return { data, nextCursor: offset + size < count ? encodeCursor(offset + size) : null };
}
