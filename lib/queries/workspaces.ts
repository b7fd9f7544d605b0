import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { AgencyOverview } from "@/lib/schemas/agency";
import type { AuditItem, InviteCreate, InviteView, MemberUpdate, MemberView } from "@/lib/schemas/team";
import { apiFetch } from "./fetcher";

export const workspaceKeys = {
  all: (id: string) => ["workspaces", id] as const,
  overview: (id: string) => [...workspaceKeys.all(id), "overview"] as const,
  members: (id: string) => [...workspaceKeys.all(id), "members"] as const,
  invites: (id: string) => [...workspaceKeys.all(id), "invites"] as const,
  creators: (id: string) => [...workspaceKeys.all(id), "creators"] as const,
  audit: (id: string, filters: Record<string, string>) => [...workspaceKeys.all(id), "audit", filters] as const,
};

const base = (id: string) => `/api/workspaces/${id}`;

/** The agency's creators with their 30-day figures in the viewer's zone (components/viewer). */
export const useAgencyOverview = (id: string, tz: string) => {
  return useQuery(
    queryOptions({ queryKey: [...workspaceKeys.overview(id), tz], queryFn: () => apiFetch<AgencyOverview>(`${base(id)}/creators-overview?tz=${encodeURIComponent(tz)}`) }),
  );
};

export const useMembers = (id: string, enabled = true) =>
  // staleTime 0: someone may have joined through an invite since the last look.
  useQuery({ queryKey: workspaceKeys.members(id), queryFn: () => apiFetch<MemberView[]>(`${base(id)}/members`), enabled, staleTime: 0 });
export const useInvites = (id: string) => useQuery({ queryKey: workspaceKeys.invites(id), queryFn: () => apiFetch<InviteView[]>(`${base(id)}/invites`) });
export const useWorkspaceCreators = (id: string) =>
  useQuery({
    queryKey: workspaceKeys.creators(id),
    queryFn: () => apiFetch<{ id: string; handle: string; displayName: string; avatarUrl: string | null }[]>(`${base(id)}/creators`),
    // The list changes rarely (creators join or leave the agency).
    staleTime: 5 * 60_000,
  });

export function useTeamMutations(id: string) {
  const qc = useQueryClient();
  const invalidate = () => qc.invalidateQueries({ queryKey: workspaceKeys.all(id) });
  return {
    createInvite: useMutation({
      mutationFn: (input: InviteCreate) => apiFetch<{ id: string; url: string; expiresAt: string }>(`${base(id)}/invites`, { method: "POST", json: input }),
      onSuccess: invalidate,
    }),
    revokeInvite: useMutation({ mutationFn: (inviteId: string) => apiFetch(`${base(id)}/invites/${inviteId}`, { method: "DELETE" }), onSuccess: invalidate }),
    updateMember: useMutation({
      mutationFn: ({ memberId, change }: { memberId: string; change: MemberUpdate }) => apiFetch(`${base(id)}/members/${memberId}`, { method: "PATCH", json: change }),
      onSuccess: invalidate,
    }),
    removeMember: useMutation({ mutationFn: (memberId: string) => apiFetch(`${base(id)}/members/${memberId}`, { method: "DELETE" }), onSuccess: invalidate }),
  };
}

export function useAudit(id: string, filters: Record<string, string>, before?: string) {
  const qs = new URLSearchParams({ ...filters, ...(before ? { before } : {}), limit: "50" });
  return useQuery({
    queryKey: [...workspaceKeys.audit(id, filters), before ?? ""],
    queryFn: () => apiFetch<{ items: AuditItem[]; nextBefore: string | null }>(`${base(id)}/audit?${qs}`),
  });
}
