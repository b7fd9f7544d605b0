// An independent notion of local time for property tests: only Intl and plain
// UTC calendar arithmetic, never lib/utils/date-range, post-time or date-fns
// (those are what the tests check).

/** Zones with the awkward cases: half-hour and 45-minute offsets, southern and
 * 30-minute DST, a DST change at local midnight (Santiago), ±14/−11, Morocco's
 * Ramadan switches. */
export const ZONES: readonly string[] = [
  "UTC",
  "America/Los_Angeles",
  "America/St_Johns",
  "America/Santiago",
  "Asia/Kolkata",
  "Asia/Kathmandu",
  "Australia/Adelaide",
  "Australia/Lord_Howe",
  "Pacific/Chatham",
  "Pacific/Kiritimati",
  "Pacific/Pago_Pago",
  "Europe/Berlin",
  "Africa/Casablanca",
];

export { int, pick, propSeed, rng } from "./prng";

const dateFormats = new Map<string, Intl.DateTimeFormat>();
const partFormats = new Map<string, Intl.DateTimeFormat>();

/** "YYYY-MM-DD" of an instant in a zone, by Intl (en-CA writes ISO order). */
export function intlDate(ms: number, tz: string): string {
  let f = dateFormats.get(tz);
  if (!f)
    dateFormats.set(
      tz,
      (f = new Intl.DateTimeFormat("en-CA", { timeZone: tz, year: "numeric", month: "2-digit", day: "2-digit" })),
    );
  return f.format(ms);
}

/** Local wall-clock parts of an instant (hour 0–23), by Intl. */
export function intlParts(ms: number, tz: string) {
  let f = partFormats.get(tz);
  if (!f) {
    const o = {
      timeZone: tz,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    } as const;
    partFormats.set(tz, (f = new Intl.DateTimeFormat("en-CA", o)));
  }
  const p = Object.fromEntries(f.formatToParts(ms).map((x) => [x.type, x.value]));
  const [year, month, day, hour, minute, second] = [p.year, p.month, p.day, p.hour, p.minute, p.second].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return { date: `${p.year}-${p.month}-${p.day}`, year, month, day, hour, minute, second };
}

/** The zone's UTC offset at an instant, in ms (wall clock minus UTC). */
export function offsetMs(ms: number, tz: string): number {
  const p = intlParts(ms, tz);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wall - Math.floor(ms / 1000) * 1000;
}

const DAY = 86_400_000;
const pad = (n: number) => String(n).padStart(2, "0");

/** Plain calendar arithmetic on "YYYY-MM-DD". */
export function plusDays(date: string, n: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + n));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** Monday of the ISO week holding `date`. */
export function mondayOf(date: string): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return plusDays(date, -((new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7));
}

/** Every instant in [fromMs, toMs) where the zone's offset changes (the first
 * ms of the new offset). Offsets change at most once a day in these zones. */
export function transitions(tz: string, fromMs: number, toMs: number): number[] {
  const out: number[] = [];
  for (let a = fromMs; a < toMs; a += DAY) {
    const b = Math.min(a + DAY, toMs);
    if (offsetMs(a, tz) === offsetMs(b, tz)) continue;
    let lo = a; // old offset at lo, new at hi
    let hi = b;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (offsetMs(mid, tz) === offsetMs(a, tz)) lo = mid;
      else hi = mid;
    }
    out.push(hi);
  }
  return out;
}

/** The first instant whose local date is `date` (found by search, then checked
 * with Intl): a local midnight, or the end of a gap that swallowed it. */
export function localDayStart(date: string, tz: string): number {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  // Local dates are ordered like instants, and every zone's offset is within ±15 h.
  let lo = Date.UTC(y, m - 1, d) - 15 * 3_600_000; // on an earlier date
  let hi = Date.UTC(y, m - 1, d) + 15 * 3_600_000; // on this date or a later one
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (intlDate(mid, tz) < date) lo = mid;
    else hi = mid;
  }
  if (intlDate(hi, tz) !== date || intlDate(hi - 1, tz) >= date) throw new Error(`no start of ${date} in ${tz}`);
  return hi;
}
