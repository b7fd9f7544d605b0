"use client";

import Link from "next/link";
import { useViewer } from "@/components/viewer/viewer";
import type { QueueItem } from "@/lib/schemas/post-views";
import { cn } from "@/lib/utils/cn";
import type { Ymd } from "@/lib/utils/date-range";
import { formatMoney } from "@/lib/utils/format";
import { dayHeading, formatTime } from "@/lib/utils/time";
import { slotOf } from "./calendar-math";

function DayItem({ item }: { item: QueueItem }) {
  const viewer = useViewer();
  const body = (
    <>
      <span className="tabular min-w-12 shrink-0 text-sm font-semibold whitespace-nowrap">
        {formatTime(item.at, viewer)}
      </span>
      <span className="min-w-0 flex-1 truncate text-sm">{item.title}</span>
      {item.post?.price != null ? (
        <span className="tabular shrink-0 text-xs text-muted">{formatMoney(item.post.price)}</span>
      ) : null}
      <span
        className={cn(
          "shrink-0 rounded-full px-2 py-0.5 text-[11px] font-medium",
          item.kind === "post" ? "bg-brand-50 text-brand-800" : "bg-sky-50 text-sky-800",
        )}
      >
        {item.kind === "post" ? "Post" : "Message"}
      </span>
    </>
  );
  const row = "flex min-h-11 items-center gap-3 px-3 py-2";
  return (
    <li data-testid="day-list-item" data-id={item.id}>
      {item.href ? (
        <Link href={item.href} className={cn(row, "hover:bg-canvas")}>
          {body}
        </Link>
      ) : (
        <div className={row}>{body}</div>
      )}
    </li>
  );
}

/**
 * The week on a phone: its seven days one under the other, each with what goes out that day in
 * time order (seven columns would need sideways scrolling). Rescheduling by dragging stays on
 * wider screens; here a post opens to be edited.
 */
export function WeekDayList({ days, items, tz, today }: { days: Ymd[]; items: QueueItem[]; tz: string; today: Ymd }) {
  const viewer = useViewer();
  const byDay = new Map<Ymd, QueueItem[]>();
  for (const i of [...items].sort((a, b) => a.at.localeCompare(b.at))) {
    const { day } = slotOf(i.at, tz);
    byDay.set(day, [...(byDay.get(day) ?? []), i]);
  }
  return (
    <ol className="flex flex-col gap-2" data-testid="week-day-list">
      {days.map((d) => {
        const list = byDay.get(d) ?? [];
        return (
          <li
            key={d}
            className={cn("overflow-hidden rounded-xl border border-line bg-surface", d < today && "opacity-70")}
            data-day={d}
          >
            <h3
              className={cn(
                "border-b border-line bg-canvas/60 px-3 py-1.5 text-xs font-semibold",
                d === today && "text-brand-700",
              )}
            >
              {dayHeading(d, viewer)}
            </h3>
            {list.length ? (
              <ul className="divide-y divide-line">
                {list.map((i) => (
                  <DayItem key={`${i.kind}:${i.id}`} item={i} />
                ))}
              </ul>
            ) : (
              <p className="px-3 py-2 text-xs text-muted">Nothing scheduled</p>
            )}
          </li>
        );
      })}
    </ol>
  );
}
