import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { EarningsMarkers, EarningsReport } from "@/lib/schemas/earnings";
import { apiFetch } from "./fetcher";

export type EarningsScope = { kind: "creator"; id: string } | { kind: "workspace"; id: string };
export type AgencyEarnings = EarningsReport & {
  creators: {
    creator: { id: string; handle: string; displayName: string; avatarUrl: string | null };
    totals: { gross: number; net: number; transactions: number; payingFans: number };
    previousTotals: { gross: number; net: number; transactions: number; payingFans: number };
    sync: EarningsReport["sync"];
  }[];
};

const base = (s: EarningsScope) => (s.kind === "creator" ? `/api/creators/${s.id}/earnings` : `/api/workspaces/${s.id}/earnings`);

export const earningsKeys = {
  all: (s: EarningsScope) => ["earnings", s.kind, s.id] as const,
  report: (s: EarningsScope, params: string) => [...earningsKeys.all(s), params] as const,
};

export function useEarnings(scope: EarningsScope, params: URLSearchParams) {
  const qs = params.toString();
  return useQuery({
    queryKey: earningsKeys.report(scope, qs),
    queryFn: () => apiFetch<AgencyEarnings>(`${base(scope)}?${qs}`),
    // Keep the last valid figures on screen while a new range loads or fails.
    placeholderData: keepPreviousData,
    // Poll while a sync runs so the progress bar and figures move.
    refetchInterval: (q) => (q.state.data && ["backfilling", "syncing"].includes(q.state.data.sync.state) ? 2_000 : 60_000),
  });
}

/** Posts and mass messages in the range, for the chart (creators only). */
export function useEarningsMarkers(scope: EarningsScope, params: URLSearchParams) {
  const p = new URLSearchParams(params);
  // The basis does not move a marker: one read serves gross and net.
  p.delete("basis");
  const qs = p.toString();
  return useQuery({
    queryKey: [...earningsKeys.all(scope), "markers", qs],
    queryFn: () => apiFetch<EarningsMarkers>(`/api/creators/${scope.id}/earnings/markers?${qs}`),
    enabled: scope.kind === "creator",
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export function useSyncNow(creatorId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch(`/api/creators/${creatorId}/earnings/sync`, { method: "POST" }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["earnings"] }),
  });
}

export const exportUrl = (scope: EarningsScope, params: URLSearchParams, rows: "transactions" | "buckets") => {
  const p = new URLSearchParams(params);
  p.set("rows", rows);
  return `${base(scope)}/export?${p}`;
};
