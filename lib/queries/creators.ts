import { queryOptions, useQuery } from "@tanstack/react-query";
import { creatorOverview } from "@/lib/contracts/overview";
import { callApi } from "./call";

export const creatorKeys = {
  all: (creatorId: string) => ["creators", creatorId] as const,
  overview: (creatorId: string) => [...creatorKeys.all(creatorId), "overview"] as const,
};

export const creatorOverviewQuery = (creatorId: string) =>
  queryOptions({
    queryKey: creatorKeys.overview(creatorId),
    queryFn: () => callApi(creatorOverview, { params: { creatorId } }),
  });

export const useCreatorOverview = (creatorId: string) => useQuery(creatorOverviewQuery(creatorId));
