"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { FileText, Film, Image as ImageIcon, ImageOff, Music, Type } from "lucide-react";
import { RemoteImage } from "@/components/ui/remote-image";
import { ApiClientError } from "@/lib/queries/fetcher";
import { fetchLookup, msUntil } from "@/lib/queries/media";
import type { PostView } from "@/lib/schemas/post-views";
import type { VaultItem } from "@/lib/schemas/media";

// A post's thumbnail in the queue and history: its free preview, else its
// first media item, looked up in the creator's vault (signed URLs, kept in
// memory only, re-read when they expire or fail to load). One lookup per
// item, cached by item, so the queue, history and composer share them.

type Looked = { item: VaultItem | null; urlsExpireAt: string | null };
const thumbKey = (creatorId: string, uuid: string) => ["creators", creatorId, "posts", "thumb", uuid] as const;
/** The composer's lookup of an attached item (components/posts/use-attached-media.ts). */
const attachedKey = (creatorId: string, uuid: string) => ["creators", creatorId, "posts", "attached", uuid] as const;

/** A URL resolved this recently that fails again did not expire (as the vault's resolver). */
const RECENT_MS = 20_000;

const ICONS = { video: Film, audio: Music, document: FileText } as const;

/** The media item a post is shown by (null: a text-only post). */
export const coverOf = (p: Pick<PostView, "previewUuid" | "mediaUuids">) => p.previewUuid ?? p.mediaUuids[0] ?? null;

/** A failed lookup (often the rate budget, shared with background syncs) is
 * tried again when Fanvue's refill is due, else in 20 s; never in a loop. */
const retryInMs = (err: unknown) =>
  err instanceof ApiClientError && err.code === "rate_limited" ? Math.max(1, err.retryAfterSec ?? 20) * 1000 : 20_000;

function usePostThumb(creatorId: string, uuid: string | null) {
  const qc = useQueryClient();
  // The composer looked the item up moments ago (same answer shape): no second call.
  const composed = uuid ? qc.getQueryState<Looked>(attachedKey(creatorId, uuid)) : undefined;
  return useQuery({
    queryKey: thumbKey(creatorId, uuid ?? ""),
    initialData: composed?.data,
    initialDataUpdatedAt: composed?.dataUpdatedAt,
    queryFn: async (): Promise<Looked> => {
      const res = await fetchLookup(creatorId, [uuid!]);
      return { item: res.items[0] ?? null, urlsExpireAt: res.urlsExpireAt };
    },
    enabled: uuid !== null,
    // Fresh until the signed URL expires; then re-resolved.
    staleTime: (q) => Math.max(0, msUntil(q.state.data?.urlsExpireAt)),
    // A thumbnail is a detail: a failed lookup shows the placeholder and is
    // tried again later, not in a tight loop.
    retry: false,
    refetchInterval: (q) => (q.state.status === "error" ? retryInMs(q.state.error) : false),
  });
}

/** A square thumbnail (the post's cover), or what kind of post it is. */
export function PostThumb({ creatorId, post, size = "md" }: { creatorId: string; post: PostView; size?: "sm" | "md" }) {
  const uuid = coverOf(post);
  const q = usePostThumb(creatorId, uuid);
  const qc = useQueryClient();
  const box = size === "sm" ? "size-10" : "size-12";
  const item = q.data?.item;
  const url = item?.thumb?.url ?? null;
  const Icon =
    uuid === null
      ? Type
      : item?.status === "missing"
        ? ImageOff
        : (ICONS[item?.mediaType as keyof typeof ICONS] ?? (q.isPending ? null : ImageIcon));
  return (
    <span
      className={`${box} relative flex shrink-0 items-center justify-center overflow-hidden rounded-lg border border-line bg-canvas text-muted`}
      data-testid="post-thumb"
      data-state={url ? "image" : uuid === null ? "text" : q.isPending ? "loading" : q.isError ? "retrying" : "none"}
    >
      {url ? (
        <RemoteImage
          src={url}
          className="size-full object-cover"
          loading="lazy"
          // An expired URL: look the item up again; one that fails right
          // after a fresh lookup is broken, and stays a placeholder.
          onError={() => {
            if (Date.now() - q.dataUpdatedAt > RECENT_MS)
              void qc.invalidateQueries({ queryKey: thumbKey(creatorId, uuid!) });
          }}
        />
      ) : Icon ? (
        <Icon className="size-5" aria-hidden="true" />
      ) : q.isPending ? (
        <span className="size-full animate-pulse bg-black/5" />
      ) : null}
      {post.mediaUuids.length > 1 ? (
        <span className="tabular absolute right-0.5 bottom-0.5 rounded bg-black/60 px-1 text-[10px] font-semibold text-white">
          {post.mediaUuids.length}
        </span>
      ) : null}
    </span>
  );
}
