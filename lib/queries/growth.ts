import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { QueryOf } from "@/lib/contracts/contract";
import * as growth from "@/lib/contracts/growth";
import { callApi, hrefOf } from "./call";

// Growth analytics: best times.

export const growthKeys = {
  bestTimes: (creatorId: string, q: QueryOf<typeof growth.creatorBestTimes>) =>
    ["creators", creatorId, "best-times", q] as const,
  retention: (creatorId: string, q: QueryOf<typeof growth.creatorRetention>) =>
    ["creators", creatorId, "retention", q] as const,
};

export const useBestTimes = (creatorId: string, q: QueryOf<typeof growth.creatorBestTimes>) =>
  useQuery({
    queryKey: growthKeys.bestTimes(creatorId, q),
    queryFn: () => callApi(growth.creatorBestTimes, { params: { creatorId }, query: q }),
    placeholderData: keepPreviousData,
  });

export const bestTimesCsvHref = (creatorId: string, q: QueryOf<typeof growth.creatorBestTimes>) =>
  hrefOf(growth.creatorBestTimesExport, { params: { creatorId }, query: q });

export const useRetention = (creatorId: string, q: QueryOf<typeof growth.creatorRetention>) =>
  useQuery({
    queryKey: growthKeys.retention(creatorId, q),
    queryFn: () => callApi(growth.creatorRetention, { params: { creatorId }, query: q }),
    placeholderData: keepPreviousData,
  });

export const retentionCsvHref = (creatorId: string, q: QueryOf<typeof growth.creatorRetention>) =>
  hrefOf(growth.creatorRetentionExport, { params: { creatorId }, query: q });
