import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { QueryOf } from "@/lib/contracts/contract";
import * as growth from "@/lib/contracts/growth";
import { callApi, hrefOf } from "./call";

// Growth analytics: best times.

export const growthKeys = {
  bestTimes: (creatorId: string, q: QueryOf<typeof growth.creatorBestTimes>) =>
    ["creators", creatorId, "best-times", q] as const,
};

export const useBestTimes = (creatorId: string, q: QueryOf<typeof growth.creatorBestTimes>) =>
  useQuery({
    queryKey: growthKeys.bestTimes(creatorId, q),
    queryFn: () => callApi(growth.creatorBestTimes, { params: { creatorId }, query: q }),
    placeholderData: keepPreviousData,
  });

export const bestTimesCsvHref = (creatorId: string, q: QueryOf<typeof growth.creatorBestTimes>) =>
  hrefOf(growth.creatorBestTimesExport, { params: { creatorId }, query: q });
