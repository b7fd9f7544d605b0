"use client";

import { useCallback, useMemo, useRef } from "react";
import type { GridItem } from "./media-grid";
import { toggleAt, type Selection } from "./selection";
import type { VaultParamsApi } from "./use-vault-params";

type Args = {
  items: GridItem[];
  selection: Selection;
  onSelection: (s: Selection) => void;
  api: VaultParamsApi;
  mode: "page" | "picker";
};

/** Selecting tiles and opening/closing the preview. The callbacks are stable
 * (they read the latest state through a ref), so a selection change
 * re-renders only the tiles whose own props changed. */
export function useGridActions({ items, selection, onSelection, api, mode }: Args) {
  const order = useMemo(() => items.map((i) => i.uuid), [items]);
  // Only ready media can be posted, sent or filed.
  const ready = useMemo(() => new Set(items.filter((i) => i.status === "ready").map((i) => i.uuid)), [items]);
  const latest = useRef({ selection, order, onSelection, ready });
  latest.current = { selection, order, onSelection, ready };
  const { set } = api;

  const onToggle = useCallback((index: number, range: boolean) => {
    const l = latest.current;
    l.onSelection(toggleAt(l.selection, l.order, index, range, (u) => l.ready.has(u)));
  }, []);
  const toggleUuid = useCallback((uuid: string) => onToggle(latest.current.order.indexOf(uuid), false), [onToggle]);

  // The page pushes a history entry for the preview, so Back closes it.
  const pushed = useRef(false);
  const onOpen = useCallback(
    (index: number) => {
      pushed.current = mode === "page";
      set({ view: latest.current.order[index] }, { push: pushed.current });
    },
    [set, mode],
  );
  const onClose = useCallback(() => {
    if (!pushed.current) return set({ view: undefined });
    pushed.current = false;
    window.history.back();
  }, [set]);

  return { onToggle, toggleUuid, onOpen, onClose };
}
