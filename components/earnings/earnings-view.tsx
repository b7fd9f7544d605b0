"use client";

import { useSearchParams } from "next/navigation";
import { useRef } from "react";
import { Skeleton } from "@/components/ui/skeleton";
import { ErrorState } from "@/components/ui/error-state";
import { ApiClientError } from "@/lib/queries/fetcher";
import {
  exportUrl,
  isAgencyReport,
  useEarnings,
  useEarningsMarkers,
  useSyncNow,
  type EarningsScope,
} from "@/lib/queries/earnings";
import { AgencyCreatorsTable } from "./agency-table";
import { SourceBreakdown, TopSpenders } from "./breakdown";
import { EarningsChart } from "./chart";
import { EarningsControls } from "./controls";
import { EarningsKpis } from "./kpis";
import { SyncStatusBar } from "./sync-status";
import { useEarningsParams } from "./use-earnings-params";

export function EarningsView({ scope, title, canExport }: { scope: EarningsScope; title: string; canExport: boolean }) {
  const { params, update, apiParams } = useEarningsParams();
  const search = useSearchParams();
  const reconcileHref = scope.kind === "creator" ? `/c/${scope.id}/earnings/reconcile?${search}` : undefined;
  const q = useEarnings(scope, apiParams);
  const sync = useSyncNow(scope.kind === "creator" ? scope.id : "");
  // Markers load beside the figures and never hold them up.
  const markers = useEarningsMarkers(scope, apiParams);
  // A bad input keeps the last valid figures on screen and says which field
  // is wrong (the query for the bad input has no data of its own).
  const lastGood = useRef(q.data);
  if (q.data) lastGood.current = q.data;
  const inputError =
    q.error instanceof ApiClientError && q.error.code === "invalid_input"
      ? { field: q.error.field, message: q.error.message }
      : null;
  const report = q.data ?? (inputError ? lastGood.current : undefined);
  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
          {report && ["idle", "syncing"].includes(report.sync.state) ? (
            <SyncStatusBar
              sync={report.sync}
              onSyncNow={scope.kind === "creator" ? () => sync.mutate() : undefined}
              syncing={sync.isPending}
            />
          ) : null}
        </div>
      </div>
      <EarningsControls
        params={params}
        update={update}
        canExport={canExport}
        exportHref={(rows) => exportUrl(scope, apiParams, rows)}
        fieldError={inputError}
      />
      {report && ["backfilling", "never", "failed", "paused"].includes(report.sync.state) ? (
        <SyncStatusBar
          sync={report.sync}
          onSyncNow={scope.kind === "creator" ? () => sync.mutate() : undefined}
          syncing={sync.isPending}
        />
      ) : null}
      {q.isPending && !report ? (
        <div className="flex flex-col gap-4" aria-busy="true">
          <div className="grid grid-cols-2 gap-3 lg:grid-cols-5">
            {Array.from({ length: 5 }, (_, i) => (
              <Skeleton key={i} className="h-24 rounded-xl" />
            ))}
          </div>
          <Skeleton className="h-80 rounded-xl" />
        </div>
      ) : !report ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} what="earnings" />
      ) : (
        <div
          className={
            q.isFetching && q.isPlaceholderData
              ? "flex flex-col gap-5 opacity-60 transition-opacity"
              : "flex flex-col gap-5"
          }
        >
          <EarningsKpis report={report} basis={params.basis} reconcileHref={reconcileHref} />
          <EarningsChart
            report={report}
            basis={params.basis}
            markers={scope.kind === "creator" ? markers.data : undefined}
          />
          {isAgencyReport(report) ? <AgencyCreatorsTable report={report} basis={params.basis} /> : null}
          <div className="grid gap-5 lg:grid-cols-2 [&>*]:min-w-0">
            <SourceBreakdown report={report} basis={params.basis} />
            <TopSpenders report={report} basis={params.basis} creatorId={scope.kind === "creator" ? scope.id : null} />
          </div>
        </div>
      )}
    </div>
  );
}
