"use client";

import { useSyncExternalStore } from "react";
import { fetchLookup } from "@/lib/queries/media";
import { createProcessingWatch } from "./processing-watch-core";

// The tab's one watch over processing media (see processing-watch-core.ts
// for its bounds), shared by the vault grid and the upload panel.

const hidden = () => typeof document !== "undefined" && document.visibilityState === "hidden";

const watch = createProcessingWatch({
  lookup: fetchLookup,
  now: () => Date.now(),
  setTimer: (fn, ms) => setTimeout(fn, ms),
  clearTimer: (t) => clearTimeout(t as ReturnType<typeof setTimeout>),
  isHidden: hidden,
});

if (typeof document !== "undefined") document.addEventListener("visibilitychange", watch.visibilityChanged);

export const watchProcessing = watch.watch;
export const checkProcessingAgain = watch.checkAgain;
export const isProcessingStuck = watch.isStuck;
export const onProcessed = watch.onProcessed;
export const onStuckChanged = watch.subscribe;

/** Re-renders when an item becomes stuck or is checked again. */
export function useStuckVersion() {
  return useSyncExternalStore(watch.subscribe, watch.version, () => 0);
}
