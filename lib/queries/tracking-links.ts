import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { BodyOf, QueryOf } from "@/lib/contracts/contract";
import * as links from "@/lib/contracts/client/tracking-links";
import { callApi, hrefOf } from "./call";
import type { GrowthScope } from "./growth";

// Tracking links: one creator's, or every creator of a workspace the member
// may see; create, delete, cost and "Sync now" on a creator's.

type Query = QueryOf<typeof links.trackingLinks>;

export const trackingLinkKeys = {
  all: (scope: GrowthScope) =>
    [scope.kind === "creator" ? "creators" : "workspaces", scope.id, "tracking-links"] as const,
  list: (scope: GrowthScope, q: Query) => [...trackingLinkKeys.all(scope), q] as const,
};

/** While a sync runs the table is re-read, so it fills in without a reload. */
const SYNCING_POLL_MS = 3_000;

export const useTrackingLinks = (scope: GrowthScope, q: Query) =>
  useQuery({
    queryKey: trackingLinkKeys.list(scope, q),
    queryFn: () =>
      scope.kind === "creator"
        ? callApi(links.trackingLinks, { params: { creatorId: scope.id }, query: q })
        : callApi(links.workspaceTrackingLinks, { params: { workspaceId: scope.id }, query: q }),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => (query.state.data?.sync.state === "running" ? SYNCING_POLL_MS : false),
  });

export const trackingLinksCsvHref = (scope: GrowthScope, q: Query) =>
  scope.kind === "creator"
    ? hrefOf(links.trackingLinksExport, { params: { creatorId: scope.id }, query: q })
    : hrefOf(links.workspaceTrackingLinksExport, { params: { workspaceId: scope.id }, query: q });

function useInvalidate(creatorId: string) {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: trackingLinkKeys.all({ kind: "creator", id: creatorId }) });
}

export function useCreateTrackingLink(creatorId: string) {
  const invalidate = useInvalidate(creatorId);
  return useMutation({
    mutationFn: (body: BodyOf<typeof links.trackingLinkCreate>) =>
      callApi(links.trackingLinkCreate, { params: { creatorId }, body }),
    onSuccess: invalidate,
  });
}

export function useDeleteTrackingLink(creatorId: string) {
  const invalidate = useInvalidate(creatorId);
  return useMutation({
    mutationFn: (linkUuid: string) => callApi(links.trackingLinkDelete, { params: { creatorId, linkUuid } }),
    onSuccess: invalidate,
  });
}

export function useSetTrackingLinkCost(creatorId: string) {
  const invalidate = useInvalidate(creatorId);
  return useMutation({
    mutationFn: (v: { linkUuid: string; body: BodyOf<typeof links.trackingLinkCost> }) =>
      callApi(links.trackingLinkCost, { params: { creatorId, linkUuid: v.linkUuid }, body: v.body }),
    onSuccess: invalidate,
  });
}

export function useSyncTrackingLinks(creatorId: string) {
  const invalidate = useInvalidate(creatorId);
  return useMutation({
    mutationFn: () => callApi(links.trackingLinksSyncNow, { params: { creatorId } }),
    onSuccess: invalidate,
  });
}
