import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { BodyOf, QueryOf } from "@/lib/contracts/contract";
import * as perf from "@/lib/contracts/client/performance";
import { callApi, hrefOf } from "./call";

export type PerformanceParams = QueryOf<typeof perf.workspacePerformance>;

export const performanceKeys = {
  all: (workspaceId: string) => ["performance", workspaceId] as const,
  board: (workspaceId: string, q: PerformanceParams) => [...performanceKeys.all(workspaceId), "board", q] as const,
  sales: (workspaceId: string, q: QueryOf<typeof perf.workspaceSales>) =>
    [...performanceKeys.all(workspaceId), "sales", q] as const,
  sends: (workspaceId: string, q: QueryOf<typeof perf.workspaceSends>) =>
    [...performanceKeys.all(workspaceId), "sends", q] as const,
};

/** Per-member figures; the previous range stays on screen while the next loads. */
export const usePerformance = (workspaceId: string, q: PerformanceParams) =>
  useQuery({
    queryKey: performanceKeys.board(workspaceId, q),
    queryFn: () => callApi(perf.workspacePerformance, { params: { workspaceId }, query: q }),
    placeholderData: keepPreviousData,
  });

/** The sales behind one member's figures ("none": those credited to nobody). */
export const useSales = (workspaceId: string, q: QueryOf<typeof perf.workspaceSales>, enabled: boolean) =>
  useQuery({
    queryKey: performanceKeys.sales(workspaceId, q),
    queryFn: () => callApi(perf.workspaceSales, { params: { workspaceId }, query: q }),
    enabled,
  });

/** The messages behind one member's figures. */
export const useSends = (workspaceId: string, q: QueryOf<typeof perf.workspaceSends>, enabled: boolean) =>
  useQuery({
    queryKey: performanceKeys.sends(workspaceId, q),
    queryFn: () => callApi(perf.workspaceSends, { params: { workspaceId }, query: q }),
    enabled,
    placeholderData: keepPreviousData,
  });

export function useReassignSale(workspaceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ saleId, body }: { saleId: string; body: BodyOf<typeof perf.reassignSale> }) =>
      callApi(perf.reassignSale, { params: { workspaceId, saleId }, body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: performanceKeys.all(workspaceId) }),
  });
}

export const performanceCsvHref = (workspaceId: string, q: PerformanceParams) =>
  hrefOf(perf.workspacePerformanceExport, { params: { workspaceId }, query: q });
