import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { QueryOf } from "@/lib/contracts/contract";
import * as growth from "@/lib/contracts/client/growth";
import { callApi, hrefOf } from "./call";

// Growth analytics: best times, retention, cohort value.

/** Whose grid: one creator's, or every creator of a workspace the member may see. */
export type GrowthScope = { kind: "creator" | "workspace"; id: string };

export const growthKeys = {
  bestTimes: (scope: GrowthScope, q: QueryOf<typeof growth.creatorBestTimes>) =>
    [scope.kind === "creator" ? "creators" : "workspaces", scope.id, "best-times", q] as const,
  retention: (scope: GrowthScope, q: QueryOf<typeof growth.creatorRetention>) =>
    [scope.kind === "creator" ? "creators" : "workspaces", scope.id, "retention", q] as const,
  cohortValue: (scope: GrowthScope, q: QueryOf<typeof growth.creatorCohortValue>) =>
    [scope.kind === "creator" ? "creators" : "workspaces", scope.id, "cohort-value", q] as const,
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

export const useRetention = (scope: GrowthScope, q: QueryOf<typeof growth.creatorRetention>) =>
  useQuery({
    queryKey: growthKeys.retention(scope, q),
    queryFn: () =>
      scope.kind === "creator"
        ? callApi(growth.creatorRetention, { params: { creatorId: scope.id }, query: q })
        : callApi(growth.workspaceRetention, { params: { workspaceId: scope.id }, query: q }),
    placeholderData: keepPreviousData,
  });

export const retentionCsvHref = (scope: GrowthScope, q: QueryOf<typeof growth.creatorRetention>) =>
  scope.kind === "creator"
    ? hrefOf(growth.creatorRetentionExport, { params: { creatorId: scope.id }, query: q })
    : hrefOf(growth.workspaceRetentionExport, { params: { workspaceId: scope.id }, query: q });

export const useCohortValue = (scope: GrowthScope, q: QueryOf<typeof growth.creatorCohortValue>) =>
  useQuery({
    queryKey: growthKeys.cohortValue(scope, q),
    queryFn: () =>
      scope.kind === "creator"
        ? callApi(growth.creatorCohortValue, { params: { creatorId: scope.id }, query: q })
        : callApi(growth.workspaceCohortValue, { params: { workspaceId: scope.id }, query: q }),
    placeholderData: keepPreviousData,
  });

export const cohortValueCsvHref = (scope: GrowthScope, q: QueryOf<typeof growth.creatorCohortValue>) =>
  scope.kind === "creator"
    ? hrefOf(growth.creatorCohortValueExport, { params: { creatorId: scope.id }, query: q })
    : hrefOf(growth.workspaceCohortValueExport, { params: { workspaceId: scope.id }, query: q });
