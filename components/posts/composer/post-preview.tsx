"use client";

import { Lock } from "lucide-react";
import { Tab, TabList, TabPanel, Tabs } from "@/components/ui/tabs";
import { Avatar } from "@/components/ui/avatar";
import type { VaultItem } from "@/lib/schemas/media";
import type { Audience } from "@/lib/schemas/posts";
import { cn } from "@/lib/utils/cn";
import { formatMoney } from "@/lib/utils/format";
import { formatWhen } from "@/lib/utils/time";
import { useViewer } from "@/components/viewer/viewer";
import { RemoteImage } from "@/components/ui/remote-image";

// How the post will look on Fanvue to a subscriber, and to a follower who
// has not paid: locked media is blurred, with the price or "subscribe" label.

export type PreviewPost = {
  text: string;
  mediaUuids: string[];
  previewUuid: string | null;
  audience: Audience;
  /** Cents; null = free (or not a valid price yet). */
  price: number | null;
  publishAt: string | null;
};

type Viewer = "subscriber" | "follower";
type Creator = { handle: string; displayName: string; avatarUrl: string | null };

function MediaCell({ item, locked, big }: { item: VaultItem | undefined; locked: boolean; big: boolean }) {
  return (
    <div
      className={cn("relative overflow-hidden bg-zinc-200", big ? "col-span-2 aspect-[4/3]" : "aspect-square")}
      data-testid="preview-media"
      data-locked={locked}
    >
      {item?.thumb ? (
        <RemoteImage
          src={item.thumb.url}
          className={cn("absolute inset-0 size-full object-cover", locked && "scale-110 blur-xl")}
        />
      ) : null}
      {locked ? (
        <div className="absolute inset-0 flex items-center justify-center bg-black/20">
          <Lock className="size-6 text-white drop-shadow" aria-hidden="true" />
        </div>
      ) : null}
    </div>
  );
}

/** What this viewer can see: which items are locked and the label over them. */
export function lockOf(post: PreviewPost, viewer: Viewer) {
  const followerShut = viewer === "follower" && post.audience === "subscribers";
  const locked = (uuid: string) => followerShut || (post.price !== null && uuid !== post.previewUuid);
  const label = followerShut
    ? "Subscribe to see this post"
    : post.price !== null
      ? `Unlock for ${formatMoney(post.price)}`
      : null;
  return { locked, label };
}

function PostCard({
  post,
  viewer,
  creator,
  byUuid,
}: {
  post: PreviewPost;
  viewer: Viewer;
  creator: Creator;
  byUuid: Map<string, VaultItem>;
}) {
  const { locked, label } = lockOf(post, viewer);
  const reader = useViewer();
  return (
    <article className="overflow-hidden rounded-xl border border-line bg-surface" data-testid={`preview-${viewer}`}>
      <header className="flex items-center gap-3 px-4 pt-4">
        <Avatar src={creator.avatarUrl} name={creator.displayName} size="sm" />
        <div className="min-w-0">
          <p className="truncate text-sm font-semibold">{creator.displayName}</p>
          <p className="truncate text-xs text-muted">
            @{creator.handle} · {post.publishAt ? formatWhen(post.publishAt, reader) : "just now"}
          </p>
        </div>
      </header>
      {post.text.trim() ? <p className="px-4 pt-3 text-sm break-words whitespace-pre-wrap">{post.text}</p> : null}
      {post.mediaUuids.length ? (
        <div className="relative mt-3 grid grid-cols-2 gap-0.5">
          {post.mediaUuids.slice(0, 5).map((u, i) => (
            <MediaCell key={u} item={byUuid.get(u)} locked={locked(u)} big={i === 0} />
          ))}
          {post.mediaUuids.length > 5 ? (
            <span className="absolute right-2 bottom-2 rounded bg-black/60 px-2 text-xs text-white">
              +{post.mediaUuids.length - 5}
            </span>
          ) : null}
        </div>
      ) : null}
      <footer className="flex flex-wrap items-center gap-2 px-4 py-3">
        {label ? (
          <span
            className="inline-flex items-center gap-1.5 rounded-full bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white"
            data-testid="preview-label"
          >
            <Lock className="size-3.5" aria-hidden="true" /> {label}
          </span>
        ) : (
          <span className="text-xs text-muted">Visible in full</span>
        )}
        {post.price !== null && post.mediaUuids.length > 1 ? (
          <span className="text-xs text-muted">{post.mediaUuids.length} items</span>
        ) : null}
      </footer>
    </article>
  );
}

const TABS: { value: Viewer; label: string }[] = [
  { value: "subscriber", label: "Subscriber" },
  { value: "follower", label: "Follower, not paid" },
];

export function PostPreview(p: { post: PreviewPost; creator: Creator; byUuid: Map<string, VaultItem> }) {
  return (
    <Tabs defaultValue="subscriber" className="flex flex-col gap-3" data-testid="post-preview">
      <TabList aria-label="Preview as" fill>
        {TABS.map((t) => (
          <Tab key={t.value} value={t.value} className="flex-1">
            {t.label}
          </Tab>
        ))}
      </TabList>
      {TABS.map((t) => (
        <TabPanel key={t.value} value={t.value}>
          <PostCard post={p.post} viewer={t.value} creator={p.creator} byUuid={p.byUuid} />
        </TabPanel>
      ))}
    </Tabs>
  );
}
