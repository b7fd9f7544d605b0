"use client";

import { useState } from "react";
import { composeError, priceCents } from "@/components/chats/composer";
import type { AutomationBodyInput } from "@/lib/queries/automations";
import type { AutomationView, Trigger } from "@/lib/schemas/automations";
import { parseMoney } from "@/lib/utils/money";

// The automation form's state as typed (strings, so a half-typed number is
// kept), and the body it becomes, or the first problem with the field it is in.

export type DraftError = { field: string; message: string };

/** "22:00" ↔ 1320 minutes after midnight. */
export const toMinutes = (hhmm: string) => {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
};
export const toHhmm = (min: number | null) =>
  min === null ? "" : `${String(Math.floor(min / 60)).padStart(2, "0")}:${String(min % 60).padStart(2, "0")}`;

const text = (n: number | null | undefined, scale = 1) => (n === null || n === undefined ? "" : String(n / scale));

function initialState(a: AutomationView | null, zone: string) {
  return {
    name: a?.name ?? "",
    trigger: (a?.trigger ?? "new_subscriber") as Trigger,
    subscriber: a?.triggerParams.subscriber ?? "any",
    minTip: a?.triggerParams.minCents ? (a.triggerParams.minCents / 100).toFixed(2) : a ? "" : "100.00",
    days: text(a?.triggerParams.days ?? 3),
    minutes: text(a?.triggerParams.minutes ?? 15),
    text: a?.text ?? "",
    media: a?.mediaUuids ?? [],
    price: a?.price ? (a.price / 100).toFixed(2) : "",
    tag: a?.tag ?? "",
    addToList: a?.addToListUuid ?? "",
    removeFromList: a?.removeFromListUuid ?? "",
    notifyTeam: a?.notifyTeam ?? false,
    skipWritten: text(a?.skipIfWrittenMinutes ?? 60),
    skipUnread: a?.skipIfUnread ?? true,
    skipSentMedia: a?.skipIfSentMedia ?? true,
    delayMin: text(a?.delayMinSec ?? 0, 60),
    delayMax: text(a?.delayMaxSec ?? 0, 60),
    perFan: a?.perFanDays ? "days" : "once",
    perFanDays: text(a?.perFanDays ?? 30),
    quiet: a ? a.quietStartMin !== null : false,
    quietStart: toHhmm(a?.quietStartMin ?? 22 * 60),
    quietEnd: toHhmm(a?.quietEndMin ?? 8 * 60),
    timeZone: a?.timeZone ?? zone,
    dailyCap: text(a?.dailyCap),
    holdout: a?.holdoutPercent ?? 0,
    dryRun: a?.dryRun ?? false,
  };
}
export type DraftState = ReturnType<typeof initialState>;

const whole = (s: string) => (/^\d+$/.test(s.trim()) ? Number(s.trim()) : null);

/** Numbers of the rules, or the field that is not a number. */
function rulesOf(s: DraftState): Partial<AutomationBodyInput> | DraftError {
  const n = (v: string, field: string, label: string) => {
    const x = whole(v);
    return x === null ? { field, message: `${label} must be a whole number` } : x;
  };
  const skip = n(s.skipWritten, "skipIfWrittenMinutes", "Minutes");
  if (typeof skip !== "number") return skip;
  const dMin = n(s.delayMin || "0", "delayMinSec", "The shortest delay");
  if (typeof dMin !== "number") return dMin;
  const dMax = n(s.delayMax || "0", "delayMaxSec", "The longest delay");
  if (typeof dMax !== "number") return dMax;
  const days = s.perFan === "days" ? n(s.perFanDays, "perFanDays", "Days") : null;
  if (days !== null && typeof days !== "number") return days;
  const cap = s.dailyCap.trim() ? n(s.dailyCap, "dailyCap", "The daily cap") : null;
  if (cap !== null && typeof cap !== "number") return cap;
  return {
    skipIfWrittenMinutes: skip,
    delayMinSec: dMin * 60,
    delayMaxSec: dMax * 60,
    perFanDays: days,
    dailyCap: cap,
    quietStartMin: s.quiet ? toMinutes(s.quietStart) : null,
    quietEndMin: s.quiet ? toMinutes(s.quietEnd) : null,
  };
}

/** The body to save, or the first problem and its field. */
export function toBody(s: DraftState): { body: AutomationBodyInput } | { error: DraftError } {
  if (!s.name.trim()) return { error: { field: "name", message: "Give it a name" } };
  const alert = s.trigger === "unanswered";
  const acts = alert || s.notifyTeam || Boolean(s.tag.trim() || s.addToList || s.removeFromList);
  // A message is optional when it only tags the fan or moves them between lists.
  const message = !alert && (!acts || s.text.trim() || s.media.length) ? composeError(s.text, s.media, s.price) : null;
  if (message) return { error: { field: "text", message } };
  let minCents: number | undefined;
  let days: number | undefined;
  if (s.trigger === "tip_above" || s.trigger === "quiet_spender") {
    const m = parseMoney(s.minTip);
    if ("error" in m) return { error: { field: "triggerParams", message: `The amount: ${m.error}` } };
    minCents = m.cents;
  }
  let minutes: number | undefined;
  if (alert) {
    const m = whole(s.minutes);
    if (m === null || m < 5 || m > 1440)
      return { error: { field: "triggerParams", message: "Minutes must be from 5 to 1440" } };
    minutes = m;
  }
  if (s.trigger === "renewal_off" || s.trigger === "expired") {
    const d = whole(s.days);
    if (d === null || d < 1 || d > 90)
      return { error: { field: "triggerParams", message: "Days must be from 1 to 90" } };
    days = d;
  }
  const rules = rulesOf(s);
  if ("field" in rules) return { error: rules };
  return {
    body: {
      name: s.name.trim(),
      trigger: s.trigger,
      triggerParams: {
        subscriber: s.subscriber,
        ...(minCents !== undefined ? { minCents } : {}),
        ...(days !== undefined ? { days } : {}),
        ...(minutes !== undefined ? { minutes } : {}),
      },
      // An alert never writes to the fan.
      text: !alert && s.text.trim() ? s.text : null,
      mediaUuids: alert ? [] : s.media,
      price: alert ? null : priceCents(s.price),
      tag: s.tag.trim() || null,
      addToListUuid: s.addToList || null,
      removeFromListUuid: s.removeFromList || null,
      notifyTeam: s.notifyTeam,
      skipIfUnread: s.skipUnread,
      skipIfSentMedia: s.skipSentMedia,
      timeZone: s.timeZone,
      holdoutPercent: s.holdout,
      dryRun: s.dryRun,
      ...rules,
    },
  };
}

export function useAutomationDraft(initial: AutomationView | null, zone: string) {
  const [s, setS] = useState(() => initialState(initial, zone));
  const set = <K extends keyof DraftState>(k: K, v: DraftState[K]) => setS((prev) => ({ ...prev, [k]: v }));
  return { s, set, setMedia: (f: (m: string[]) => string[]) => setS((prev) => ({ ...prev, media: f(prev.media) })) };
}
