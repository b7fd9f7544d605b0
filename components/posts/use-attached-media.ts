"use client";

import { useQueries, useQueryClient, type Query } from "@tanstack/react-query";
import { useEffect } from "react";
import {
  checkProcessingAgain,
  isProcessingStuck,
  onProcessed,
  useStuckVersion,
  watchProcessing,
} from "@/components/media/processing-watch";
import { fetchLookup, msUntil } from "@/lib/queries/media";
import type { VaultItem } from "@/lib/schemas/media";

// Attached media, looked up in the creator's vault: thumbnails (signed URLs,
// in memory only) and status, so media that is missing (deleted, another
// creator's) or still processing is flagged before anything is sent.

type Attached = { item: VaultItem | null; urlsExpireAt: string | null };
const attachedKey = (creatorId: string, uuid: string) => ["creators", creatorId, "posts", "attached", uuid] as const;
const isProcessing = (s: string | undefined) => s === "processing" || s === "created";

/** One query per item, so attaching one more item looks up only that one
 * (each lookup is a Fanvue call on the creator's shared rate budget). */
export function useAttachedMedia(creatorId: string, uuids: string[]) {
  const qc = useQueryClient();
  const unique = [...new Set(uuids)];
  const results = useQueries({
    queries: unique.map((uuid) => ({
      queryKey: attachedKey(creatorId, uuid),
      queryFn: async () => {
        const res = await fetchLookup(creatorId, [uuid]);
        return { item: res.items[0] ?? null, urlsExpireAt: res.urlsExpireAt };
      },
      // Fresh until the signed URL expires; then re-resolved.
      staleTime: (q: Query<Attached>) => Math.max(0, msUntil(q.state.data?.urlsExpireAt)),
    })),
  });
  const byUuid = new Map<string, VaultItem>();
  for (const r of results) if (r.data?.item) byUuid.set(r.data.item.uuid, r.data.item);
  const failed = results.find((r) => r.isError && !r.data);
  // Processing items are checked by the tab's bounded watch (backoff, a
  // budget per minute, nothing while hidden), not polled by each query.
  const processing = unique.filter((u) => isProcessing(byUuid.get(u)?.status));
  const processingKey = processing.join(",");
  useEffect(() => {
    if (processingKey) watchProcessing(creatorId, processingKey.split(","));
  }, [creatorId, processingKey]);
  useEffect(
    () =>
      onProcessed(
        (c, item, urlsExpireAt) =>
          c === creatorId && qc.setQueryData<Attached>(attachedKey(c, item.uuid), { item, urlsExpireAt }),
      ),
    [creatorId, qc],
  );
  useStuckVersion();
  const stuck = processing.filter((u) => isProcessingStuck(creatorId, u));
  return {
    byUuid,
    /** Still processing after the watch gave up: the user may ask again. */
    stuck,
    checkAgain: () => checkProcessingAgain(creatorId, stuck),
    isLoading: results.some((r) => r.isPending && r.isFetching),
    error: failed?.error ?? null,
    retry: () => results.forEach((r) => r.isError && void r.refetch()),
  };
}

export type MediaProblem = { kind: "missing" | "processing" | "failed"; count: number };

/** What stands between these items and a post, in words for the media field. */
export function mediaProblem(uuids: string[], byUuid: Map<string, VaultItem>, handle: string): string | null {
  const statuses = uuids.map((u) => byUuid.get(u)?.status);
  const missing = statuses.filter((s) => s === "missing").length;
  const failed = statuses.filter((s) => s === "error").length;
  const processing = statuses.filter((s) => s === "processing" || s === "created").length;
  const n = (k: number) => `${k} item${k === 1 ? "" : "s"}`;
  if (missing)
    return `${n(missing)} ${missing === 1 ? "is" : "are"} not in @${handle}'s vault (deleted, or another creator's). Remove ${missing === 1 ? "it" : "them"} to continue.`;
  if (failed) return `Fanvue could not process ${n(failed)}. Remove ${failed === 1 ? "it" : "them"} to continue.`;
  if (processing)
    return `${n(processing)} still processing on Fanvue. You can publish as soon as ${processing === 1 ? "it is" : "they are"} ready.`;
  return null;
}
