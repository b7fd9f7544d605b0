"use client";

import { RefreshCw } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { SyncStatus } from "@/lib/schemas/earnings";
import { formatCount } from "@/lib/utils/format";
import { useFormat } from "@/components/viewer/viewer";
import { useNow } from "@/components/viewer/use-now";
import { Progress } from "@/components/ui/progress";
import { sentences } from "@/lib/utils/sentences";

type BarProps = {
  sync: SyncStatus;
  onSyncNow?: () => void;
  syncing: boolean;
};

/** The ledger's health, always visible: last sync, a running backfill's
 * progress, or a failure with its reason and a retry. Never silent zeros. */
export function SyncStatusBar({ sync, onSyncNow, syncing }: BarProps) {
  const f = useFormat();
  const ago = (iso: string | null, now: number) => (iso ? f.ago(iso, now) : "never");
  const now = useNow();
  if (sync.state === "failed" || sync.state === "paused") {
    return (
      <Alert
        tone={sync.state === "failed" ? "danger" : "warning"}
        title={sync.state === "failed" ? "The last sync from Fanvue failed" : "Sync paused: reconnect Fanvue"}
        data-testid="sync-status"
        action={
          onSyncNow && sync.state === "failed" ? (
            <Button size="sm" variant="secondary" onClick={onSyncNow} disabled={syncing}>
              Retry sync
            </Button>
          ) : null
        }
      >
        {sentences(sync.error, `Figures below are from the last successful sync (${ago(sync.lastSyncedAt, now)}).`)}
      </Alert>
    );
  }
  if (sync.state === "backfilling" || sync.state === "never") return <BackfillProgress sync={sync} />;
  return (
    <p className="flex items-center gap-2 text-xs text-muted" data-testid="sync-status">
      <span>
        {sync.state === "syncing" ? "Syncing…" : `Last synced ${ago(sync.lastSyncedAt, now)}`}
        {!sync.refundsAvailable ? " · refunds are not available for agency-managed creators" : ""}
      </span>
      {onSyncNow ? (
        <button
          type="button"
          onClick={onSyncNow}
          disabled={syncing || sync.state === "syncing"}
          className="inline-flex items-center gap-1 rounded px-1.5 py-0.5 font-medium text-brand-700 hover:bg-brand-50 disabled:opacity-50 touch:min-h-11"
        >
          <RefreshCw
            className={syncing || sync.state === "syncing" ? "size-3 animate-spin" : "size-3"}
            aria-hidden="true"
          />{" "}
          Sync now
        </button>
      ) : null}
    </p>
  );
}

/** The first import: a progress bar (indeterminate until the share is known). */
function BackfillProgress({ sync }: { sync: SyncStatus }) {
  const f = useFormat();
  const pct = sync.progress?.fraction != null ? Math.round(sync.progress.fraction * 100) : null;
  return (
    <div
      className="rounded-xl border border-sky-200 bg-sky-50 p-4 text-sm text-sky-900"
      data-testid="sync-status"
      role="status"
    >
      <p className="font-semibold">
        Importing your full earnings history from Fanvue{pct !== null ? ` — ${pct}%` : "…"}
      </p>
      <Progress value={pct} label="Earnings history import" tone="sky" className="mt-2" />
      <p className="mt-2 text-xs">
        {sync.progress ? `${formatCount(sync.progress.rowsDone)} transactions in` : "Starting"}
        {sync.progress?.reachedAt ? `, back to ${f.date(sync.progress.reachedAt)}` : ""}. Figures fill in as it goes.
      </p>
    </div>
  );
}
