import { queryOptions, useQuery } from "@tanstack/react-query";
import { myUnread } from "@/lib/contracts/client/account";
import { creatorOverview } from "@/lib/contracts/client/overview";
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

export const unreadKey = ["me", "unread"] as const;

/** Unread chats per creator for the switcher; refreshed every minute, and on live message events. */
export const useUnreadByCreator = () =>
  useQuery({
    queryKey: unreadKey,
    queryFn: () => callApi(myUnread, {}),
    staleTime: 30_000,
    refetchInterval: 60_000,
  });
