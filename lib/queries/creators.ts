import { queryOptions, useQuery } from "@tanstack/react-query";
import type { CreatorOverview } from "@/lib/schemas/overview";
import type { Snapshot } from "@/lib/schemas/snapshot";
import { apiFetch } from "./fetcher";

export const creatorKeys = {
  all: (creatorId: string) => ["creators", creatorId] as const,
  overview: (creatorId: string) => [...creatorKeys.all(creatorId), "overview"] as const,
};

export const creatorOverviewQuery = (creatorId: string) =>
  queryOptions({
    queryKey: creatorKeys.overview(creatorId),
    queryFn: () => apiFetch<Snapshot<CreatorOverview>>(`/api/creators/${creatorId}/overview`),
  });

export const useCreatorOverview = (creatorId: string) => useQuery(creatorOverviewQuery(creatorId));
