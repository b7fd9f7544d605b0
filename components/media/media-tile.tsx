"use client";

import { Check, FileText, ImageIcon, Music, Video } from "lucide-react";
import { memo, useEffect } from "react";
import type { VaultItem } from "@/lib/schemas/media";
import { cn } from "@/lib/utils/cn";
import { labelOf, MEDIA_TYPE_LABELS } from "@/lib/utils/content-labels";
import { formatDuration, titleOf } from "./format";
import { useFormat } from "@/components/viewer/viewer";
import { StatusOverlay } from "./tile-overlay";
import { RemoteImage } from "@/components/ui/remote-image";

/** The first screenful loads at once (6 columns × 2 rows on a wide screen,
 * 2 × 6 on a phone); the rest as the user scrolls near it. */
const EAGER_TILES = 12;

/** The upload date in the viewer's zone (the server renders it in the same one). */
function LocalDay({ iso }: { iso: string }) {
  const f = useFormat();
  return <span className="block h-4 text-[11px] opacity-80">{f.date(iso)}</span>;
}

export type TileProps = {
  item: VaultItem;
  index: number;
  /** The grid's one Tab stop (the others are reached with the arrow keys). */
  tabbable: boolean;
  /** A usable thumbnail URL, or null (none, or expired and being re-resolved). */
  thumbUrl: string | null;
  /** The URL this tile had expired before it was shown: re-resolve it. */
  stale: boolean;
  broken: boolean;
  selected: boolean;
  selecting: boolean;
  /** Shown while uploads name items Fanvue does not name yet. */
  pendingName?: string;
  onToggle: (index: number, range: boolean) => void;
  onOpen: (index: number) => void;
  onThumbFailed: (item: VaultItem) => void;
  onRetryThumb: (item: VaultItem) => void;
  /** Still processing after the watch's last check: the user may ask again. */
  stuck: boolean;
  onCheckAgain: (item: VaultItem) => void;
};

function TypeBadge({ item }: { item: VaultItem }) {
  const d = formatDuration(item.lengthMs);
  const Icon =
    item.mediaType === "video"
      ? Video
      : item.mediaType === "audio"
        ? Music
        : item.mediaType === "document"
          ? FileText
          : ImageIcon;
  const label = labelOf(MEDIA_TYPE_LABELS, item.mediaType);
  return (
    <span
      className="inline-flex items-center gap-1 rounded-md bg-black/60 px-1.5 py-0.5 text-[11px] font-medium text-white"
      data-testid="tile-type"
    >
      <Icon className="size-3" aria-hidden="true" />
      <span className="sr-only">{label}</span>
      {(item.mediaType === "video" || item.mediaType === "audio") && d ? <span className="tabular">{d}</span> : null}
    </span>
  );
}

function Placeholder({ item }: { item: VaultItem }) {
  const Icon =
    item.mediaType === "audio"
      ? Music
      : item.mediaType === "document"
        ? FileText
        : item.mediaType === "video"
          ? Video
          : ImageIcon;
  return (
    <div
      className={cn(
        "absolute inset-0 flex items-center justify-center",
        item.mediaType === "audio" ? "bg-violet-100 text-violet-500" : "bg-zinc-100 text-zinc-400",
      )}
    >
      <Icon className="size-10" aria-hidden="true" />
    </div>
  );
}

/** The label takes clicks (with Shift for ranges); the checkbox inside keeps
 * keyboard and screen-reader access, and its clicks bubble to the label. */
function SelectBox(p: TileProps & { title: string }) {
  return (
    <label
      className={cn(
        "absolute top-1.5 left-1.5 z-10 flex size-7 cursor-pointer items-center justify-center rounded-full border-2 transition-opacity",
        p.selected
          ? "border-brand-600 bg-brand-600 text-white opacity-100"
          : "border-white bg-black/25 text-transparent",
        !p.selected &&
          !p.selecting &&
          "opacity-80 group-focus-within:opacity-100 [@media(hover:hover)]:opacity-0 [@media(hover:hover)]:group-hover:opacity-100",
      )}
      onMouseDown={(e) => e.shiftKey && e.preventDefault()}
      onClick={(e) => {
        e.preventDefault();
        p.onToggle(p.index, e.shiftKey);
      }}
      data-testid="tile-select"
    >
      {/* eslint-disable-next-line no-restricted-syntax -- a hidden mirror of the tile's state for screen readers, not a control */}
      <input
        type="checkbox"
        className="sr-only"
        checked={p.selected}
        aria-label={`Select ${p.title}`}
        tabIndex={-1}
        readOnly
      />
      <Check className="size-4" strokeWidth={3} aria-hidden="true" />
    </label>
  );
}

