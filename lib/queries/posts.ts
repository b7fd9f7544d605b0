import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { BodyOf, ResponseOf } from "@/lib/contracts/contract";
import type { postHistoryQuerySchema } from "@/lib/contracts/posts";
import * as posts from "@/lib/contracts/client/posts";
import type { PublishInput, UpdateInput } from "@/lib/schemas/posts";
import { callApi } from "./call";

// Posts: the composer's drafts and publish calls, the queue and the history.

export const postKeys = {
  all: (creatorId: string) => ["creators", creatorId, "posts"] as const,
  queue: (creatorId: string) => [...postKeys.all(creatorId), "queue"] as const,
  history: (creatorId: string, q: HistoryParams) => [...postKeys.all(creatorId), "history", q] as const,
  prices: (creatorId: string) => [...postKeys.all(creatorId), "prices"] as const,
  drafts: (creatorId: string) => [...postKeys.all(creatorId), "drafts"] as const,
  post: (creatorId: string, uuid: string) => [...postKeys.all(creatorId), "post", uuid] as const,
};

export type HistoryParams = z.output<typeof postHistoryQuerySchema>;

export const postsApi = {
  publish: (creatorId: string, input: PublishInput) =>
    callApi(posts.publishPost, { params: { creatorId }, body: input }),
  update: (creatorId: string, uuid: string, input: UpdateInput) =>
    callApi(posts.updatePost, { params: { creatorId, postUuid: uuid }, body: input }),
  publishNow: (creatorId: string, uuid: string) =>
    callApi(posts.publishPostNow, { params: { creatorId, postUuid: uuid }, body: {} }),
  cancel: (creatorId: string, uuid: string) =>
    callApi(posts.cancelPost, { params: { creatorId, postUuid: uuid }, body: {} }),
  getPost: (creatorId: string, uuid: string) => callApi(posts.getPost, { params: { creatorId, postUuid: uuid } }),
  listDrafts: (creatorId: string, editOf?: string) =>
    callApi(posts.listDrafts, { params: { creatorId }, query: { editOf } }),
  getDraft: (creatorId: string, id: string) => callApi(posts.getDraft, { params: { creatorId, draftId: id } }),
  createDraft: (creatorId: string, body: BodyOf<typeof posts.createDraft>) =>
    callApi(posts.createDraft, { params: { creatorId }, body }),
  /** `keepalive` lets the last save finish while the tab closes. */
  saveDraft: (creatorId: string, id: string, body: BodyOf<typeof posts.saveDraft>, keepalive = false) =>
    callApi(posts.saveDraft, { params: { creatorId, draftId: id }, body, keepalive }),
  deleteDraft: (creatorId: string, id: string) =>
    callApi(posts.deleteDraft, { params: { creatorId, draftId: id }, body: {} }),
};

export const useQueue = (creatorId: string) =>
  // 15 s: the queue is where people check that a post went out; fresher than the dashboards.
  useQuery({
    queryKey: postKeys.queue(creatorId),
    queryFn: () => callApi(posts.postQueue, { params: { creatorId } }),
    staleTime: 15_000,
  });

export const useHistory = (creatorId: string, q: HistoryParams, enabled = true) =>
  useQuery({
    queryKey: postKeys.history(creatorId, q),
    queryFn: () =>
      callApi(posts.postHistory, { params: { creatorId }, query: { page: q.page, range: q.range, tz: q.tz } }),
    placeholderData: keepPreviousData,
    enabled,
  });

export const usePricePicks = (creatorId: string) =>
  // 10 min: usual prices change over weeks.
  useQuery({
    queryKey: postKeys.prices(creatorId),
    queryFn: () => callApi(posts.postPrices, { params: { creatorId } }),
    staleTime: 10 * 60_000,
  });

export const useDrafts = (creatorId: string) =>
  useQuery({
    queryKey: postKeys.drafts(creatorId),
    queryFn: () => postsApi.listDrafts(creatorId).then((r) => r.drafts),
  });

/** Queue actions: each refreshes the queue and history afterwards. */
export function useQueueActions(creatorId: string) {
  const qc = useQueryClient();
  const settle = () => qc.invalidateQueries({ queryKey: postKeys.all(creatorId) });
  const reschedule = useMutation({
    mutationFn: (v: { uuid: string; publishAt: string; expiresAt?: string | null }) =>
      postsApi.update(creatorId, v.uuid, {
        publishAt: v.publishAt,
        ...(v.expiresAt !== undefined ? { expiresAt: v.expiresAt } : {}),
      }),
    // The card moves at once; a refusal puts it back.
    onMutate: async (v) => {
      await qc.cancelQueries({ queryKey: postKeys.queue(creatorId) });
      const before = qc.getQueryData<ResponseOf<typeof posts.postQueue>>(postKeys.queue(creatorId));
      if (before) {
        const items = before.items
          .map((i) => (i.kind === "post" && i.id === v.uuid ? { ...i, at: v.publishAt } : i))
          .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
        qc.setQueryData(postKeys.queue(creatorId), { ...before, items });
      }
      return { before };
    },
    onError: (_e, _v, ctx) => ctx?.before && qc.setQueryData(postKeys.queue(creatorId), ctx.before),
    onSettled: settle,
  });
  const publishNow = useMutation({
    mutationFn: (uuid: string) => postsApi.publishNow(creatorId, uuid),
    onSettled: settle,
  });
  const cancel = useMutation({ mutationFn: (uuid: string) => postsApi.cancel(creatorId, uuid), onSettled: settle });
  return { reschedule, publishNow, cancel };
}
