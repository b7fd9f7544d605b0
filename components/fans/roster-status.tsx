"use client";

import { DatabaseZap, RefreshCw, TriangleAlert } from "lucide-react";
import { Button } from "@/components/ui/button";
import { useRoster, useRosterSync } from "@/lib/queries/fans";
import type { FansPage, RosterView } from "@/lib/schemas/fans";
import { formatCount } from "@/lib/utils/format";
import { duration } from "./format";
import { useFormat } from "@/components/viewer/viewer";
import { useNow } from "@/components/viewer/use-now";
import { Progress } from "@/components/ui/progress";

// How fresh the fan roster is: search, sorting and filters run on Vuedeck's
// copy of Fanvue's lists, so the page says how old that copy is and never
// passes it off as live. The first sync shows its progress.

/** Re-renders "4 min ago" as time passes without refetching. */
const TICK_MS = 30_000;

const LIST_NAME: Record<string, string> = { subscribers: "subscribers", followers: "followers" };

function FirstSync({ r }: { r: RosterView }) {
  const p = r.progress!;
  const pct = p.expected ? Math.min(100, Math.round((p.listed / p.expected) * 100)) : null;
  return (
    <div
      className="flex flex-col gap-1.5 rounded-xl border border-sky-200 bg-sky-50 px-4 py-3 text-sm text-sky-900"
      data-testid="roster-status"
      role="status"
    >
      <p className="flex flex-wrap items-baseline justify-between gap-x-3">
        <span className="inline-flex items-center gap-1.5 font-medium">
          <RefreshCw className="size-4 animate-spin [animation-duration:3s]" aria-hidden="true" /> Syncing the fan
          roster
        </span>
        <span className="tabular text-sky-800" data-testid="roster-progress">
          {p.expected !== null
            ? `${formatCount(p.listed)} of ${formatCount(p.expected)} fans`
            : `${formatCount(p.listed)} fans so far`}
          {p.etaSec !== null ? ` · ${duration(p.etaSec)} left` : ""}
        </span>
      </p>
      {pct !== null ? <Progress value={pct} label="Roster sync progress" tone="sky" thin /> : null}
      <p className="text-xs text-sky-800">Search, sorting and filters cover the fans synced so far.</p>
    </div>
  );
}

function SyncNow({ creatorId }: { creatorId: string }) {
  const sync = useRosterSync(creatorId);
  return (
    <Button
      size="sm"
      variant="ghost"
      className="h-6 px-2 text-xs"
      onClick={() => sync.mutate()}
      disabled={sync.isPending}
      data-testid="roster-sync-now"
    >
      Sync now
    </Button>
  );
}

/** "Roster of 1,200 fans · synced 4 min ago · checked for new fans just now". */
function Freshness({ r, now, action }: { r: RosterView; now: number; action: React.ReactNode }) {
  const f = useFormat();
  const parts = [
    `Roster of ${formatCount(r.fans)} fans`,
    r.syncedAt ? `synced ${f.ago(r.syncedAt, now)}` : "not synced yet",
  ];
  if (r.checkedAt && (!r.syncedAt || r.checkedAt > r.syncedAt))
    parts.push(`checked for new fans ${f.ago(r.checkedAt, now)}`);
  if (r.progress) parts.push(`re-syncing (${formatCount(r.progress.listed)} listed)`);
  const drift = r.audience !== null && r.audience !== r.fans && !r.progress;
  return (
    <div className="flex flex-col gap-1 text-xs text-muted" data-testid="roster-status">
      <p className="flex items-center gap-1.5">
        <DatabaseZap className="size-3.5 shrink-0" aria-hidden="true" />
        {/* "synced 4 min ago": the server's HTML may be a minute older than the client's first render. */}
        <span data-testid="roster-freshness" suppressHydrationWarning>
          {parts.join(" · ")}
        </span>
        {drift ? <span>· Fanvue counted {formatCount(r.audience!)} at the last check</span> : null}
        {r.progress ? null : action}
      </p>
      {r.unavailable.length ? (
        <p className="flex items-center gap-1.5 text-amber-800" data-testid="roster-unavailable">
          <TriangleAlert className="size-3.5 shrink-0" aria-hidden="true" />
          Fanvue did not give the {r.unavailable.map((l) => LIST_NAME[l] ?? l).join(" and ")} list at the last sync:
          those fans are as they were before.
        </p>
      ) : null}
      {r.error ? (
        <p className="flex items-center gap-1.5 text-amber-800" data-testid="roster-error">
          <TriangleAlert className="size-3.5 shrink-0" aria-hidden="true" />
          {r.status === "failed" ? "The last sync stopped" : "The sync is retrying"}: {r.error}
        </p>
      ) : null}
    </div>
  );
}

/** The table page carries the roster's state; a light poll keeps it current
 * (progress while syncing) and refetches the table when a sync ends. */
export function RosterStatus({ creatorId, page, canWrite }: { creatorId: string; page: FansPage; canWrite: boolean }) {
  const now = useNow(TICK_MS);
  const r = useRoster(creatorId).data ?? page.roster;
  if (r.firstSync && r.progress) return <FirstSync r={r} />;
  if (r.status === "never") return null;
  return <Freshness r={r} now={now} action={canWrite ? <SyncNow creatorId={creatorId} /> : null} />;
}
