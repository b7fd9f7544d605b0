import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CampaignResults, CampaignsPage, CampaignView, CustomListView, EstimateView, ListRefsInput, ListsView } from "@/lib/schemas/mass-messages";
import { apiFetch } from "./fetcher";

// Mass messages and lists: campaigns, the recipient estimate, results, and
// custom-list management.

export const massKeys = {
  all: (c: string) => ["creators", c, "mass-messages"] as const,
  list: (c: string) => [...massKeys.all(c), "list"] as const,
  results: (c: string, id: string) => [...massKeys.all(c), "results", id] as const,
  estimate: (c: string, inc: string, exc: string, holdout: number) => [...massKeys.all(c), "estimate", inc, exc, holdout] as const,
};
export const listKeys = {
  all: (c: string) => ["creators", c, "lists"] as const,
  members: (c: string, uuid: string, page: number) => [...listKeys.all(c), "members", uuid, page] as const,
  membership: (c: string, fan: string) => [...listKeys.all(c), "membership", fan] as const,
};

const base = (c: string) => `/api/creators/${c}`;
export const refsParam = (r: ListRefsInput) => [...r.smart.map((s) => `smart:${s}`), ...r.custom.map((u) => `custom:${u}`)].join(",");

const ACTIVE = new Set(["queued", "preparing", "sending"]);

export const useCampaigns = (creatorId: string) =>
  useQuery({
    queryKey: massKeys.list(creatorId),
    queryFn: () => apiFetch<CampaignsPage>(`${base(creatorId)}/mass-messages`),
    // 2 s while one is on its way: the queue shows it move to "sent".
    refetchInterval: (q) => (q.state.data?.items.some((i) => ACTIVE.has(i.status)) ? 2_000 : false),
  });

export const useCampaignResults = (creatorId: string, id: string | null) =>
  useQuery({ queryKey: massKeys.results(creatorId, id ?? ""), queryFn: () => apiFetch<CampaignResults>(`${base(creatorId)}/mass-messages/${id}`), enabled: id !== null });

export const useEstimate = (creatorId: string, included: ListRefsInput, excluded: ListRefsInput, holdout: number) => {
  const inc = refsParam(included);
  const exc = refsParam(excluded);
  return useQuery({
    queryKey: massKeys.estimate(creatorId, inc, exc, holdout),
    queryFn: ({ signal }) => apiFetch<EstimateView>(`${base(creatorId)}/mass-messages/estimate?${new URLSearchParams({ include: inc, exclude: exc, holdout: String(holdout) })}`, { signal }),
    enabled: inc.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
};

export type CampaignInput = {
  idempotencyKey: string;
  text: string | null;
  mediaUuids: string[];
  price: number | null;
  included: ListRefsInput;
  excluded: ListRefsInput;
  holdoutPercent: number;
  scheduledAt: string | null;
};

export function useCampaignMutations(creatorId: string) {
  const qc = useQueryClient();
  const refresh = () => void qc.invalidateQueries({ queryKey: massKeys.all(creatorId) });
  return {
    create: useMutation({ mutationFn: (b: CampaignInput) => apiFetch<CampaignView>(`${base(creatorId)}/mass-messages`, { method: "POST", json: b }), onSuccess: refresh }),
    act: useMutation({
      mutationFn: ({ id, action }: { id: string; action: "check" | "resend" | "unsend" }) => apiFetch<CampaignView>(`${base(creatorId)}/mass-messages/${id}`, { method: "PATCH", json: { action } }),
      onSettled: refresh,
    }),
    cancel: useMutation({ mutationFn: (id: string) => apiFetch<CampaignView>(`${base(creatorId)}/mass-messages/${id}`, { method: "DELETE" }), onSettled: refresh }),
  };
}

export const useLists = (creatorId: string) => useQuery({ queryKey: listKeys.all(creatorId), queryFn: () => apiFetch<ListsView>(`${base(creatorId)}/lists`), staleTime: 30_000 });

export const useListMembers = (creatorId: string, uuid: string | null, page: number) =>
  useQuery({
    queryKey: listKeys.members(creatorId, uuid ?? "", page),
    queryFn: () => apiFetch<{ items: { uuid: string; handle: string | null; displayName: string | null }[]; page: number; hasMore: boolean }>(`${base(creatorId)}/lists/${uuid}/members?page=${page}`),
    enabled: uuid !== null,
    placeholderData: keepPreviousData,
  });

export const useListMembership = (creatorId: string, fanUuid: string, enabled = true) =>
  useQuery({ queryKey: listKeys.membership(creatorId, fanUuid), queryFn: () => apiFetch<Record<string, boolean>>(`${base(creatorId)}/lists/membership?fan=${fanUuid}`), enabled });

export function useListMutations(creatorId: string) {
  const qc = useQueryClient();
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: listKeys.all(creatorId) });
    void qc.invalidateQueries({ queryKey: massKeys.all(creatorId) });
  };
  const url = (uuid: string) => `${base(creatorId)}/lists/${uuid}`;
  return {
    create: useMutation({ mutationFn: (name: string) => apiFetch<{ uuid: string; name: string }>(`${base(creatorId)}/lists`, { method: "POST", json: { name } }), onSuccess: refresh }),
    rename: useMutation({ mutationFn: ({ uuid, name }: { uuid: string; name: string }) => apiFetch(url(uuid), { method: "PATCH", json: { name } }), onSuccess: refresh }),
    remove: useMutation({ mutationFn: (uuid: string) => apiFetch(url(uuid), { method: "DELETE" }), onSuccess: refresh }),
    addFans: useMutation({
      mutationFn: ({ uuid, fanUuids }: { uuid: string; fanUuids: string[] }) => apiFetch<{ added: number; skipped: number }>(`${url(uuid)}/members`, { method: "POST", json: { fanUuids } }),
      onSuccess: refresh,
    }),
    removeFan: useMutation({ mutationFn: ({ uuid, fanUuid }: { uuid: string; fanUuid: string }) => apiFetch(`${url(uuid)}/members/${fanUuid}`, { method: "DELETE" }), onSuccess: refresh }),
  };
}

export type { CustomListView };
