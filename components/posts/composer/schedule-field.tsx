"use client";

import { Checkbox } from "@/components/ui/choice";
import { useEffect, useState } from "react";
import { Segmented } from "@/components/ui/segmented";
import { cn } from "@/lib/utils/cn";
import { fromLocalInputs, toLocalInputs } from "@/lib/utils/post-time";
import { addDays, localDate } from "@/lib/utils/date-range";
import { formatTime, zoneAbbr } from "@/lib/utils/time";
import { useViewer } from "@/components/viewer/viewer";
import { FieldShell } from "./field-shell";
import { Input } from "@/components/ui/input";

const inputClass = (bad: boolean) => cn("text-base sm:text-sm", bad ? "border-red-400" : "border-line");

/** A date and a time in the viewer's zone, for an instant stored as UTC. The
 * typed strings are kept while incomplete (a date without a time yet). */
function LocalDateTime(p: {
  id: string;
  label: string;
  iso: string | null;
  tz: string;
  bad: boolean;
  onChange: (iso: string | null) => void;
}) {
  const [date, setDate] = useState(() => (p.iso ? toLocalInputs(p.iso, p.tz).date : ""));
  const [time, setTime] = useState(() => (p.iso ? toLocalInputs(p.iso, p.tz).time : ""));
  // Follow a change made elsewhere (a quick action, a restored draft).
  useEffect(() => {
    if (!p.iso || fromLocalInputs(date, time, p.tz) === p.iso) return;
    const l = toLocalInputs(p.iso, p.tz);
    setDate(l.date);
    setTime(l.time);
  }, [p.iso, p.tz]); // eslint-disable-line react-hooks/exhaustive-deps -- only outside changes
  const update = (d: string, t: string) => {
    setDate(d);
    setTime(t);
    p.onChange(fromLocalInputs(d, t, p.tz));
  };
  const describedBy = p.bad ? `${p.id}-error` : undefined;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Input
        type="date"
        aria-label={`${p.label} date`}
        value={date}
        onChange={(e) => update(e.target.value, time)}
        aria-invalid={p.bad}
        aria-describedby={describedBy}
        className={inputClass(p.bad)}
        data-testid={`${p.id}-date`}
      />
      <Input
        type="time"
        aria-label={`${p.label} time`}
        value={time}
        onChange={(e) => update(date, e.target.value)}
        aria-invalid={p.bad}
        aria-describedby={describedBy}
        className={inputClass(p.bad)}
        data-testid={`${p.id}-time`}
      />
    </div>
  );
}

/** "Europe/Berlin (CET) · 08:00 UTC": the zone the times are in, and the instant stored. */
function ZoneNote({ iso, tz }: { iso: string | null; tz: string }) {
  const at = iso ? Date.parse(iso) : Date.now();
  const utc = iso ? new Date(at).toISOString().slice(11, 16) : null;
  return (
    <>
      Times are in your zone, {tz} ({zoneAbbr(at, tz)}){utc ? ` · ${utc} UTC` : ""}.
    </>
  );
}

/** A week: the usual length of a limited-time post, as a first pick for the expiry. */
const DEFAULT_EXPIRY_MS = 7 * 86_400_000;

/** Start of the next full hour, at least 30 minutes away: a sensible first pick. */
export function defaultPublishAt(now = Date.now()) {
  const d = new Date(now + 30 * 60_000);
  d.setMinutes(60, 0, 0);
  return d.toISOString();
}

type Props = {
  tz: string;
  schedule: "now" | "later";
  publishAt: string | null;
  expires: boolean;
  expiresAt: string | null;
  /** Published posts can no longer be rescheduled. */
  canSchedule: boolean;
  errors: { publishAt?: string | null; expiresAt?: string | null };
  onChange: (patch: {
    schedule?: "now" | "later";
    publishAt?: string | null;
    expires?: boolean;
    expiresAt?: string | null;
  }) => void;
};

/** One tap for the times creators schedule most (typing a date and a time on a phone takes many). */
const QUICK_TIMES = ["09:00", "20:00"] as const;

