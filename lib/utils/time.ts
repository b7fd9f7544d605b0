import { addDays, localDate, type Ymd } from "./date-range";

// Every date and time a person reads, formatted one way: in the viewer's zone
// and locale (lib/viewer: chosen once, kept on the server per user), from UTC
// instants. The only place that builds an Intl.DateTimeFormat; components
// call these through useViewer()/useFormat() (components/viewer), the server
// with the viewer it read (lib/server/viewer.ts). Zoned calendar arithmetic
// (day, week, month boundaries) lives in ./date-range; the CSV's machine
// timestamps in ./zoned-time.

export type Viewer = { zone: string; locale: string };

/** When nothing better is known (a server render before the browser said). */
export const FALLBACK_VIEWER: Viewer = { zone: "UTC", locale: "en-US" };

type When = string | number | Date;
const ms = (at: When) => (typeof at === "number" ? at : typeof at === "string" ? Date.parse(at) : at.getTime());

const formatters = new Map<string, Intl.DateTimeFormat>();
function dtf(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    if (formatters.size > 500) formatters.clear();
    formatters.set(key, (f = new Intl.DateTimeFormat(locale, options)));
  }
  return f;
}

const zoneChecks = new Map<string, boolean>();
/** True for an IANA zone this runtime knows ("Asia/Kolkata", "UTC"). */
export function isTimeZone(tz: string): boolean {
  if (typeof tz !== "string" || tz.length === 0 || tz.length > 64) return false;
  let ok = zoneChecks.get(tz);
  if (ok === undefined) {
    try {
      new Intl.DateTimeFormat("en-US", { timeZone: tz });
      ok = true;
    } catch {
      ok = false;
    }
    zoneChecks.set(tz, ok);
  }
  return ok;
}

/** A BCP 47 tag this runtime formats with, canonicalised ("en-gb" → "en-GB"), else null. */
export function canonicalLocale(tag: string | null | undefined): string | null {
  if (!tag || tag.length > 35) return null;
  try {
    const [c] = Intl.getCanonicalLocales(tag);
    return c && Intl.DateTimeFormat.supportedLocalesOf([c]).length > 0 ? c : null;
  } catch {
    return null;
  }
}

/** First language of an Accept-Language header that we can format with. */
export function localeFromAcceptLanguage(header: string | null): string | null {
  if (!header) return null;
  const tags = header
    .split(",")
    .map((part) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => /^q=([\d.]+)$/.exec(p.trim())?.[1]).find(Boolean);
      return { tag: tag!.trim(), q: q === undefined ? 1 : Number(q) };
    })
    .filter((t) => t.tag && t.tag !== "*" && t.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const t of tags) {
    const c = canonicalLocale(t.tag);
    if (c) return c;
  }
  return null;
}

/** This device's zone (a browser, or the server's own: UTC on most hosts). */
export const deviceZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";

// Browsers list some zones under legacy names (Chromium: Asia/Calcutta);
// offer today's names too. Both work everywhere (tzdata keeps the links).
const MODERN_ZONES = [
  "Asia/Kolkata",
  "Europe/Kyiv",
  "Asia/Ho_Chi_Minh",
  "Asia/Kathmandu",
  "America/Nuuk",
  "Asia/Yangon",
  "UTC",
];
let zoneList: string[] | null = null;
/** Every zone the runtime knows, sorted, for pickers. */
export function allTimeZones(): string[] {
  zoneList ??= [
    ...new Set([
      ...(typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : []),
      ...MODERN_ZONES,
    ]),
  ]
    .filter(isTimeZone)
    .sort();
  return zoneList;
}

/** "+05:30", "−03:30", "+12:45" at an instant: a zone's offset for pickers. */
export function offsetLabel(zone: string, at: When = Date.now()): string {
  const name =
    dtf("en-US", { timeZone: zone, timeZoneName: "longOffset" })
      .formatToParts(ms(at))
      .find((p) => p.type === "timeZoneName")?.value ?? "GMT";
  const m = /GMT([+-]\d{2}:\d{2})?/.exec(name);
  return m?.[1] ?? "+00:00";
}

/** A short zone name: "CET", "EST", else "GMT+9". en-US names American zones,
 * en-GB European ones; the rest have no common abbreviation. */
export function zoneAbbr(at: When, zone: string): string {
  const name = (locale: string) =>
    dtf(locale, { timeZone: zone, timeZoneName: "short" })
      .formatToParts(ms(at))
      .find((p) => p.type === "timeZoneName")?.value ?? zone;
  const us = name("en-US");
  if (!/^GMT|^UTC/.test(us)) return us;
  const gb = name("en-GB");
  return gb === "GMT" && zone === "UTC" ? "UTC" : gb;
}

