import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { BodyOf } from "@/lib/contracts/contract";
import * as ws from "@/lib/contracts/client/workspaces";
import { callApi } from "./call";

export const workspaceKeys = {
  all: (id: string) => ["workspaces", id] as const,
  overview: (id: string) => [...workspaceKeys.all(id), "overview"] as const,
  /** All creators' figures in a zone (the page's server prefetch uses the same key). */
  overviewIn: (id: string, tz: string) => [...workspaceKeys.overview(id), tz] as const,
  members: (id: string) => [...workspaceKeys.all(id), "members"] as const,
  invites: (id: string) => [...workspaceKeys.all(id), "invites"] as const,
  creators: (id: string) => [...workspaceKeys.all(id), "creators"] as const,
  audit: (id: string, filters: Record<string, string>) => [...workspaceKeys.all(id), "audit", filters] as const,
};

/** The agency's creators with their 30-day figures in the viewer's zone (components/viewer). */
export const useAgencyOverview = (id: string, tz: string) => {
  return useQuery(
    queryOptions({
      queryKey: workspaceKeys.overviewIn(id, tz),
      queryFn: () => callApi(ws.creatorsOverview, { params: { workspaceId: id }, query: { tz } }),
    }),
  );
};

export const useMembers = (id: string, enabled = true) =>
  // staleTime 0: someone may have joined through an invite since the last look.
  useQuery({
    queryKey: workspaceKeys.members(id),
    queryFn: () => callApi(ws.listMembers, { params: { workspaceId: id } }),
    enabled,
    staleTime: 0,
  });
export const useInvites = (id: string, enabled = true) =>
  useQuery({
    queryKey: workspaceKeys.invites(id),
    queryFn: () => callApi(ws.listInvites, { params: { workspaceId: id } }),
    enabled,
  });
export const useWorkspaceCreators = (id: string) =>
  useQuery({
    queryKey: workspaceKeys.creators(id),
    queryFn: () => callApi(ws.workspaceCreators, { params: { workspaceId: id } }),
    // The list changes rarely (creators join or leave the agency).
    staleTime: 5 * 60_000,
  });

export function useTeamMutations(id: string) {
  const qc = useQueryClient();
  const invalidate = () => qc.invalidateQueries({ queryKey: workspaceKeys.all(id) });
  return {
    createInvite: useMutation({
      mutationFn: (input: BodyOf<typeof ws.createInvite>) =>
        callApi(ws.createInvite, { params: { workspaceId: id }, body: input }),
      onSuccess: invalidate,
    }),
    revokeInvite: useMutation({
      mutationFn: (inviteId: string) => callApi(ws.revokeInvite, { params: { workspaceId: id, inviteId } }),
      onSuccess: invalidate,
    }),
    updateMember: useMutation({
      mutationFn: ({ memberId, change }: { memberId: string; change: BodyOf<typeof ws.updateMember> }) =>
        callApi(ws.updateMember, { params: { workspaceId: id, memberId }, body: change }),
      onSuccess: invalidate,
    }),
    removeMember: useMutation({
      mutationFn: (memberId: string) => callApi(ws.removeMember, { params: { workspaceId: id, memberId } }),
      onSuccess: invalidate,
    }),
  };
}

export function useAudit(id: string, filters: Record<string, string>, before?: string) {
  const qs = new URLSearchParams({ ...filters, ...(before ? { before } : {}), limit: "50" });
  return useQuery({
    queryKey: [...workspaceKeys.audit(id, filters), before ?? ""],
    queryFn: () => callApi(ws.workspaceAudit, { params: { workspaceId: id }, query: qs }),
  });
}
