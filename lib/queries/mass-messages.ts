import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import {
  listCreate,
  listDelete,
  listMemberRemove,
  listMembers,
  listMembersAdd,
  listMembership,
  listRename,
  lists,
} from "@/lib/contracts/client/lists";
import {
  campaignAction,
  campaignCancel,
  campaignCreate,
  campaignEstimate,
  campaignResults,
  campaigns,
} from "@/lib/contracts/client/mass-messages";
import type { campaignBodySchema, CustomListView, ListRefsInput } from "@/lib/schemas/mass-messages";
import { callApi } from "./call";

// Mass messages and lists: campaigns, the recipient estimate, results, and
// custom-list management.

export const massKeys = {
  all: (c: string) => ["creators", c, "mass-messages"] as const,
  list: (c: string) => [...massKeys.all(c), "list"] as const,
  results: (c: string, id: string) => [...massKeys.all(c), "results", id] as const,
  estimate: (c: string, inc: string, exc: string, holdout: number) =>
    [...massKeys.all(c), "estimate", inc, exc, holdout] as const,
};
export const listKeys = {
  all: (c: string) => ["creators", c, "lists"] as const,
  members: (c: string, uuid: string, page: number) => [...listKeys.all(c), "members", uuid, page] as const,
  membership: (c: string, fan: string) => [...listKeys.all(c), "membership", fan] as const,
};

export const refsParam = (r: ListRefsInput) =>
  [...r.smart.map((s) => `smart:${s}`), ...r.custom.map((u) => `custom:${u}`)].join(",");

const ACTIVE = new Set(["queued", "preparing", "sending"]);

export const useCampaigns = (creatorId: string) =>
  useQuery({
    queryKey: massKeys.list(creatorId),
    queryFn: () => callApi(campaigns, { params: { creatorId } }),
    // 2 s while one is on its way: the queue shows it move to "sent".
    refetchInterval: (q) => (q.state.data?.items.some((i) => ACTIVE.has(i.status)) ? 2_000 : false),
  });

export const useCampaignResults = (creatorId: string, id: string | null) =>
  useQuery({
    queryKey: massKeys.results(creatorId, id ?? ""),
    queryFn: () => callApi(campaignResults, { params: { creatorId, campaignId: id ?? "" } }),
    enabled: id !== null,
  });

export const useEstimate = (creatorId: string, included: ListRefsInput, excluded: ListRefsInput, holdout: number) => {
  const inc = refsParam(included);
  const exc = refsParam(excluded);
  return useQuery({
    queryKey: massKeys.estimate(creatorId, inc, exc, holdout),
    queryFn: ({ signal }) =>
      callApi(campaignEstimate, { params: { creatorId }, query: { include: inc, exclude: exc, holdout }, signal }),
    enabled: inc.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
};

export type CampaignInput = z.input<typeof campaignBodySchema>;

export function useCampaignMutations(creatorId: string) {
  const qc = useQueryClient();
  const refresh = () => void qc.invalidateQueries({ queryKey: massKeys.all(creatorId) });
  return {
    create: useMutation({
      mutationFn: (b: CampaignInput) => callApi(campaignCreate, { params: { creatorId }, body: b }),
      onSuccess: refresh,
    }),
    act: useMutation({
      mutationFn: ({ id, action }: { id: string; action: "check" | "resend" | "unsend" }) =>
        callApi(campaignAction, { params: { creatorId, campaignId: id }, body: { action } }),
      onSettled: refresh,
    }),
    cancel: useMutation({
      mutationFn: (id: string) => callApi(campaignCancel, { params: { creatorId, campaignId: id } }),
      onSettled: refresh,
    }),
  };
}

export const useLists = (creatorId: string) =>
  useQuery({
    queryKey: listKeys.all(creatorId),
    queryFn: () => callApi(lists, { params: { creatorId } }),
    staleTime: 30_000,
  });

export const useListMembers = (creatorId: string, uuid: string | null, page: number) =>
  useQuery({
    queryKey: listKeys.members(creatorId, uuid ?? "", page),
    queryFn: () => callApi(listMembers, { params: { creatorId, listId: uuid ?? "" }, query: { page } }),
    enabled: uuid !== null,
    placeholderData: keepPreviousData,
  });

export const useListMembership = (creatorId: string, fanUuid: string, enabled = true) =>
  useQuery({
    queryKey: listKeys.membership(creatorId, fanUuid),
    queryFn: () => callApi(listMembership, { params: { creatorId }, query: { fan: fanUuid } }),
    enabled,
  });

export function useListMutations(creatorId: string) {
  const qc = useQueryClient();
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: listKeys.all(creatorId) });
    void qc.invalidateQueries({ queryKey: massKeys.all(creatorId) });
  };
  return {
    create: useMutation({
      mutationFn: (name: string) => callApi(listCreate, { params: { creatorId }, body: { name } }),
      onSuccess: refresh,
    }),
    rename: useMutation({
      mutationFn: ({ uuid, name }: { uuid: string; name: string }) =>
        callApi(listRename, { params: { creatorId, listId: uuid }, body: { name } }),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: (uuid: string) => callApi(listDelete, { params: { creatorId, listId: uuid } }),
      onSuccess: refresh,
    }),
    addFans: useMutation({
      mutationFn: ({ uuid, fanUuids }: { uuid: string; fanUuids: string[] }) =>
        callApi(listMembersAdd, { params: { creatorId, listId: uuid }, body: { fanUuids } }),
      onSuccess: refresh,
    }),
    removeFan: useMutation({
      mutationFn: ({ uuid, fanUuid }: { uuid: string; fanUuid: string }) =>
        callApi(listMemberRemove, { params: { creatorId, listId: uuid, fanUuid } }),
      onSuccess: refresh,
    }),
  };
}

export type { CustomListView };
