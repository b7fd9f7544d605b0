import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { QueryOf } from "@/lib/contracts/contract";
import * as growth from "@/lib/contracts/growth";
import { callApi, hrefOf } from "./call";

// Growth analytics: best times.

/** Whose grid: one creator's, or every creator of a workspace the member may see. */
export type GrowthScope = { kind: "creator" | "workspace"; id: string };

export const growthKeys = {
  bestTimes: (scope: GrowthScope, q: QueryOf<typeof growth.creatorBestTimes>) =>
    [scope.kind === "creator" ? "creators" : "workspaces", scope.id, "best-times", q] as const,
  retention: (creatorId: string, q: QueryOf<typeof growth.creatorRetention>) =>
    ["creators", creatorId, "retention", q] as const,
};

export const useBestTimes = (scope: GrowthScope, q: QueryOf<typeof growth.creatorBestTimes>) =>
  useQuery({
    queryKey: growthKeys.bestTimes(scope, q),
    queryFn: () =>
      scope.kind === "creator"
        ? callApi(growth.creatorBestTimes, { params: { creatorId: scope.id }, query: q })
        : callApi(growth.workspaceBestTimes, { params: { workspaceId: scope.id }, query: q }),
    placeholderData: keepPreviousData,
  });

export const bestTimesCsvHref = (scope: GrowthScope, q: QueryOf<typeof growth.creatorBestTimes>) =>
  scope.kind === "creator"
    ? hrefOf(growth.creatorBestTimesExport, { params: { creatorId: scope.id }, query: q })
    : hrefOf(growth.workspaceBestTimesExport, { params: { workspaceId: scope.id }, query: q });

export const useRetention = (creatorId: string, q: QueryOf<typeof growth.creatorRetention>) =>
  useQuery({
    queryKey: growthKeys.retention(creatorId, q),
    queryFn: () => callApi(growth.creatorRetention, { params: { creatorId }, query: q }),
    placeholderData: keepPreviousData,
  });

export const retentionCsvHref = (creatorId: string, q: QueryOf<typeof growth.creatorRetention>) =>
  hrefOf(growth.creatorRetentionExport, { params: { creatorId }, query: q });
