import { TZDate, tzOffset } from "@date-fns/tz";

// Calendar ranges in a viewer's time zone. Dates are "YYYY-MM-DD" local
// calendar days, inclusive; instants are computed per zone, so days that are
// 23 or 25 hours long (DST) are handled by the zone rules, not by us.

export type Ymd = string;

const pad = (n: number) => String(n).padStart(2, "0");
const fromUtcDate = (d: Date): Ymd => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const toUtcDate = (s: Ymd) => new Date(`${s}T00:00:00Z`);

/** Calendar arithmetic on local dates (no time zone involved). */
export function addDays(s: Ymd, n: number): Ymd {
  const d = toUtcDate(s);
  d.setUTCDate(d.getUTCDate() + n);
  return fromUtcDate(d);
}

export function addMonths(s: Ymd, n: number): Ymd {
  const d = toUtcDate(s);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + n);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return fromUtcDate(d);
}

export const daysBetween = (a: Ymd, b: Ymd) =>
  Math.round((toUtcDate(b).getTime() - toUtcDate(a).getTime()) / 86_400_000);

/** The local calendar date of an instant in a zone. */
export function localDate(instant: number, tz: string): Ymd {
  const d = new TZDate(instant, tz);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The instant local midnight of `s` begins in `tz`. */
export function startOfLocalDay(s: Ymd, tz: string): number {
  const [y, m, d] = s.split("-").map(Number) as [number, number, number];
  return new TZDate(y, m - 1, d, 0, 0, 0, 0, tz).getTime();
}

export type Preset = "today" | "7d" | "30d" | "90d" | "mtd" | "last_month" | "ytd" | "12m" | "all" | "custom";

/** Inclusive local dates of a preset, as of `today` in the viewer's zone. */
export function presetDates(preset: Exclude<Preset, "custom" | "all">, today: Ymd): { from: Ymd; to: Ymd } {
  const firstOfMonth = `${today.slice(0, 8)}01`;
  switch (preset) {
    case "today":
      return { from: today, to: today };
    case "7d":
      return { from: addDays(today, -6), to: today };
    case "30d":
      return { from: addDays(today, -29), to: today };
    case "90d":
      return { from: addDays(today, -89), to: today };
    case "mtd":
      return { from: firstOfMonth, to: today };
    case "last_month":
      return { from: addMonths(firstOfMonth, -1), to: addDays(firstOfMonth, -1) };
    case "ytd":
      return { from: `${today.slice(0, 4)}-01-01`, to: today };
    case "12m":
      return { from: addDays(addMonths(today, -12), 1), to: today };
  }
}

/** Local bucket starts covering [from, to] for a granularity (weeks start Monday, ISO). */
export function bucketStarts(from: Ymd, to: Ymd, granularity: "day" | "week" | "month"): Ymd[] {
  let cur = from;
  if (granularity === "week") {
    const dow = (toUtcDate(from).getUTCDay() + 6) % 7; // Monday = 0
    cur = addDays(from, -dow);
  } else if (granularity === "month") {
    cur = `${from.slice(0, 8)}01`;
  }
  const out: Ymd[] = [];
  while (cur <= to) {
    out.push(cur);
    cur = granularity === "day" ? addDays(cur, 1) : granularity === "week" ? addDays(cur, 7) : addMonths(cur, 1);
  }
  return out;
}

/** A run of local days whose midnights share one UTC offset: [from, until), both
 * ends as instants written with their own offset ("2026-10-25T00:00:00-07:00"). */
export type OffsetSpan = { from: Ymd; until: Ymd; startDate: string; endDate: string };

/** The instant local day `s` begins in `tz`, written in the zone's wall clock with its offset. */
export function localMidnightIso(s: Ymd, tz: string): string {
  const ms = startOfLocalDay(s, tz);
  const minutes = Math.round(tzOffset(tz, new Date(ms)));
  const wall = new Date(ms + minutes * 60_000).toISOString().slice(0, 19);
  const abs = Math.abs(minutes);
  return `${wall}${minutes < 0 ? "-" : "+"}${pad(Math.trunc(abs / 60))}:${pad(abs % 60)}`;
}

/** The days [from, to] split where the zone's offset at local midnight changes (DST), so a source
 * that counts whole days from one fixed offset per request (Fanvue's subscriber counts) is asked
 * once per span and every day it counts is a local day. A span ends at the next span's first
 * midnight, written with that day's offset: the night the clocks fall back, its last day runs
 * 25 hours, up to that instant. */
export function offsetSpans(from: Ymd, to: Ymd, tz: string): OffsetSpan[] {
  const offsetOf = (d: Ymd) => tzOffset(tz, new Date(startOfLocalDay(d, tz)));
  const spans: OffsetSpan[] = [];
  const end = addDays(to, 1);
  let first = from;
  for (let d = addDays(from, 1); d <= end; d = addDays(d, 1)) {
    if (d < end && offsetOf(d) === offsetOf(first)) continue;
    spans.push({ from: first, until: d, startDate: localMidnightIso(first, tz), endDate: localMidnightIso(d, tz) });
    first = d;
  }
  return spans;
}
