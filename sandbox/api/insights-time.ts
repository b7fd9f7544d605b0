// Strict date/size parsing and IANA time-zone arithmetic for the insights and
// agency endpoints. Date.parse alone accepts "March 7" and "2026-02-30", and
// reads offset-less times in the server's zone; Fanvue's ISO params do neither.
import { validation, type Ctx } from "../http";

export const DAY = 86_400_000;
export const HOUR = 3_600_000;

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/** Epoch ms of an ISO 8601 date or date-time; no offset means UTC. */
export function parseIso(value: string): number | null {
  const m = ISO_RE.exec(value);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > new Date(Date.UTC(y, mo, 0)).getUTCDate()) return null;
  const text = m[4] ? value : `${m[1]}-${m[2]}-${m[3]}T00:00:00${m[7] ?? ""}`;
  const t = Date.parse(m[7] ? text : `${text}Z`);
  return Number.isNaN(t) ? null : t;
}

/** Midnight of the calendar date an ISO value names, at the offset it carries (UTC without one):
 * "2026-10-25T05:30:00-07:00" → 2026-10-25T00:00:00-07:00. Fanvue's daily counts ignore the time
 * component of startDate and start their days at that midnight. */
export function midnightAtOffset(value: string): number | null {
  const m = ISO_RE.exec(value);
  if (!m || parseIso(value) === null) return null;
  const tz = (m[7] ?? "Z").toUpperCase();
  const sign = tz.startsWith("-") ? -1 : 1;
  const digits = tz === "Z" ? "0000" : tz.slice(1).replace(":", "");
  const offsetMs = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4))) * 60_000;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) - offsetMs;
}

export function isoParam(ctx: Ctx, name: string, required = false): number | undefined {
  const v = ctx.query.get(name);
  if (v === null || v === "") {
    if (required) throw validation(`${name} is required`);
    return undefined;
  }
  const t = parseIso(v);
  if (t === null) throw validation(`${name} must be an ISO 8601 date-time`);
  return t;
}

/** startDate/endDate (end exclusive); start must come before end. */
export function rangeParams(ctx: Ctx, required = false) {
  const start = isoParam(ctx, "startDate", required);
  const end = isoParam(ctx, "endDate", required);
  if (start !== undefined && end !== undefined && start >= end) throw validation("startDate must be before endDate");
  return { start, end };
}

export function intQuery(ctx: Ctx, name: string, def: number, min: number, max: number): number {
  const raw = ctx.query.get(name);
  if (raw === null || raw === "") return def;
  const n = Number(raw);
  if (!/^-?\d+$/.test(raw.trim()) || !Number.isInteger(n) || n < min || n > max) {
    throw validation(`${name} must be an integer between ${min} and ${max}`);
  }
  return n;
}

// ─── Time zones ──────────────────────────────────────────────────────────────

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, Map<number, number>>();
// Offsets change only on transitions, which real zones place on 15-minute
// marks; caching per slot keeps a 100k-row scan from calling Intl per row.
export const OFFSET_SLOT = 15 * 60_000;
const SLOT = OFFSET_SLOT;

/** Canonical zone name, or null when Intl does not know it. */
export function validZone(tz: string): string | null {
  if (!tz || tz.length > 64) return null;
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: tz }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

export function zoneParam(ctx: Ctx, name = "timezone"): string {
  const raw = ctx.query.get(name);
  if (raw === null || raw === "") return "UTC";
  if (!validZone(raw)) throw validation(`${name} must be a valid IANA time zone`);
  return raw;
}

function formatter(tz: string) {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: tz,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(tz, f);
  }
  return f;
}

/** Milliseconds to add to UTC to get the zone's wall-clock time at `t`. */
export function zoneOffset(tz: string, t: number): number {
  if (tz === "UTC" || tz === "Etc/UTC") return 0;
  let cache = offsets.get(tz);
  if (!cache) offsets.set(tz, (cache = new Map()));
  const slot = Math.floor(t / SLOT);
  const hit = cache.get(slot);
  if (hit !== undefined) return hit;
  const p: Record<string, number> = {};
  for (const part of formatter(tz).formatToParts(slot * SLOT))
    if (part.type !== "literal") p[part.type] = Number(part.value);
  const wall = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  const off = wall - slot * SLOT;
  if (cache.size > 500_000) cache.clear();
  cache.set(slot, off);
  return off;
}

/** Local day number (days since 1970-01-01 on the zone's calendar). */
export const localDay = (tz: string, t: number) => Math.floor((t + zoneOffset(tz, t)) / DAY);
/** ISO weekday of a local day number: 1 = Monday … 7 = Sunday. */
export const isoWeekday = (day: number) => ((((day + 3) % 7) + 7) % 7) + 1;

/** The UTC instant of local midnight starting `day` in the zone. */
export function dayStart(tz: string, day: number): number {
  let t = day * DAY;
  // Two passes settle the offset even when the day starts near a transition.
  for (let i = 0; i < 2; i++) t = day * DAY - zoneOffset(tz, t);
  return t;
}

/** Local year/month of `t` and the UTC instants bounding that month. */
export function monthBounds(tz: string, t: number, back = 0) {
  const d = new Date(localDay(tz, t) * DAY);
  const first = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - back, 1) / DAY;
  const next = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - back + 1, 1) / DAY;
  return { start: dayStart(tz, first), end: dayStart(tz, next) };
}
