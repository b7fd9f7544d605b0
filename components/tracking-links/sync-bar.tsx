"use client";

import { RefreshCw } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useNow } from "@/components/viewer/use-now";
import { useFormat } from "@/components/viewer/viewer";
import type { TrackingLinksReport } from "@/lib/schemas/tracking-links";
import { sentences } from "@/lib/utils/sentences";

/** The mirror is refreshed every 15 minutes; one older than an hour has missed several runs. */
const STALE_MS = 60 * 60_000;

type Props = { sync: TrackingLinksReport["sync"]; onSyncNow?: () => void; syncing?: boolean };

/** How fresh the table is ("Synced 3 min ago"), and why not when a sync failed, is paused or is late. */
export function SyncBar({ sync, onSyncNow, syncing = false }: Props) {
  const f = useFormat();
  const now = useNow();
  const age = sync.lastSyncedAt ? f.ago(sync.lastSyncedAt, now) : null;
  const retry = onSyncNow ? (
    <Button size="sm" variant="secondary" onClick={onSyncNow} disabled={syncing} data-testid="links-sync-retry">
      Sync now
    </Button>
  ) : null;
  if (sync.state === "failed")
    return (
      <Alert tone="danger" title="The last sync from Fanvue failed" action={retry} data-testid="links-sync">
        {sentences(sync.error, age ? `Figures below are from ${age}.` : "Nothing has been read yet.")}
      </Alert>
    );
  if (sync.state === "paused")
    return (
      <Alert tone="warning" title="Sync paused: reconnect Fanvue" data-testid="links-sync">
        {age ? `Figures below are from ${age}.` : "Nothing has been read yet."}
      </Alert>
    );
  const stale = sync.state === "idle" && sync.lastSyncedAt && now - Date.parse(sync.lastSyncedAt) > STALE_MS;
  if (stale)
    return (
      <Alert tone="warning" title="These figures may be out of date" action={retry} data-testid="links-sync">
        Synced {age}; the sync runs every 15 minutes.
      </Alert>
    );
  const busy = syncing || sync.state === "running";
  const said = busy ? (age ? `Syncing… (last synced ${age})` : "Syncing…") : age ? `Synced ${age}` : "Not synced yet";
  return (
    <p className="flex flex-wrap items-center gap-2 text-xs text-muted" data-testid="links-sync">
      <span>{said}</span>
      {onSyncNow ? (
        <button
          type="button"
          onClick={onSyncNow}
          disabled={busy}
          className="inline-flex items-center gap-1 rounded px-1.5 py-0.5 font-medium text-brand-700 hover:bg-brand-50 disabled:opacity-50 touch:min-h-11"
          data-testid="links-sync-now"
        >
          <RefreshCw className={busy ? "size-3 animate-spin" : "size-3"} aria-hidden="true" /> Sync now
        </button>
      ) : null}
    </p>
  );
}
