"use client";

import dynamic from "next/dynamic";
import type { ComponentProps } from "react";
import { useOpenedOnce } from "@/components/layout/use-opened-once";
import type { Sheet as SheetNow } from "./dialog";

// Radix's dialog (focus trap, scroll lock, portal: ~12 kB gzipped) loaded with a sheet's first
// opening rather than with the page, for sheets most visits never open. Once opened it stays
// mounted (its close animation, its state). Where a dialog is part of the page's main job, use
// ./dialog directly.

const LoadedSheet = dynamic(() => import("./dialog").then((m) => m.Sheet), { ssr: false });

/** Sheet, loaded on first opening (see ./dialog.tsx). */
export function LazySheet(p: ComponentProps<typeof SheetNow>) {
  const opened = useOpenedOnce(p.open);
  return opened ? <LoadedSheet {...p} /> : null;
}