const DATE_TIME_STYLES = {
  /** "6 Dec 2026, 15:09" */
  medium: { dateStyle: "medium", timeStyle: "short" },
  /** "06/12/2026, 15:09" */
  short: { dateStyle: "short", timeStyle: "short" },
  /** "6 Dec, 15:09": in a list where the year is plain */
  compact: { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

/** An instant with its date and time, in the locale's order and clock. */
export const formatDateTime = (at: When, v: Viewer, style: keyof typeof DATE_TIME_STYLES = "medium") =>
  dtf(v.locale, { timeZone: v.zone, ...DATE_TIME_STYLES[style] }).format(ms(at));

/** "6 Dec 2026". */
export const formatDate = (at: When, v: Viewer, style: "medium" | "long" | "short" = "medium") =>
  dtf(v.locale, { timeZone: v.zone, dateStyle: style }).format(ms(at));

/** "15:09" or "03:09 PM". */
export const formatTime = (at: When, v: Viewer) =>
  dtf(v.locale, { timeZone: v.zone, hour: "2-digit", minute: "2-digit" }).format(ms(at));

/** A list's compact time: the time today, the weekday within the week, the
 * day and month this year, else the full date. */
export function formatListTime(at: When, v: Viewer, now = Date.now()): string {
  const t = ms(at);
  const day = localDate(t, v.zone);
  const today = localDate(now, v.zone);
  if (day === today) return formatTime(t, v);
  if (day > addDays(today, -6) && day < today) return dtf(v.locale, { timeZone: v.zone, weekday: "short" }).format(t);
  if (day.slice(0, 4) === today.slice(0, 4))
    return dtf(v.locale, { timeZone: v.zone, month: "short", day: "numeric" }).format(t);
  return formatDate(t, v);
}

/** How old a copy is: "just now", "5 min ago", "3 h ago" (to two days),
 * "5 d ago" (to a month), then the date. */
export function formatAgo(at: When, v: Viewer, now = Date.now()): string {
  const mins = Math.floor(Math.max(0, now - ms(at)) / 60_000);
  if (mins < 1) return "just now";
  if (mins < 60) return `${mins} min ago`;
  const hours = Math.floor(mins / 60);
  if (hours < 48) return `${hours} h ago`;
  const days = Math.floor(hours / 24);
  if (days < 30) return `${days} d ago`;
  return formatDate(at, v);
}

// Local calendar days ("2026-12-06") are already in the viewer's zone: they
// are formatted as that date, with no zone conversion (noon UTC of the day).
const dayInstant = (day: Ymd) => Date.parse(`${day}T12:00:00Z`);
const DAY_STYLES = {
  /** "Sun 6 Dec" */
  short: { weekday: "short", day: "numeric", month: "short" },
  /** "Sunday, 6 December" */
  long: { weekday: "long", day: "numeric", month: "long" },
  /** "6 Dec" */
  dayMonth: { day: "numeric", month: "short" },
  /** "Sun 6" */
  weekdayDay: { weekday: "short", day: "numeric" },
  /** "Dec" */
  month: { month: "short" },
  /** "Dec 26" */
  monthYear: { month: "short", year: "2-digit" },
  /** "Dec 2026" */
  monthLongYear: { month: "short", year: "numeric" },
  /** "6 Dec 2026" */
  full: { day: "numeric", month: "short", year: "numeric" },
} satisfies Record<string, Intl.DateTimeFormatOptions>;
export type DayStyle = keyof typeof DAY_STYLES;
export const formatDay = (day: Ymd, locale: string, style: DayStyle = "short") =>
  dtf(locale, { timeZone: "UTC", ...DAY_STYLES[style] }).format(dayInstant(day));

/** A chart bucket's axis label in the viewer's locale: "6 Dec" / "Dec 6" for days and weeks, "Dec 26" for months. */
export const formatBucket = (bucket: Ymd, granularity: "day" | "week" | "month", locale: string) =>
  formatDay(bucket, locale, granularity === "month" ? "monthYear" : "dayMonth");

/** "Fri 21:00 CET" within the coming week, "Fri 12 Dec, 21:00 CET" further
 * out, with the year when it is not this one: when a post goes out. */
export function formatWhen(at: When, v: Viewer, now = Date.now()): string {
  const t = ms(at);
  const time = dtf(v.locale, { timeZone: v.zone, hour: "2-digit", minute: "2-digit" }).format(t);
  const weekday = dtf(v.locale, { timeZone: v.zone, weekday: "short" }).format(t);
  const zone = zoneAbbr(t, v.zone);
  const today = localDate(now, v.zone);
  const local = localDate(t, v.zone);
  if (local >= today && local < addDays(today, 6)) return `${weekday} ${time} ${zone}`;
  const sameYear = local.slice(0, 4) === today.slice(0, 4);
  const date = dtf(v.locale, {
    timeZone: v.zone,
    day: "numeric",
    month: "short",
    ...(sameYear ? {} : { year: "numeric" }),
  }).format(t);
  return `${weekday} ${date}, ${time} ${zone}`;
}

/** "Today · Mon 30 Nov", "Tomorrow · Tue 1 Dec", or "Thu 3 Dec" for a local day heading. */
export function dayHeading(day: Ymd, v: Viewer, now = Date.now()): string {
  const today = localDate(now, v.zone);
  const label = formatDay(day, v.locale, "short");
  if (day === today) return `Today · ${label}`;
  if (day === addDays(today, 1)) return `Tomorrow · ${label}`;
  return label;
}

/** A span of time in words a dashboard reads at a glance: "42 s", "7 min", "1 h 05 min", "2 d 3 h". */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const min = Math.floor(s / 60);
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  if (h < 24) return `${h} h ${String(min % 60).padStart(2, "0")} min`;
  return `${Math.floor(h / 24)} d ${h % 24} h`;
}
