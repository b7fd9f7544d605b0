import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  agencyEarnings,
  agencyEarningsExport,
  creatorEarnings,
  earningsExport,
  earningsMarkers,
  earningsReconcile,
  earningsSyncNow,
} from "@/lib/contracts/client/earnings";
import type { AgencyEarnings, EarningsReport } from "@/lib/schemas/earnings";
import { callApi, hrefOf } from "./call";

export type EarningsScope = { kind: "creator"; id: string } | { kind: "workspace"; id: string };

export const earningsKeys = {
  all: (s: EarningsScope) => ["earnings", s.kind, s.id] as const,
  report: (s: EarningsScope, params: string) => [...earningsKeys.all(s), params] as const,
  markers: (s: EarningsScope, params: string) => [...earningsKeys.all(s), "markers", params] as const,
};

/** A scope's reports (not its markers or reconciliation, which a new tip does not change or which
 * read Fanvue): what a money event invalidates. */
export const earningsReportsFilter = (s: EarningsScope) => ({
  queryKey: earningsKeys.all(s),
  predicate: (q: { queryKey: readonly unknown[] }) => q.queryKey.length === earningsKeys.report(s, "").length,
});

/** An agency's report carries a row per creator. */
export const isAgencyReport = (r: EarningsReport | AgencyEarnings): r is AgencyEarnings => "creators" in r;

/** A creator's report, or an agency's with a row per creator. */
export function useEarnings(scope: EarningsScope, params: URLSearchParams) {
  const qs = params.toString();
  return useQuery<EarningsReport | AgencyEarnings>({
    queryKey: earningsKeys.report(scope, qs),
    queryFn: ({ signal }) =>
      scope.kind === "creator"
        ? callApi(creatorEarnings, { params: { creatorId: scope.id }, query: params, signal })
        : callApi(agencyEarnings, { params: { workspaceId: scope.id }, query: params, signal }),
    // Keep the last valid figures on screen while a new range loads or fails.
    placeholderData: keepPreviousData,
    refetchInterval: (q) => {
      const d = q.state.data;
      // Poll while a sync runs so the progress bar and figures move.
      if (d && ["backfilling", "syncing"].includes(d.sync.state)) return 2_000;
      // Provisional money is confirmed by a sync queued ~20 s after it: read
      // again soon (our database only, no Fanvue call) so the mark goes away.
      if (d && d.provisional.count > 0 && d.sync.state === "idle") return 5_000;
      return 60_000;
    },
  });
}

/** Posts and mass messages in the range, for the chart (creators only). */
export function useEarningsMarkers(scope: EarningsScope, params: URLSearchParams) {
  const p = new URLSearchParams(params);
  // The basis does not move a marker: one read serves gross and net.
  p.delete("basis");
  const qs = p.toString();
  return useQuery({
    queryKey: earningsKeys.markers(scope, qs),
    queryFn: ({ signal }) => callApi(earningsMarkers, { params: { creatorId: scope.id }, query: p, signal }),
    enabled: scope.kind === "creator",
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/** "Why does this number differ?" for a creator's range: reads Fanvue, so kept fresh for a minute. */
export function useReconciliation(creatorId: string, params: URLSearchParams) {
  const p = new URLSearchParams(params);
  // All sources: Fanvue's summary has no source filter.
  p.delete("sources");
  p.delete("granularity");
  const qs = p.toString();
  return useQuery({
    queryKey: [...earningsKeys.all({ kind: "creator", id: creatorId }), "reconcile", qs],
    queryFn: ({ signal }) => callApi(earningsReconcile, { params: { creatorId }, query: p, signal }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export function useSyncNow(creatorId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => callApi(earningsSyncNow, { params: { creatorId } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["earnings"] }),
  });
}

/** The CSV of what the page shows: one creator's, or all of an agency's. */
export const exportUrl = (scope: EarningsScope, params: URLSearchParams, rows: "transactions" | "buckets") => {
  const query = new URLSearchParams(params);
  query.set("rows", rows);
  return scope.kind === "creator"
    ? hrefOf(earningsExport, { params: { creatorId: scope.id }, query })
    : hrefOf(agencyEarningsExport, { params: { workspaceId: scope.id }, query });
};
