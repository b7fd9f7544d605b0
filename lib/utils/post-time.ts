import { TZDate } from "@date-fns/tz";
import { localDate, type Ymd } from "./date-range";
import { formatWhen, type Viewer } from "./time";

// Publish times as the viewer sees and enters them: local date and time
// inputs in their zone, stored and sent as UTC instants.

const pad = (n: number) => String(n).padStart(2, "0");

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

/** What the composer's main button will do, in words. */
export function publishLabel(o: {
  mode: "create" | "edit" | "restore";
  publishAt: string | null;
  wasScheduled: boolean;
  viewer: Viewer;
  now?: number;
}): string {
  if (o.publishAt === null) return o.mode === "edit" && !o.wasScheduled ? "Save changes" : "Publish now";
  const when = formatWhen(o.publishAt, o.viewer, o.now);
  return o.mode === "edit"
    ? `Save · goes out ${when}`
    : o.mode === "restore"
      ? `Reschedule for ${when}`
      : `Schedule for ${when}`;
}

/** An `<input type="datetime-local">` value ("2026-12-04T21:00") read in the
 * viewer's zone (not the device's) → UTC ISO, or null while incomplete. */
export function fromDateTimeLocal(value: string, tz: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/.exec(value);
  return m ? fromLocalInputs(m[1]!, m[2]!, tz) : null;
}

/** The `datetime-local` value of an instant in the viewer's zone. */
export function toDateTimeLocal(iso: string, tz: string): string {
  const l = toLocalInputs(iso, tz);
  return `${l.date}T${l.time}`;
}