/** "Tomorrow 09:00" and "Tomorrow 20:00" in the viewer's zone: each sets Schedule and its time. */
function QuickTimes({
  tz,
  publishAt,
  onPick,
}: {
  tz: string;
  publishAt: string | null;
  onPick: (iso: string) => void;
}) {
  const viewer = useViewer();
  const tomorrow = addDays(localDate(Date.now(), tz), 1);
  return (
    <div role="group" aria-label="Quick times" className="flex flex-wrap gap-2">
      {QUICK_TIMES.map((t) => {
        const iso = fromLocalInputs(tomorrow, t, tz)!;
        const on = publishAt === iso;
        return (
          <button
            key={t}
            type="button"
            aria-pressed={on}
            onClick={() => onPick(iso)}
            className={cn(
              "h-8 rounded-full border px-3 text-sm font-medium touch:h-11",
              on
                ? "border-brand-600 bg-brand-50 text-brand-800"
                : "border-line bg-surface text-zinc-700 hover:bg-canvas",
            )}
            data-testid={`quick-time-${t}`}
          >
            Tomorrow {formatTime(iso, viewer)}
          </button>
        );
      })}
    </div>
  );
}

/** Publish now, or at a chosen time (first picked: the next full hour). */
function PublishAtField(p: Props) {
  return (
    <FieldShell
      id="publishAt"
      label="When"
      error={p.errors.publishAt}
      hint={p.schedule === "later" ? <ZoneNote iso={p.publishAt} tz={p.tz} /> : undefined}
    >
      <Segmented
        label="When"
        options={[
          { value: "now" as const, label: "Publish now" },
          { value: "later" as const, label: "Schedule" },
        ]}
        value={p.schedule}
        onChange={(v) =>
          p.onChange(v === "later" && !p.publishAt ? { schedule: v, publishAt: defaultPublishAt() } : { schedule: v })
        }
        testId="schedule-mode"
      />
      <QuickTimes
        tz={p.tz}
        publishAt={p.schedule === "later" ? p.publishAt : null}
        onPick={(iso) => p.onChange({ schedule: "later", publishAt: iso })}
      />
      {p.schedule === "later" ? (
        <LocalDateTime
          id="publishAt"
          label="Publish"
          iso={p.publishAt}
          tz={p.tz}
          bad={Boolean(p.errors.publishAt)}
          onChange={(iso) => p.onChange({ publishAt: iso })}
        />
      ) : null}
    </FieldShell>
  );
}

/** An optional expiry (first picked: a week after publishing). */
function ExpiryField(p: Props) {
  return (
    <FieldShell
      id="expiresAt"
      label="Expiry"
      error={p.errors.expiresAt}
      hint={
        p.expires ? (
          <ZoneNote iso={p.expiresAt} tz={p.tz} />
        ) : (
          "Optional: the post is removed from the feed at this time."
        )
      }
    >
      <label className="flex items-center gap-2 text-sm">
        <Checkbox
          checked={p.expires}
          onChange={(e) =>
            p.onChange({
              expires: e.target.checked,
              ...(e.target.checked && !p.expiresAt
                ? {
                    expiresAt: new Date(
                      Date.parse(p.publishAt ?? new Date().toISOString()) + DEFAULT_EXPIRY_MS,
                    ).toISOString(),
                  }
                : {}),
            })
          }
          data-testid="expires-toggle"
        />
        Remove the post at a set time
      </label>
      {p.expires ? (
        <LocalDateTime
          id="expiresAt"
          label="Expiry"
          iso={p.expiresAt}
          tz={p.tz}
          bad={Boolean(p.errors.expiresAt)}
          onChange={(iso) => p.onChange({ expiresAt: iso })}
        />
      ) : null}
    </FieldShell>
  );
}

export function ScheduleField(p: Props) {
  return (
    <div className="flex flex-col gap-5">
      {p.canSchedule ? <PublishAtField {...p} /> : null}
      <ExpiryField {...p} />
    </div>
  );
}
