"use client";

import { useQueryClient } from "@tanstack/react-query";
import { Info, Radar } from "lucide-react";
import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { ApiClientError } from "@/lib/queries/fetcher";
import { fanKeys, useAnalysis, useAnalysisMutations } from "@/lib/queries/fans";
import type { AnalysisView } from "@/lib/schemas/fans";
import { formatCount } from "@/lib/utils/format";
import { duration } from "./format";
import { useFormat } from "@/components/viewer/viewer";
import { Progress as ProgressBar } from "@/components/ui/progress";

// The roster's listing and fetching insights run side by side (roster-job.ts).
const PHASE_LABEL: Record<string, string> = {
  listing: "Listing fans and fetching insights",
  insights: "Fetching the fans' insights",
  retry: "Retrying fans Fanvue could not load",
};

function phaseDetail(a: AnalysisView) {
  const total = a.expectedFans !== null ? formatCount(a.expectedFans) : "—";
  if (a.phase === "listing")
    return `${formatCount(a.listed)} of ${total} listed · ${formatCount(a.insightsDone)} analysed`;
  return `${formatCount(a.insightsDone)} of ${formatCount(Math.max(a.insightsTotal, a.listed))} analysed`;
}

function Progress({ a }: { a: AnalysisView }) {
  const total = a.calls + a.remainingCalls;
  const pct = total > 0 ? Math.min(100, Math.round((a.calls / total) * 100)) : 0;
  return (
    <div className="flex flex-col gap-1.5" data-testid="analysis-progress">
      <div className="flex flex-wrap items-baseline justify-between gap-x-3 text-sm">
        <span className="font-medium">
          {a.status === "queued" ? "Waiting to start" : (PHASE_LABEL[a.phase ?? ""] ?? "Analysing")}…
        </span>
        <span className="text-muted">
          {phaseDetail(a)}
          {a.etaSec !== null ? ` · ${duration(a.etaSec)} left` : ""}
        </span>
      </div>
      <ProgressBar value={pct} label="Analysis progress" />
      {a.lastError ? <p className="text-xs text-amber-800">Retrying after: {a.lastError}</p> : null}
    </div>
  );
}

function summary(a: AnalysisView, f: ReturnType<typeof useFormat>) {
  const n = a.audience !== null ? formatCount(a.audience) : "all";
  if (a.status === "done") {
    const errors = a.errors ? ` · ${formatCount(a.errors)} could not be loaded` : "";
    return `Whole audience analysed ${f.ago(a.finishedAt)} (${formatCount(a.insightsDone)} fans)${errors}. Sorting, segments and the forecast cover everyone.`;
  }
  if (a.status === "failed") return `The last analysis stopped: ${a.lastError ?? "unknown error"}.`;
  if (a.status === "cancelled")
    return "The last analysis was cancelled. Sorting by spend or dates and segments cover only the fans analysed so far.";
  return `Sorting by spend or dates, segments and the renewal forecast cover the fans analysed so far. Analyse all ${n} fans to include everyone; it runs in the background within Fanvue's rate limit.`;
}

/** "Analyse all N fans": the whole-audience analysis with progress and ETA. */
export function AnalysisCard({ creatorId, canWrite }: { creatorId: string; canWrite: boolean }) {
  const f = useFormat();
  const { data: a, isPending } = useAnalysis(creatorId);
  const { start, cancel } = useAnalysisMutations(creatorId);
  const qc = useQueryClient();
  const prev = useRef<string | undefined>(undefined);
  // A finished run changes every sorted view: refetch them.
  useEffect(() => {
    if (prev.current === "running" && a?.status === "done")
      void qc.invalidateQueries({ queryKey: fanKeys.all(creatorId) });
    prev.current = a?.status;
  }, [a?.status, creatorId, qc]);
  if (isPending) return <Skeleton className="h-20 rounded-xl" />;
  if (!a) return null;
  if (!a.supported) {
    return (
      <Card className="flex items-start gap-3 p-4 text-sm text-muted" data-testid="analysis-card">
        <Info className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
        Fan spending is not available for agency-managed creators through Fanvue&apos;s API, so tables show profiles,
        notes and tags without spend.
      </Card>
    );
  }
  const running = a.status === "running" || a.status === "queued";
  const err = start.error ?? cancel.error;
  return (
    <Card className="flex flex-col gap-3 p-4" data-testid="analysis-card">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center">
        <Radar className="hidden size-5 shrink-0 text-brand-700 sm:block" aria-hidden="true" />
        {/* "analysed 3 h ago": the server's HTML may be a minute older than the client's first render. */}
        <p className="flex-1 text-sm" suppressHydrationWarning>
          {running
            ? `Analysing all ${a.audience !== null ? `${formatCount(a.audience)} ` : ""}fans in the background.`
            : summary(a, f)}
        </p>
        {canWrite && running ? (
          <Button size="sm" variant="secondary" onClick={() => cancel.mutate()} disabled={cancel.isPending}>
            Cancel
          </Button>
        ) : null}
        {canWrite && !running ? (
          <Button
            size="sm"
            variant={a.status === "done" ? "secondary" : "primary"}
            onClick={() => start.mutate()}
            disabled={start.isPending}
            data-testid="analyse-all"
          >
            {a.status === "done"
              ? "Re-analyse"
              : `Analyse all ${a.audience !== null ? `${formatCount(a.audience)} ` : ""}fans`}
          </Button>
        ) : null}
      </div>
      {running ? <Progress a={a} /> : null}
      {err ? (
        <p className="text-sm text-red-700" role="alert">
          {err instanceof ApiClientError ? err.message : "Something went wrong."}
        </p>
      ) : null}
    </Card>
  );
}
