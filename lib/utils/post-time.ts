import { TZDate } from "@date-fns/tz";
import { addDays, localDate, type Ymd } from "./date-range";

// Publish times as the viewer sees and enters them: local date and time
// inputs in their zone, stored and sent as UTC instants.

const pad = (n: number) => String(n).padStart(2, "0");

/** A short zone name: "CET", "EST", else "GMT+9". en-US names American zones,
 * en-GB European ones; the rest have no common abbreviation. */
export function zoneAbbr(instant: number, tz: string): string {
  const name = (locale: string) =>
    new Intl.DateTimeFormat(locale, { timeZone: tz, timeZoneName: "short" }).formatToParts(instant).find((p) => p.type === "timeZoneName")?.value ?? tz;
  const us = name("en-US");
  if (!/^GMT|^UTC/.test(us)) return us;
  const gb = name("en-GB");
  return gb === "GMT" && tz === "UTC" ? "UTC" : gb;
}

/** The local date and time inputs ("2026-12-01", "09:00") of an instant. */
export function toLocalInputs(iso: string, tz: string): { date: Ymd; time: string } {
  const d = new TZDate(Date.parse(iso), tz);
  return { date: localDate(d.getTime(), tz), time: `${pad(d.getHours())}:${pad(d.getMinutes())}` };
}

/** Local date + time in a zone → UTC ISO, or null while incomplete. A time
 * that does not exist (skipped by a DST change) moves forward, as clocks do. */
export function fromLocalInputs(date: string, time: string, tz: string): string | null {
  const dm = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const tm = /^(\d{2}):(\d{2})$/.exec(time);
  if (!dm || !tm) return null;
  const [y, mo, d] = [Number(dm[1]), Number(dm[2]), Number(dm[3])];
  const [h, mi] = [Number(tm[1]), Number(tm[2])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return null;
  const t = new TZDate(y, mo - 1, d, h, mi, 0, 0, tz);
  if (Number.isNaN(t.getTime()) || t.getDate() !== d) return null;
  return new Date(t.getTime()).toISOString();
}

const fmt = (tz: string, o: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat("en-GB", { timeZone: tz, ...o });

/** "Fri 21:00 CET" within the coming week, "Fri 12 Dec, 21:00 CET" further
 * out, with the year when it is not this one. */
export function formatWhen(iso: string, tz: string, now = Date.now()): string {
  const at = Date.parse(iso);
  const time = fmt(tz, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(at);
  const day = fmt(tz, { weekday: "short" }).format(at);
  const zone = zoneAbbr(at, tz);
  const today = localDate(now, tz);
  const local = localDate(at, tz);
  if (local >= today && local < addDays(today, 6)) return `${day} ${time} ${zone}`;
  const sameYear = local.slice(0, 4) === today.slice(0, 4);
  const date = fmt(tz, { day: "numeric", month: "short", ...(sameYear ? {} : { year: "numeric" }) }).format(at);
  return `${day} ${date}, ${time} ${zone}`;
}

/** "Today", "Tomorrow", or "Mon 30 Nov" for a local day heading. */
export function dayHeading(day: Ymd, tz: string, now = Date.now()): string {
  const today = localDate(now, tz);
  const label = fmt("UTC", { weekday: "short", day: "numeric", month: "short" }).format(new Date(`${day}T12:00:00Z`));
  if (day === today) return `Today · ${label}`;
  if (day === addDays(today, 1)) return `Tomorrow · ${label}`;
  return label;
}

/** What the composer's main button will do, in words. */
export function publishLabel(o: { mode: "create" | "edit" | "restore"; publishAt: string | null; wasScheduled: boolean; tz: string; now?: number }): string {
  if (o.publishAt === null) return o.mode === "edit" && !o.wasScheduled ? "Save changes" : "Publish now";
  const when = formatWhen(o.publishAt, o.tz, o.now);
  return o.mode === "edit" ? `Save · goes out ${when}` : o.mode === "restore" ? `Reschedule for ${when}` : `Schedule for ${when}`;
}
