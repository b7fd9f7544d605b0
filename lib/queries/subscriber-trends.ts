import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { QueryOf } from "@/lib/contracts/contract";
import * as trends from "@/lib/contracts/client/subscriber-trends";
import { callApi, hrefOf } from "./call";
import type { GrowthScope } from "./growth";

// Subscriber trends, one creator's or a workspace's.

type Query = QueryOf<typeof trends.creatorSubscriberTrends>;

/** 20 s, as for every stale answer (query-client.ts): Fanvue's counts are asked for again while they are
 * stale or unavailable, the ledger's figures staying on screen. */
const FANVUE_RETRY_MS = 20_000;

export const subscriberTrendsKey = (scope: GrowthScope, q: Query) =>
  [scope.kind === "creator" ? "creators" : "workspaces", scope.id, "subscriber-trends", q] as const;

export const useSubscriberTrends = (scope: GrowthScope, q: Query) =>
  useQuery({
    queryKey: subscriberTrendsKey(scope, q),
    queryFn: () =>
      scope.kind === "creator"
        ? callApi(trends.creatorSubscriberTrends, { params: { creatorId: scope.id }, query: q })
        : callApi(trends.workspaceSubscriberTrends, { params: { workspaceId: scope.id }, query: q }),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => {
      const f = query.state.data?.fanvue;
      return f && f.state !== "fresh" && f.retrying ? FANVUE_RETRY_MS : false;
    },
  });

export const subscriberTrendsCsvHref = (scope: GrowthScope, q: Query) =>
  scope.kind === "creator"
    ? hrefOf(trends.creatorSubscriberTrendsExport, { params: { creatorId: scope.id }, query: q })
    : hrefOf(trends.workspaceSubscriberTrendsExport, { params: { workspaceId: scope.id }, query: q });
