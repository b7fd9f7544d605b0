import { addDays, bucketStarts, localDate, startOfLocalDay, type Ymd } from "@/lib/utils/date-range";

// The shift calendar's arithmetic: a week (Monday first) of local days in the
// viewer's zone. Each day's bounds come from the zone's rules
// (startOfLocalDay), so a DST day is 23 or 25 hours long, never a fixed 24.

export type Day = { ymd: Ymd; start: number; end: number };

/** The Monday of the week holding `instant` in `tz`. */
export const weekOf = (instant: number, tz: string): Ymd => {
  const today = localDate(instant, tz);
  return bucketStarts(today, today, "week")[0]!;
};

export const weekDays = (monday: Ymd, tz: string): Day[] =>
  Array.from({ length: 7 }, (_, i) => {
    const ymd = addDays(monday, i);
    return { ymd, start: startOfLocalDay(ymd, tz), end: startOfLocalDay(addDays(ymd, 1), tz) };
  });

/** Whole minutes of [from, to) that fall inside the day. */
export const minutesIn = (day: Day, from: number, to: number) =>
  Math.max(0, Math.floor((Math.min(to, day.end) - Math.max(from, day.start)) / 60_000));
