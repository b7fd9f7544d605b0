"use client";

import { RefreshCw } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import type { MirrorInfo } from "@/lib/schemas/chats";
import { formatAgo, formatDateTime } from "@/lib/utils/time";
import { useViewer } from "@/components/viewer/viewer";
import { formatCount } from "@/lib/utils/format";
import { useNow } from "@/components/viewer/use-now";

/** "Chats synced 4 min ago" (a Vuedeck copy, never presented as live). */
export function SyncedAgo({
  syncedAt,
  fullSyncedAt,
  listSyncedAt,
  what = "Chats",
}: {
  syncedAt: string;
  fullSyncedAt?: string | null;
  listSyncedAt?: string | null;
  what?: string;
}) {
  const viewer = useViewer();
  const now = useNow();
  const detail = `New messages copied from Fanvue up to ${formatDateTime(syncedAt, viewer)}.${fullSyncedAt ? ` Read, mute and nickname changes made outside Vuedeck: as of ${formatDateTime(fullSyncedAt, viewer)} (at once with webhooks).` : ""}`;
  return (
    // "4 min ago": the server's HTML may be a minute older than the client's first render.
    <span
      className="inline-flex items-center gap-1 text-xs text-muted"
      title={detail}
      data-testid="chats-synced"
      suppressHydrationWarning
    >
      <RefreshCw className="size-3" aria-hidden="true" />
      {what} synced {formatAgo(syncedAt, viewer, now)}
      {listSyncedAt ? (
        <span data-testid="list-synced" suppressHydrationWarning>
          {" "}
          · list members {formatAgo(listSyncedAt, viewer, now)}
        </span>
      ) : null}
    </span>
  );
}

/** What an agency inbox view knows about its copy of Fanvue's chat list. */
export function MirrorStatus({ mirror, creatorHandle }: { mirror: MirrorInfo; creatorHandle: string }) {
  if (mirror.syncing) {
    return (
      <Alert tone="info" title={`Copying @${creatorHandle}'s chats from Fanvue…`} data-testid="mirror-syncing">
        {mirror.chatsSoFar > 0 ? `${formatCount(mirror.chatsSoFar)} so far. ` : ""}Fanvue offers agencies no search or
        filters, so Vuedeck keeps its own copy; this first copy runs in the background.
      </Alert>
    );
  }
  return (
    <div className="flex flex-col gap-2">
      {mirror.error ? (
        <Alert tone="warning" title="Could not sync with Fanvue">
          {mirror.error}
        </Alert>
      ) : null}
      {mirror.list?.pending ? (
        <Alert tone="info" title="Reading this list's members from Fanvue…" data-testid="list-pending">
          Chats appear here once Vuedeck has the list; it keeps it up to date afterwards.
        </Alert>
      ) : null}
    </div>
  );
}
