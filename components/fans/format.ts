import type { FanProfile } from "@/lib/schemas/fans";
import { earningSourceLabel } from "@/lib/schemas/earnings-values";
import { formatMoney } from "@/lib/utils/format";
import { labelOf } from "@/lib/utils/labels";

// Display helpers for fan data: "—" for unknown, never a made-up zero.
// Dates and times: lib/utils/time.ts through useFormat() (components/viewer).

export const money = (cents: number | null | undefined) =>
  cents === null || cents === undefined ? "—" : formatMoney(cents);

/** "in 3 d", "in 5 h", "today". */
export function until(iso: string | null | undefined, now = Date.now()) {
  if (!iso) return "";
  const s = Math.round((Date.parse(iso) - now) / 1000);
  if (s < 0) return "overdue";
  if (s < 3600) return "within the hour";
  if (s < 86_400) return `in ${Math.floor(s / 3600)} h`;
  return `in ${Math.floor(s / 86_400)} d`;
}

/** A retry time: "in 25 s", "in 3 min", "now". */
export function retryIn(iso: string, now = Date.now()) {
  const s = Math.ceil((Date.parse(iso) - now) / 1000);
  if (s <= 0) return "now";
  return s < 90 ? `in ${s} s` : `in ${Math.ceil(s / 60)} min`;
}

/** Every fan status Fanvue's reference lists (fan insights). */
export const STATUS_LABEL: Record<string, string> = {
  subscriber: "Subscriber",
  expired: "Expired",
  follower: "Follower",
  not_contactable: "Not contactable",
};
export const statusLabel = (s: string) => labelOf(STATUS_LABEL, s);

/** Spend sources in words (one map for the whole app, lib/schemas/earnings.ts). */
export const sourceLabel = earningSourceLabel;
export const statusTone = (s: string) =>
  (s === "subscriber" ? "brand" : s === "expired" ? "warning" : "neutral") as "brand" | "warning" | "neutral";

export const fanName = (f: Pick<FanProfile, "displayName" | "handle" | "uuid">) =>
  f.displayName || (f.handle ? `@${f.handle}` : `Fan ${f.uuid.slice(0, 8)}`);

export function duration(sec: number | null) {
  if (sec === null) return "";
  if (sec < 60) return "less than a minute";
  if (sec < 3600) return `about ${Math.ceil(sec / 60)} min`;
  const h = Math.floor(sec / 3600);
  const m = Math.round((sec % 3600) / 60);
  return `about ${h} h${m ? ` ${m} min` : ""}`;
}
