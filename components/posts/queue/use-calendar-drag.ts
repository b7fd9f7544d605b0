"use client";

import { useRef, useState, type KeyboardEvent, type MouseEvent, type PointerEvent } from "react";
import type { QueueItem } from "@/lib/schemas/post-views";
import type { Ymd } from "@/lib/utils/date-range";
import { addDays } from "@/lib/utils/date-range";
import { HOUR_PX, instantOf, slotOf, snap, SNAP_MIN } from "./calendar-math";

// Moving a card in the week calendar: drag it (mouse, pen or touch) to
// another day and time, or focus it and use the arrow keys (↑↓ 15 minutes,
// ←→ a day), Enter to confirm, Escape to cancel. A move ends in onMove.

export type Target = { id: string; day: Ymd; minute: number };
/** Movement (px) before a press becomes a drag: a plain click still opens the card. */
const DRAG_THRESHOLD_PX = 4;

/** The day column and snapped minute under the pointer, for a card grabbed `offsetY` px below its top. */
function slotAtPoint(
  cols: (HTMLElement | null)[],
  days: Ymd[],
  x: number,
  y: number,
  offsetY: number,
): { day: Ymd; minute: number } | null {
  const i = cols.findIndex((c) => {
    const r = c?.getBoundingClientRect();
    return r && x >= r.left && x < r.right;
  });
  const col = cols[i]?.getBoundingClientRect();
  if (!col || i < 0) return null;
  return {
    day: days[i]!,
    minute: Math.max(0, Math.min(24 * 60 - SNAP_MIN, snap(((y - offsetY - col.top) / HOUR_PX) * 60))),
  };
}

/** Arrow keys move the target (↑↓ 15 minutes, ←→ a day), Enter confirms, Escape cancels. */
function keyHandler(
  item: QueueItem,
  tz: string,
  target: Target | null,
  setTarget: (t: Target | null) => void,
  finish: (item: QueueItem, t: Target | null) => void,
) {
  return (e: KeyboardEvent<HTMLElement>) => {
    if (!item.canReschedule) return;
    const cur = target?.id === item.id ? target : { id: item.id, ...slotOf(item.at, tz) };
    const step: Record<string, [number, number]> = {
      ArrowUp: [0, -SNAP_MIN],
      ArrowDown: [0, SNAP_MIN],
      ArrowLeft: [-1, 0],
      ArrowRight: [1, 0],
    };
    const s = step[e.key];
    if (s) {
      e.preventDefault();
      setTarget({
        id: item.id,
        day: addDays(cur.day, s[0]),
        minute: Math.max(0, Math.min(24 * 60 - SNAP_MIN, cur.minute + s[1])),
      });
    } else if (e.key === "Enter" && target?.id === item.id) {
      e.preventDefault();
      finish(item, target);
    } else if (e.key === "Escape" && target) {
      e.preventDefault();
      setTarget(null);
    }
  };
}

export function useCalendarDrag(o: {
  days: Ymd[];
  tz: string;
  onMove: (item: QueueItem, at: string) => void;
  columns: () => (HTMLElement | null)[];
}) {
  const [target, setTarget] = useState<Target | null>(null);
  const drag = useRef<{ item: QueueItem; offsetY: number; startX: number; startY: number; moved: boolean } | null>(
    null,
  );
  const justDragged = useRef(false);

  const slotAt = (x: number, y: number, offsetY: number) => slotAtPoint(o.columns(), o.days, x, y, offsetY);

  const finish = (item: QueueItem, t: Target | null) => {
    setTarget(null);
    if (!t) return;
    const at = instantOf(t.day, t.minute, o.tz);
    if (at !== item.at) o.onMove(item, at);
  };

  const cardProps = (item: QueueItem) => ({
    onPointerDown: (e: PointerEvent<HTMLElement>) => {
      if (!item.canReschedule || e.button !== 0) return;
      e.currentTarget.setPointerCapture(e.pointerId);
      drag.current = {
        item,
        offsetY: e.clientY - e.currentTarget.getBoundingClientRect().top,
        startX: e.clientX,
        startY: e.clientY,
        moved: false,
      };
    },
    onPointerMove: (e: PointerEvent<HTMLElement>) => {
      const d = drag.current;
      if (!d || d.item.id !== item.id) return;
      if (!d.moved && Math.hypot(e.clientX - d.startX, e.clientY - d.startY) < DRAG_THRESHOLD_PX) return;
      d.moved = true;
      const slot = slotAt(e.clientX, e.clientY, d.offsetY);
      if (slot) setTarget({ id: item.id, ...slot });
    },
    onPointerUp: (e: PointerEvent<HTMLElement>) => {
      const d = drag.current;
      drag.current = null;
      if (!d?.moved) return;
      e.preventDefault();
      justDragged.current = true;
      const slot = slotAt(e.clientX, e.clientY, d.offsetY);
      finish(item, slot ? { id: item.id, ...slot } : target);
    },
    onPointerCancel: () => {
      drag.current = null;
      setTarget(null);
    },
    /** A drag must not also count as a click that opens the card. */
    onClickCapture: (e: MouseEvent<HTMLElement>) => {
      if (!justDragged.current) return;
      justDragged.current = false;
      e.preventDefault();
    },
    onKeyDown: keyHandler(item, o.tz, target, setTarget, finish),
    style: item.canReschedule ? { touchAction: "none" as const } : undefined,
  });

  return { target, cardProps };
}
