"use client";

import { useQueries, type Query } from "@tanstack/react-query";
import { fetchLookup, msUntil } from "@/lib/queries/media";
import type { VaultItem } from "@/lib/schemas/media";

// Attached media, looked up in the creator's vault: thumbnails (signed URLs,
// in memory only) and status, so media that is missing (deleted, another
// creator's) or still processing is flagged before anything is sent.

/** While an item is processing, ask again this often (the sandbox takes
 * ~3 s, short videos on Fanvue seconds). */
const PROCESSING_POLL_MS = 3_000;

/** One query per item, so attaching one more item looks up only that one
 * (each lookup is a Fanvue call on the creator's shared rate budget). */
export function useAttachedMedia(creatorId: string, uuids: string[]) {
  const unique = [...new Set(uuids)];
  const results = useQueries({
    queries: unique.map((uuid) => ({
      queryKey: ["creators", creatorId, "posts", "attached", uuid],
      queryFn: async () => {
        const res = await fetchLookup(creatorId, [uuid]);
        return { item: res.items[0] ?? null, urlsExpireAt: res.urlsExpireAt };
      },
      // Fresh until the signed URL expires; then re-resolved.
      staleTime: (q: Query<{ item: VaultItem | null; urlsExpireAt: string | null }>) => Math.max(0, msUntil(q.state.data?.urlsExpireAt)),
      refetchInterval: (q: Query<{ item: VaultItem | null; urlsExpireAt: string | null }>) =>
        q.state.data?.item?.status === "processing" || q.state.data?.item?.status === "created" ? PROCESSING_POLL_MS : false,
    })),
  });
  const byUuid = new Map<string, VaultItem>();
  for (const r of results) if (r.data?.item) byUuid.set(r.data.item.uuid, r.data.item);
  const failed = results.find((r) => r.isError && !r.data);
  return {
    byUuid,
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
  if (missing) return `${n(missing)} ${missing === 1 ? "is" : "are"} not in @${handle}'s vault (deleted, or another creator's). Remove ${missing === 1 ? "it" : "them"} to continue.`;
  if (failed) return `Fanvue could not process ${n(failed)}. Remove ${failed === 1 ? "it" : "them"} to continue.`;
  if (processing) return `${n(processing)} still processing on Fanvue. You can publish as soon as ${processing === 1 ? "it is" : "they are"} ready.`;
  return null;
}