function MediaTileImpl(p: TileProps) {
  const { item } = p;
  // Fanvue names an item only once it is ready; our own uploads know theirs.
  const title = item.status === "ready" ? titleOf(item) : (p.pendingName ?? "");
  // An expired URL is never put on screen: ask for a fresh one instead.
  const { stale, broken, onThumbFailed } = p;
  useEffect(() => {
    if (stale && !broken) onThumbFailed(item);
  }, [stale, broken, item, onThumbFailed]);
  return (
    <li
      className={cn(
        "group relative aspect-square overflow-hidden rounded-lg bg-zinc-100 select-none [contain-intrinsic-size:200px] [content-visibility:auto]",
        p.selected && "ring-3 ring-brand-500 ring-offset-2",
      )}
      data-testid="vault-tile"
      data-uuid={item.uuid}
      data-status={item.status}
      data-type={item.mediaType ?? ""}
      data-index={p.index}
    >
      <button
        type="button"
        className="absolute inset-0 text-left focus-visible:outline-offset-[-2px]"
        tabIndex={p.tabbable ? 0 : -1}
        data-tile-button=""
        aria-pressed={p.selecting ? p.selected : undefined}
        // Shift-click must not also select the page's text.
        onMouseDown={(e) => e.shiftKey && e.preventDefault()}
        onClick={(e) =>
          p.selecting || e.metaKey || e.ctrlKey || e.shiftKey ? p.onToggle(p.index, e.shiftKey) : p.onOpen(p.index)
        }
      >
        {p.thumbUrl && item.status === "ready" ? (
          <RemoteImage
            src={p.thumbUrl}
            alt=""
            width={item.thumb?.width ?? 320}
            height={item.thumb?.height ?? 320}
            loading={p.index < EAGER_TILES ? "eager" : "lazy"}
            fetchPriority={p.index < EAGER_TILES ? "high" : "auto"}
            decoding="async"
            className={cn("size-full object-cover transition-transform", p.selected && "scale-95 rounded-md")}
            onError={() => p.onThumbFailed(item)}
            data-testid="tile-thumb"
          />
        ) : item.status === "ready" || item.status === "missing" ? (
          <Placeholder item={item} />
        ) : null}
        {/* The name read out starts with what the button does, then the visible name and date. */}
        <span className="sr-only">{p.selecting ? "Select " : "Open "}</span>
        {title ? null : <span className="sr-only">new upload</span>}
        {title ? (
          <span className="pointer-events-none absolute inset-x-0 bottom-0 z-[1] bg-gradient-to-t from-black/75 via-black/30 to-transparent px-2 pt-6 pb-1.5 text-white">
            <span className="block truncate text-xs font-medium" data-testid="tile-title">
              {title}
            </span>
            {item.createdAt ? <LocalDay iso={item.createdAt} /> : null}
          </span>
        ) : null}
        <span className="pointer-events-none absolute top-1.5 right-1.5 flex flex-col items-end gap-1">
          {item.status === "ready" ? <TypeBadge item={item} /> : null}
          {item.purchasedByFan ? (
            <span className="rounded-md bg-brand-600 px-1.5 py-0.5 text-[11px] font-semibold text-white">Bought</span>
          ) : null}
        </span>
      </button>
      <StatusOverlay
        item={item}
        broken={p.broken && item.status === "ready"}
        onRetry={() => p.onRetryThumb(item)}
        stuck={p.stuck}
        onCheckAgain={() => p.onCheckAgain(item)}
      />
      {item.status === "ready" ? <SelectBox {...p} title={title} /> : null}
    </li>
  );
}

export const MediaTile = memo(MediaTileImpl);
