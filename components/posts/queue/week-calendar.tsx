"use client";

import { ChevronLeft, ChevronRight } from "lucide-react";
import Link from "next/link";
import { useEffect, useRef, type RefObject } from "react";
import { Button } from "@/components/ui/button";
import type { QueueItem } from "@/lib/schemas/post-views";
import { cn } from "@/lib/utils/cn";
import { localDate } from "@/lib/utils/date-range";
import { formatMoney } from "@/lib/utils/format";
import { formatDay, zoneAbbr } from "@/lib/utils/time";
import { CARD_MIN, HOUR_PX, lanes, slotOf, weekDays } from "./calendar-math";
import { useCalendarDrag } from "./use-calendar-drag";
import { WeekDayList } from "./week-day-list";
import { useViewer } from "@/components/viewer/viewer";
import { useShownWeek } from "./use-shown-week";

/** Opens scrolled to the morning: most posts go out between 8:00 and 23:00. */
const FIRST_VISIBLE_HOUR = 7;
const HOURS = Array.from({ length: 24 }, (_, h) => h);
const hhmm = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;

type Props = { items: QueueItem[]; tz: string; onMove: (item: QueueItem, at: string) => void };

type Drag = ReturnType<typeof useCalendarDrag>;

function WeekNav({
  tz,
  range,
  onPrev,
  onThis,
  onNext,
}: {
  tz: string;
  range: string;
  onPrev: () => void;
  onThis: () => void;
  onNext: () => void;
}) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button size="sm" variant="secondary" onClick={onPrev} aria-label="Previous week">
        <ChevronLeft className="size-4" aria-hidden="true" />
      </Button>
      <Button size="sm" variant="secondary" onClick={onThis}>
        This week
      </Button>
      <Button size="sm" variant="secondary" onClick={onNext} aria-label="Next week" data-testid="next-week">
        <ChevronRight className="size-4" aria-hidden="true" />
      </Button>
      <span className="text-sm font-medium" data-testid="week-range">
        {range}
      </span>
      <span className="ml-auto text-xs text-muted max-sm:hidden">
        {tz} ({zoneAbbr(Date.now(), tz)}) · drag a post, or focus it and use the arrow keys then Enter
      </span>
    </div>
  );
}

type CardProps = { item: QueueItem; minute: number; lane: number; laneCount: number; dayText: string; dnd: Drag };

/** A post (or message) at its time; ones that can be rescheduled drag or move with the arrow keys. */
function CalendarCard({ item, minute, lane, laneCount, dayText, dnd }: CardProps) {
  const moving = dnd.target?.id === item.id;
  const { style, ...handlers } = dnd.cardProps(item);
  return (
    <Link
      href={item.href ?? "#"}
      draggable={false}
      className={cn(
        "absolute overflow-hidden rounded-md border px-1.5 py-0.5 text-left text-[11px] leading-tight shadow-sm select-none",
        item.kind === "post" ? "border-brand-200 bg-brand-50 text-brand-900" : "border-sky-200 bg-sky-50 text-sky-900",
        item.canReschedule && "cursor-grab active:cursor-grabbing",
        moving && "opacity-40",
      )}
      style={{
        top: (minute / 60) * HOUR_PX,
        height: (CARD_MIN / 60) * HOUR_PX,
        left: `calc(${(lane / laneCount) * 100}% + 2px)`,
        width: `calc(${100 / laneCount}% - 4px)`,
        ...style,
      }}
      {...handlers}
      title={item.title}
      data-testid="calendar-item"
      data-id={item.id}
      aria-label={`${item.title}, ${dayText} ${hhmm(minute)}. ${item.canReschedule ? "Arrow keys move it, Enter confirms." : ""}`}
    >
      <span className="tabular font-semibold">{hhmm(minute)}</span>{" "}
      {item.post?.price != null ? formatMoney(item.post.price) + " · " : ""}
      {item.title}
    </Link>
  );
}

