"use client";

import type { ReactNode } from "react";
import { LiveProvider, liveLabel, useLive } from "@/components/chats/live-provider";
import { ToastProvider } from "@/components/chats/toaster";
import { UnreadTitle } from "@/components/pwa/unread-title";

/** Toasts and live updates for every dashboard page of a workspace: a tip or
 * a purchase shows wherever the user is (earnings, fans, vault…), not only in
 * the inbox, and the pages' cached data is refreshed from the same events. */
export function LiveFrame({
  workspaceId,
  creatorNames,
  children,
}: {
  workspaceId: string;
  creatorNames?: Record<string, string>;
  children: ReactNode;
}) {
  return (
    <ToastProvider>
      <LiveProvider workspaceId={workspaceId} creatorNames={creatorNames}>
        <LiveMarker />
        <UnreadTitle />
        {children}
      </LiveProvider>
    </ToastProvider>
  );
}

/** The stream's state on every page, for assistive tech and tests (the inbox
 * shows it visibly). */
function LiveMarker() {
  const live = useLive();
  const { status } = live;
  const text =
    status === "live"
      ? "Live updates on"
      : status === "polling"
        ? "Live updates by polling"
        : status === "connecting"
          ? "Connecting live updates"
          : liveLabel(live).text;
  return (
    <span className="sr-only" data-testid="live-connection" data-status={status}>
      {text}
    </span>
  );
}
