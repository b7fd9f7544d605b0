import { addDays, localDate, type Ymd } from "@/lib/utils/date-range";
import { fromLocalInputs, toLocalInputs } from "@/lib/utils/post-time";

// The week calendar's geometry: local days and minutes in the viewer's zone.

/** Height of one hour row: a 15-minute step is 10 px, easy to hit with a finger. */
export const HOUR_PX = 40;
/** Drops and keyboard moves snap to quarter hours. */
export const SNAP_MIN = 15;
/** A card's height: half an hour. */
export const CARD_MIN = 30;

/** Monday of the ISO week holding `day`. */
export function weekStart(day: Ymd): Ymd {
  const dow = (new Date(`${day}T12:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(day, -dow);
}

export const weekDays = (start: Ymd) => Array.from({ length: 7 }, (_, i) => addDays(start, i));

/** Monday of the week holding today in `tz` (on a Sunday: the Monday six days
 * before, never the next one, whatever day it already is in UTC). */
export const thisWeek = (tz: string, now = Date.now()) => weekStart(localDate(now, tz));

/** Where an instant sits: its local day and minute of that day. */
export function slotOf(iso: string, tz: string): { day: Ymd; minute: number } {
  const l = toLocalInputs(iso, tz);
  const [h, m] = l.time.split(":").map(Number) as [number, number];
  return { day: l.date, minute: h * 60 + m };
}

/** The instant of a local day and minute (UTC ISO). */
export function instantOf(day: Ymd, minute: number, tz: string): string {
  const m = Math.max(0, Math.min(24 * 60 - SNAP_MIN, minute));
  const hh = String(Math.floor(m / 60)).padStart(2, "0");
  const mm = String(m % 60).padStart(2, "0");
  return fromLocalInputs(day, `${hh}:${mm}`, tz)!;
}

/** Items by local day in the zone, days in order of first appearance and items
 * in their given order (the queue list's sections). */
export function groupByLocalDay<T extends { at: string }>(items: readonly T[], tz: string): { day: Ymd; items: T[] }[] {
  const days = new Map<Ymd, T[]>();
  for (const i of items) {
    const d = localDate(Date.parse(i.at), tz);
    const list = days.get(d);
    if (list) list.push(i);
    else days.set(d, [i]);
  }
  return [...days].map(([day, list]) => ({ day, items: list }));
}

export const snap = (minute: number) => Math.round(minute / SNAP_MIN) * SNAP_MIN;

/** Side-by-side lanes for cards that overlap in one day column. */
export function lanes<T extends { minute: number }>(items: T[]): (T & { lane: number; laneCount: number })[] {
  const sorted = [...items].sort((a, b) => a.minute - b.minute);
  const out: (T & { lane: number; laneCount: number })[] = [];
  let group: (T & { lane: number; laneCount: number })[] = [];
  let groupEnd = -1;
  const close = () => {
    const n = Math.max(1, ...group.map((g) => g.lane + 1));
    for (const g of group) g.laneCount = n;
    out.push(...group);
    group = [];
  };
  for (const it of sorted) {
    if (it.minute >= groupEnd) close();
    const used = new Set(group.filter((g) => g.minute + CARD_MIN > it.minute).map((g) => g.lane));
    let lane = 0;
    while (used.has(lane)) lane++;
    group.push({ ...it, lane, laneCount: 1 });
    groupEnd = Math.max(groupEnd, it.minute + CARD_MIN);
  }
  close();
  return out;
}
