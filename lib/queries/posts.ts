import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { HistoryResponse, PostView, PricePick, PublishResult, QueueResponse } from "@/lib/schemas/post-views";
import type { Draft, DraftForm, PublishInput, UpdateInput } from "@/lib/schemas/posts";
import { apiFetch } from "./fetcher";

// Posts: the composer's drafts and publish calls, the queue and the history.

export const postKeys = {
  all: (creatorId: string) => ["creators", creatorId, "posts"] as const,
  queue: (creatorId: string) => [...postKeys.all(creatorId), "queue"] as const,
  history: (creatorId: string, q: HistoryParams) => [...postKeys.all(creatorId), "history", q] as const,
  prices: (creatorId: string) => [...postKeys.all(creatorId), "prices"] as const,
  drafts: (creatorId: string) => [...postKeys.all(creatorId), "drafts"] as const,
  post: (creatorId: string, uuid: string) => [...postKeys.all(creatorId), "post", uuid] as const,
};

export type HistoryParams = { page: number; range: string; tz: string };

const base = (creatorId: string) => `/api/creators/${creatorId}/posts`;

export const postsApi = {
  publish: (creatorId: string, input: PublishInput) => apiFetch<PublishResult>(base(creatorId), { method: "POST", json: input }),
  update: (creatorId: string, uuid: string, input: UpdateInput) => apiFetch<PostView>(`${base(creatorId)}/${uuid}`, { method: "PATCH", json: input }),
  publishNow: (creatorId: string, uuid: string) => apiFetch<PostView>(`${base(creatorId)}/${uuid}/publish`, { method: "POST", json: {} }),
  cancel: (creatorId: string, uuid: string) => apiFetch<PostView>(`${base(creatorId)}/${uuid}/cancel`, { method: "POST", json: {} }),
  getPost: (creatorId: string, uuid: string) => apiFetch<PostView>(`${base(creatorId)}/${uuid}`),
  listDrafts: (creatorId: string, editOf?: string) => apiFetch<{ drafts: Draft[] }>(`${base(creatorId)}/drafts${editOf ? `?editOf=${editOf}` : ""}`),
  getDraft: (creatorId: string, id: string) => apiFetch<Draft>(`${base(creatorId)}/drafts/${id}`),
  createDraft: (creatorId: string, body: { form: DraftForm; publishKey: string; editOf: string | null }) =>
    apiFetch<Draft>(`${base(creatorId)}/drafts`, { method: "POST", json: body }),
  /** `keepalive` lets the last save finish while the tab closes. */
  saveDraft: (creatorId: string, id: string, body: { form: DraftForm; version: number }, keepalive = false) =>
    apiFetch<Draft>(`${base(creatorId)}/drafts/${id}`, { method: "PUT", json: body, keepalive }),
  deleteDraft: (creatorId: string, id: string) => apiFetch<{ ok: true }>(`${base(creatorId)}/drafts/${id}`, { method: "DELETE", json: {} }),
};

export const useQueue = (creatorId: string) =>
  // 15 s: the queue is where people check that a post went out; fresher than the dashboards.
  useQuery({ queryKey: postKeys.queue(creatorId), queryFn: () => apiFetch<QueueResponse>(`${base(creatorId)}/queue`), staleTime: 15_000 });

export const useHistory = (creatorId: string, q: HistoryParams, enabled = true) =>
  useQuery({
    queryKey: postKeys.history(creatorId, q),
    queryFn: () => apiFetch<HistoryResponse>(`${base(creatorId)}/history?${new URLSearchParams({ page: String(q.page), range: q.range, tz: q.tz })}`),
    placeholderData: keepPreviousData,
    enabled,
  });

export const usePricePicks = (creatorId: string) =>
  // 10 min: usual prices change over weeks.
  useQuery({ queryKey: postKeys.prices(creatorId), queryFn: () => apiFetch<{ prices: PricePick[] }>(`${base(creatorId)}/prices`), staleTime: 10 * 60_000 });

export const useDrafts = (creatorId: string) =>
  useQuery({ queryKey: postKeys.drafts(creatorId), queryFn: () => postsApi.listDrafts(creatorId).then((r) => r.drafts) });

/** Queue actions: each refreshes the queue and history afterwards. */
export function useQueueActions(creatorId: string) {
  const qc = useQueryClient();
  const settle = () => qc.invalidateQueries({ queryKey: postKeys.all(creatorId) });
  const reschedule = useMutation({
    mutationFn: (v: { uuid: string; publishAt: string; expiresAt?: string | null }) =>
      postsApi.update(creatorId, v.uuid, { publishAt: v.publishAt, ...(v.expiresAt !== undefined ? { expiresAt: v.expiresAt } : {}) }),
    // The card moves at once; a refusal puts it back.
    onMutate: async (v) => {
      await qc.cancelQueries({ queryKey: postKeys.queue(creatorId) });
      const before = qc.getQueryData<QueueResponse>(postKeys.queue(creatorId));
      if (before) {
        const items = before.items.map((i) => (i.kind === "post" && i.id === v.uuid ? { ...i, at: v.publishAt } : i)).sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
        qc.setQueryData(postKeys.queue(creatorId), { ...before, items });
      }
      return { before };
    },
    onError: (_e, _v, ctx) => ctx?.before && qc.setQueryData(postKeys.queue(creatorId), ctx.before),
    onSettled: settle,
  });
  const publishNow = useMutation({ mutationFn: (uuid: string) => postsApi.publishNow(creatorId, uuid), onSettled: settle });
  const cancel = useMutation({ mutationFn: (uuid: string) => postsApi.cancel(creatorId, uuid), onSettled: settle });
  return { reschedule, publishNow, cancel };
}
