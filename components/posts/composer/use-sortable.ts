"use client";

import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from "react";

// Reordering a list by dragging (mouse, pen or touch, via pointer events)
// and by keyboard on each item's handle: arrows move it, Home/End to the
// ends. Each move is announced for screen readers. The drag listens on the
// window: the dragged node moves in the DOM as the list reorders, which would
// drop a pointer capture.

export function useSortable(ids: string[], onMove: (from: number, to: number) => void, nameOf: (id: string) => string) {
  const nodes = useRef(new Map<string, HTMLElement>());
  const [dragging, setDragging] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const latest = useRef({ ids, onMove, nameOf });
  latest.current = { ids, onMove, nameOf };
  // Moving a focused node in the DOM drops its focus: give it back.
  const refocus = useRef<string | null>(null);
  useEffect(() => {
    if (!refocus.current) return;
    nodes.current.get(refocus.current)?.querySelector<HTMLElement>("[data-sort-handle]")?.focus();
    refocus.current = null;
  });

  const register = useCallback(
    (id: string) => (el: HTMLElement | null) => {
      if (el) nodes.current.set(id, el);
      else nodes.current.delete(id);
    },
    [],
  );

  const move = useCallback((id: string, to: number) => {
    const { ids: list, onMove: apply, nameOf: name } = latest.current;
    const from = list.indexOf(id);
    if (from < 0 || to < 0 || to >= list.length || to === from) return;
    apply(from, to);
    setAnnouncement(`${name(id)}: position ${to + 1} of ${list.length}`);
  }, []);

  /** The item under the pointer, else -1 (gaps between tiles change nothing). */
  const indexAt = (x: number, y: number) =>
    latest.current.ids.findIndex((id) => {
      const r = nodes.current.get(id)?.getBoundingClientRect();
      return r !== undefined && x >= r.left && x <= r.right && y >= r.top && y <= r.bottom;
    });

  useEffect(() => {
    if (!dragging) return;
    const onMoveEvt = (e: globalThis.PointerEvent) => {
      const to = indexAt(e.clientX, e.clientY);
      if (to !== -1) move(dragging, to);
    };
    const end = () => setDragging(null);
    window.addEventListener("pointermove", onMoveEvt);
    window.addEventListener("pointerup", end);
    window.addEventListener("pointercancel", end);
    return () => {
      window.removeEventListener("pointermove", onMoveEvt);
      window.removeEventListener("pointerup", end);
      window.removeEventListener("pointercancel", end);
    };
  }, [dragging, move]);

  const handleProps = (id: string) => ({
    onPointerDown: (e: PointerEvent<HTMLElement>) => {
      if (e.button !== 0) return;
      e.preventDefault();
      setDragging(id);
    },
    onKeyDown: (e: KeyboardEvent<HTMLElement>) => {
      const index = ids.indexOf(id);
      const to = {
        ArrowLeft: index - 1,
        ArrowUp: index - 1,
        ArrowRight: index + 1,
        ArrowDown: index + 1,
        Home: 0,
        End: ids.length - 1,
      }[e.key];
      if (to === undefined) return;
      e.preventDefault();
      refocus.current = id;
      move(id, to);
    },
    style: { touchAction: "none" as const },
    "data-sort-handle": "",
  });

  return { register, handleProps, dragging, announcement };
}
