import type { Forecast, ForecastDayFans } from "./fans";

import { int, oneOf, text, urlSchema } from "@/lib/url-state/fields";

// The fans values client code needs at run time, without zod (./fans.ts, the
// schemas, re-exports them): client bundles stay free of the schema library.

export const SEGMENT_KINDS = [
  "top_spenders",
  "auto_renew_off",
  "renewing_soon",
  "expired_recently",
  "spent_over",
  "lapsed_big_spenders",
] as const;
export type SegmentKind = (typeof SEGMENT_KINDS)[number];

export const isSegmentKind = (s: string): s is SegmentKind => (SEGMENT_KINDS as readonly string[]).includes(s);

/** GET /fans/forecast answers one day's fans when asked for `?day=`. */
export const isForecastDay = (f: Forecast | ForecastDayFans): f is ForecastDayFans => "fans" in f;

export const FAN_SORTS = ["recent", "spend", "lastPurchase", "subscribedAt", "renewsAt", "name"] as const;

export const FANS_VIEWS = ["subscribers", "followers", "all", "renewals"] as const;

/** A tag as tagSchema accepts it (trimmed, lower-case). */
const TAG = /^[\p{L}\p{N}][\p{L}\p{N} _-]*$/u;

/** The fans page's URL (lib/url-state), to the limits of fansQuerySchema (url-schemas.test.ts);
 * a segment's parameters ride along as `seg.<name>` keys. */
export const fansUrlSchema = urlSchema({
  view: oneOf(FANS_VIEWS, "subscribers"),
  q: text({ max: 100, trim: true }),
  sort: oneOf(FAN_SORTS, "recent"),
  dir: oneOf(["asc", "desc"]),
  tag: text({ min: 1, max: 32, trim: true, lower: true, pattern: TAG }),
  segment: text({ max: 40, trim: true }),
  page: int({ min: 1, max: 100_000, fallback: 1 }),
  fan: text({ max: 64 }),
});
