import { TZDate } from "@date-fns/tz";

// Quiet hours: a window of wall-clock time in a zone ([start, end) minutes
// after local midnight, wrapping past midnight when end < start). Wall clock,
// not elapsed time: 22:00–08:00 stays 22:00–08:00 on both DST change days.

const minuteOf = (d: TZDate) => d.getHours() * 60 + d.getMinutes();

export const inWindow = (minute: number, start: number, end: number) =>
  start < end ? minute >= start && minute < end : minute >= start || minute < end;

/** When quiet hours end, if `at` falls inside them; null when it does not (or there are none). */
export function quietUntil(at: number, tz: string, start: number | null, end: number | null): number | null {
  if (start === null || end === null) return null;
  const local = new TZDate(at, tz);
  if (!inWindow(minuteOf(local), start, end)) return null;
  // The end today, or tomorrow when it is already past (a window over midnight seen before it).
  for (const addDays of [0, 1]) {
    const e = new TZDate(
      local.getFullYear(),
      local.getMonth(),
      local.getDate() + addDays,
      Math.floor(end / 60),
      end % 60,
      0,
      0,
      tz,
    ).getTime();
    if (e > at) return e;
  }
  return null;
}
