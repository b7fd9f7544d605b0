"use client";

import { useEffect, useRef, type RefObject } from "react";

// Keeps the grid's scroll position in the URL (`at` = first visible tile), and
// restores it on Back or reload: loads pages until that tile exists, then
// scrolls it under the sticky header.

/** Height of the sticky app header, plus a little air. */
const HEADER_PX = 72;
/** Write the position at most this often while scrolling. */
const TRACK_MS = 400;
/** Never load more than this many items to get back to a position. */
const MAX_RESTORE_ITEMS = 2_000;

/** Index of the first tile whose bottom is below the header (binary search:
 * tiles are in reading order, so their bottoms never decrease). */
function firstVisible(grid: HTMLElement | null): number {
  const tiles = grid?.children;
  if (!tiles?.length) return 0;
  let lo = 0;
  let hi = tiles.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tiles[mid]!.getBoundingClientRect().bottom > HEADER_PX) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

type Args = {
  enabled: boolean;
  at: number | undefined;
  items: readonly unknown[];
  gridRef: RefObject<HTMLElement | null>;
  canLoadMore: boolean;
  loadMore: () => void;
  setAt: (at: number | undefined) => void;
};

export function useScrollAnchor({ enabled, at, items, gridRef, canLoadMore, loadMore, setAt }: Args) {
  const restoring = useRef(enabled && (at ?? 0) > 0);
  const target = useRef(at ?? 0);
  const last = useRef(at ?? 0);
  const setAtRef = useRef(setAt);
  setAtRef.current = setAt;

  useEffect(() => {
    if (!restoring.current) return;
    const tile = gridRef.current?.children[target.current] as HTMLElement | undefined;
    if (items.length > target.current && tile) {
      window.scrollTo({ top: tile.getBoundingClientRect().top + window.scrollY - HEADER_PX });
      restoring.current = false;
    } else if (canLoadMore && items.length < MAX_RESTORE_ITEMS) loadMore();
    else if (!canLoadMore && items.length) restoring.current = false;
  }, [items.length, canLoadMore, loadMore, gridRef]);

  useEffect(() => {
    if (!enabled) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const onScroll = () => {
      if (restoring.current || timer) return;
      timer = setTimeout(() => {
        timer = null;
        const idx = firstVisible(gridRef.current);
        if (idx === last.current) return;
        last.current = idx;
        setAtRef.current(idx || undefined);
      }, TRACK_MS);
    };
    window.addEventListener("scroll", onScroll, { passive: true });
    return () => {
      window.removeEventListener("scroll", onScroll);
      if (timer) clearTimeout(timer);
    };
  }, [enabled, gridRef]);
}
