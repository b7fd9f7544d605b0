"use client";

import dynamic from "next/dynamic";
import { useEffect, type ComponentProps } from "react";
import { useOpenedOnce } from "@/components/layout/use-opened-once";
import { Skeleton } from "@/components/ui/skeleton";
import type { FanPanel as Panel } from "./fan-panel";
import type { PanelDrawer as Drawer } from "./panel-drawer";

// The fan panel (insights, spending, notes, tags, lists) and its side sheet are not part of the
// fans and chats pages' first load: nobody sees them before picking a fan. Their code is fetched
// once the page has started (so opening a fan does not wait for it) and mounted when first needed.

const loadDrawer = () => import("./panel-drawer");
const loadPanel = () => import("./fan-panel");

const DrawerNow = dynamic(() => loadDrawer().then((m) => m.PanelDrawer), { ssr: false });
const PanelNow = dynamic(() => loadPanel().then((m) => m.FanPanel), {
  ssr: false,
  loading: () => (
    <div className="space-y-3 p-4" aria-busy="true" aria-label="Loading fan details">
      <Skeleton className="h-12 rounded-lg" />
      <Skeleton className="h-32 rounded-lg" />
      <Skeleton className="h-24 rounded-lg" />
    </div>
  ),
});

/** Fetches the panel's code after the page's first render, off the critical path. */
function usePanelCodeSoon() {
  useEffect(() => {
    void loadDrawer();
  }, []);
}

/** The fan panel as a side sheet, loaded with its first opening (see panel-drawer.tsx). */
export function LazyPanelDrawer(props: ComponentProps<typeof Drawer>) {
  usePanelCodeSoon();
  const opened = useOpenedOnce(props.fanUuid !== null);
  return opened ? <DrawerNow {...props} /> : null;
}

/** The fan panel inline (the chats page's right column on wide screens). */
export function LazyFanPanel(props: ComponentProps<typeof Panel>) {
  return <PanelNow {...props} />;
}
