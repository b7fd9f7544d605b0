"use client";

import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from "react";

/** Keyboard navigation through table rows (roving tabindex): ↑/↓ or j/k
 * move, Home/End jump, Enter opens, x ticks the row (when rows can be
 * selected). One row is in the Tab order at a time. */
export function useRowNav(count: number, onOpen: (index: number) => void, onToggle?: (index: number) => void) {
  const [active, setActive] = useState(0);
  const rows = useRef<(HTMLElement | null)[]>([]);
  useEffect(() => {
    if (active >= count) setActive(Math.max(0, count - 1));
  }, [active, count]);

  const focus = useCallback((i: number) => {
    setActive(i);
    rows.current[i]?.focus();
  }, []);

  const onKeyDown = useCallback(
    (e: KeyboardEvent<HTMLElement>, i: number) => {
      const to = (n: number) => {
        e.preventDefault();
        focus(Math.max(0, Math.min(count - 1, n)));
      };
      if (e.key === "ArrowDown" || e.key === "j") to(i + 1);
      else if (e.key === "ArrowUp" || e.key === "k") to(i - 1);
      else if (e.key === "Home") to(0);
      else if (e.key === "End") to(count - 1);
      else if (e.key === "x" && onToggle) {
        e.preventDefault();
        onToggle(i);
      } else if (e.key === "Enter" || e.key === " ") {
        e.preventDefault();
        setActive(i);
        onOpen(i);
      }
    },
    [count, focus, onOpen, onToggle],
  );

  const rowProps = (i: number) => ({
    ref: (el: HTMLElement | null) => void (rows.current[i] = el),
    tabIndex: i === active ? 0 : -1,
    onKeyDown: (e: KeyboardEvent<HTMLElement>) => onKeyDown(e, i),
    onFocus: () => setActive(i),
  });

  /** Puts focus back on the active row (e.g. after the panel closes). */
  const refocus = useCallback(() => rows.current[active]?.focus(), [active]);

  return { rowProps, refocus, active };
}
