"use client";

import Link from "next/link";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Sheet } from "@/components/ui/dialog";
import { ErrorState } from "@/components/ui/error-state";
import { Select } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { useFormat } from "@/components/viewer/viewer";
import { useAutomationRuns } from "@/lib/queries/automations";
import type { AutomationRunView, AutomationView, RunStatus } from "@/lib/schemas/automations";
import { RUN_STATUSES } from "@/lib/schemas/automations-values";
import { formatCount } from "@/lib/utils/format";

const STATUS: Record<RunStatus, { label: string; tone: "brand" | "neutral" | "warning" | "danger" | "info" }> = {
  pending: { label: "Waiting", tone: "info" },
  sending: { label: "Sending", tone: "info" },
  sent: { label: "Sent", tone: "brand" },
  failed: { label: "Failed", tone: "danger" },
  unknown: { label: "State unknown", tone: "warning" },
  skipped: { label: "Skipped", tone: "neutral" },
  held_out: { label: "Held out", tone: "neutral" },
  dry_run: { label: "Dry run", tone: "info" },
};

/** One automation's log: every firing for a fan, newest first, and what became of it. */
export function AutomationLog(p: { creatorId: string; automation: AutomationView | null; onClose: () => void }) {
  return (
    <Sheet
      open={p.automation !== null}
      onOpenChange={(o) => !o && p.onClose()}
      title={p.automation ? `Log: ${p.automation.name}` : "Log"}
      hideTitle={false}
      testId="automation-log"
    >
      {p.automation ? <LogBody creatorId={p.creatorId} id={p.automation.id} /> : null}
    </Sheet>
  );
}

function LogBody({ creatorId, id }: { creatorId: string; id: string }) {
  const [status, setStatus] = useState<RunStatus | "">("");
  const q = useAutomationRuns(creatorId, id, status ? { status } : {});
  return (
    <div className="flex min-h-0 flex-1 flex-col gap-3 overflow-y-auto p-5">
      <label className="flex items-center justify-between gap-3 text-sm">
        <span className="text-muted">Show</span>
        <Select value={status} onChange={(e) => setStatus(e.target.value as RunStatus | "")} aria-label="Which firings">
          <option value="">Everything</option>
          {RUN_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS[s].label}
            </option>
          ))}
        </Select>
      </label>
      {q.isPending ? <Skeleton className="h-40 rounded-xl" /> : null}
      {q.isError ? <ErrorState error={q.error} onRetry={() => void q.refetch()} what="the log" /> : null}
      {q.data ? (
        <>
          {q.data.runs.length === 0 ? <p className="text-sm text-muted">Nothing has fired it yet.</p> : null}
          <ol
            className="flex flex-col divide-y divide-line rounded-xl border border-line"
            data-testid="automation-runs"
          >
            {q.data.runs.map((r) => (
              <RunItem key={r.id} run={r} creatorId={creatorId} />
            ))}
          </ol>
          {q.data.total > q.data.runs.length ? (
            <p className="text-xs text-muted">
              The newest {formatCount(q.data.runs.length)} of {formatCount(q.data.total)}.
            </p>
          ) : null}
        </>
      ) : null}
    </div>
  );
}

function RunItem({ run: r, creatorId }: { run: AutomationRunView; creatorId: string }) {
  const f = useFormat();
  const fan = r.fan.name ?? (r.fan.handle ? `@${r.fan.handle}` : "A fan");
  const s = STATUS[r.status];
  const when = r.sentAt
    ? `sent ${f.dateTime(r.sentAt)}`
    : r.status === "pending"
      ? `due ${f.dateTime(r.dueAt)}`
      : f.dateTime(r.createdAt);
  return (
    <li className="flex flex-col gap-1 px-4 py-3 text-sm" data-testid="automation-run">
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <Link
            href={`/c/${creatorId}/chats?chat=${encodeURIComponent(r.fan.uuid)}`}
            className="truncate font-medium hover:underline"
          >
            {fan}
          </Link>
          <p className="text-xs text-muted">{when}</p>
        </div>
        <Badge tone={s.tone}>{s.label}</Badge>
      </div>
      {r.reason ? <p className="text-xs text-muted">{r.reason}</p> : null}
    </li>
  );
}
