import type { Forecast, ForecastDayFans } from "./fans";

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