function DropTarget({ minute }: { minute: number }) {
  return (
    <div
      className="pointer-events-none absolute inset-x-0.5 z-10 rounded-md border-2 border-dashed border-brand-600 bg-brand-100/70 px-1.5 text-[11px] font-semibold text-brand-900"
      style={{ top: (minute / 60) * HOUR_PX, height: (CARD_MIN / 60) * HOUR_PX }}
      data-testid="drop-target"
    >
      {hhmm(minute)}
    </div>
  );
}

export function WeekCalendar({ items, tz, onMove }: Props) {
  const { locale } = useViewer();
  const dayLabel = (day: string) => formatDay(day, locale, "weekdayDay");
  const week = useShownWeek(tz);
  const start = week.start;
  const days = weekDays(start);
  const cols = useRef<(HTMLElement | null)[]>([]);
  const scroller = useRef<HTMLDivElement>(null);
  const dnd = useCalendarDrag({ days, tz, onMove, columns: () => cols.current });
  const today = localDate(Date.now(), tz);
  useEffect(() => {
    scroller.current?.scrollTo({ top: FIRST_VISIBLE_HOUR * HOUR_PX });
  }, []);
  const placed = items.map((i) => ({ item: i, ...slotOf(i.at, tz) }));
  const range = `${dayLabel(days[0]!)} – ${dayLabel(days[6]!)} ${formatDay(days[6]!, locale, "monthLongYear")}`;
  return (
    <div className="flex flex-col gap-3" data-testid="week-calendar">
      <WeekNav tz={tz} range={range} onPrev={week.prev} onThis={week.current} onNext={week.next} />
      {/* A phone lists the days one under the other; wider screens get the seven columns. */}
      <div className="sm:hidden">
        <WeekDayList days={days} items={items} tz={tz} today={today} />
      </div>
      <div
        ref={scroller}
        className="max-h-[560px] overflow-auto rounded-xl border border-line bg-surface max-sm:hidden"
      >
        <WeekGrid days={days} today={today} placed={placed} dayLabel={dayLabel} dnd={dnd} cols={cols} />
      </div>
    </div>
  );
}

type Placed = { item: QueueItem; day: string; minute: number };

/** The seven columns of hours, with the posts at their times (wider screens). */
function WeekGrid({
  days,
  today,
  placed,
  dayLabel,
  dnd,
  cols,
}: {
  days: string[];
  today: string;
  placed: Placed[];
  dayLabel: (day: string) => string;
  dnd: Drag;
  cols: RefObject<(HTMLElement | null)[]>;
}) {
  return (
    <div className="grid min-w-[720px] grid-cols-[48px_repeat(7,minmax(0,1fr))]">
      <div className="sticky top-0 z-20 border-b border-line bg-surface" />
      {days.map((d) => (
        <div
          key={d}
          className={cn(
            "sticky top-0 z-20 border-b border-l border-line bg-surface px-2 py-1.5 text-xs font-semibold",
            d === today && "text-brand-700",
          )}
        >
          {dayLabel(d)}
        </div>
      ))}
      <div className="relative">
        {HOURS.map((h) => (
          <div key={h} className="tabular pr-1 text-right text-[10px] text-muted" style={{ height: HOUR_PX }}>
            {h ? hhmm(h * 60) : ""}
          </div>
        ))}
      </div>
      {days.map((day, i) => (
        <div
          key={day}
          ref={(el) => void (cols.current[i] = el)}
          className={cn("relative border-l border-line", day < today && "bg-zinc-50")}
          data-day={day}
        >
          {HOURS.map((h) => (
            <div
              key={h}
              className="border-b border-line/70"
              style={{ height: HOUR_PX }}
              data-slot={`${day}T${String(h).padStart(2, "0")}`}
            />
          ))}
          {lanes(placed.filter((p) => p.day === day)).map(({ item, minute, lane, laneCount }) => (
            <CalendarCard
              key={`${item.kind}:${item.id}`}
              item={item}
              minute={minute}
              lane={lane}
              laneCount={laneCount}
              dayText={dayLabel(day)}
              dnd={dnd}
            />
          ))}
          {dnd.target && days[i] === dnd.target.day ? <DropTarget minute={dnd.target.minute} /> : null}
        </div>
      ))}
    </div>
  );
}
