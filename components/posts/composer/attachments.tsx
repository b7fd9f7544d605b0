"use client";

import { AlertTriangle, GripVertical, ImageIcon, Loader2, Star, X } from "lucide-react";
import type { VaultItem } from "@/lib/schemas/media";
import { cn } from "@/lib/utils/cn";
import { useSortable } from "./use-sortable";
import { RemoteImage } from "@/components/ui/remote-image";

type Props = {
  uuids: string[];
  byUuid: Map<string, VaultItem>;
  ppv: boolean;
  previewUuid: string | null;
  onChange: (uuids: string[]) => void;
  onPreview: (uuid: string) => void;
};

export const mediaName = (i: VaultItem | undefined, index: number) =>
  i?.caption?.trim() || i?.name?.trim() || `Item ${index + 1}`;

function Thumb({ item }: { item: VaultItem | undefined }) {
  if (item?.status === "processing" || item?.status === "created") {
    return (
      <div
        className="absolute inset-0 flex flex-col items-center justify-center gap-1 bg-zinc-800 text-white"
        data-testid="attachment-processing"
      >
        <Loader2 className="size-5 animate-spin" aria-hidden="true" />
        <span className="text-[11px]">Processing…</span>
      </div>
    );
  }
  if (item?.status === "missing" || item?.status === "error") {
    return (
      <div className="absolute inset-0 flex flex-col items-center justify-center gap-1 bg-red-50 p-1 text-center text-red-700">
        <AlertTriangle className="size-5" aria-hidden="true" />
        <span className="text-[11px] leading-tight">
          {item.status === "missing" ? "Not in this vault" : "Processing failed"}
        </span>
      </div>
    );
  }
  if (!item?.thumb) {
    return (
      <div className="absolute inset-0 flex items-center justify-center text-zinc-400">
        <ImageIcon className="size-6" aria-hidden="true" />
      </div>
    );
  }
  return <RemoteImage src={item.thumb.url} className="absolute inset-0 size-full object-cover" draggable={false} />;
}

type TileProps = {
  uuid: string;
  index: number;
  count: number;
  item: VaultItem | undefined;
  ppv: boolean;
  isPreview: boolean;
  sortable: ReturnType<typeof useSortable>;
  onPreview: (uuid: string) => void;
  onRemove: () => void;
};

/** One attached item: its thumbnail and position, a drag handle, the free-preview star, remove. */
function AttachmentTile({ uuid, index: i, count, item, ppv, isPreview, sortable, onPreview, onRemove }: TileProps) {
  const name = mediaName(item, i);
  return (
    <li
      ref={sortable.register(uuid)}
      className={cn("flex flex-col gap-1 rounded-lg", sortable.dragging === uuid && "opacity-60 ring-2 ring-brand-500")}
      data-testid="attachment"
      data-uuid={uuid}
      data-status={item?.status ?? "loading"}
    >
      <div className="relative aspect-square overflow-hidden rounded-lg bg-zinc-100 ring-1 ring-line">
        <Thumb item={item} />
        <span className="tabular absolute top-1 left-1 rounded bg-black/60 px-1.5 text-[11px] font-semibold text-white">
          {i + 1}
        </span>
        {isPreview ? (
          <span
            className="absolute right-1 bottom-1 left-1 truncate rounded bg-brand-600 px-1.5 py-0.5 text-center text-[11px] font-semibold text-white"
            data-testid="preview-badge"
          >
            Free preview
          </span>
        ) : null}
      </div>
      <div className="flex items-center gap-0.5">
        <button
          type="button"
          className="cursor-grab rounded-md p-1.5 text-zinc-500 hover:bg-black/5 active:cursor-grabbing"
          aria-label={`Reorder ${name}, position ${i + 1} of ${count}. Drag, or use the arrow keys.`}
          data-testid="attachment-handle"
          {...sortable.handleProps(uuid)}
        >
          <GripVertical className="size-4" aria-hidden="true" />
        </button>
        {ppv ? (
          <button
            type="button"
            aria-pressed={isPreview}
            onClick={() => onPreview(uuid)}
            className={cn("rounded-md p-1.5 hover:bg-black/5", isPreview ? "text-brand-700" : "text-zinc-500")}
            aria-label={isPreview ? `${name} is the free preview` : `Make ${name} the free preview`}
            title="Free preview: shown unblurred before purchase"
            data-testid="set-preview"
          >
            <Star className={cn("size-4", isPreview && "fill-current")} aria-hidden="true" />
          </button>
        ) : null}
        <button
          type="button"
          className="ml-auto rounded-md p-1.5 text-zinc-500 hover:bg-black/5 hover:text-red-700"
          aria-label={`Remove ${name}`}
          onClick={onRemove}
          data-testid="attachment-remove"
        >
          <X className="size-4" aria-hidden="true" />
        </button>
      </div>
    </li>
  );
}

/** Attached media in post order: drag (or arrow keys on the handle) to
 * reorder, choose the free preview of a PPV post, remove. */
export function Attachments({ uuids, byUuid, ppv, previewUuid, onChange, onPreview }: Props) {
  const sortable = useSortable(
    uuids,
    (from, to) => {
      const next = [...uuids];
      const [moved] = next.splice(from, 1);
      next.splice(to, 0, moved!);
      onChange(next);
    },
    (id) => mediaName(byUuid.get(id), uuids.indexOf(id)),
  );
  if (!uuids.length) return null;
  return (
    <>
      <ol className="grid grid-cols-3 gap-2 sm:grid-cols-4" data-testid="attachments">
        {uuids.map((uuid, i) => (
          <AttachmentTile
            key={uuid}
            uuid={uuid}
            index={i}
            count={uuids.length}
            item={byUuid.get(uuid)}
            ppv={ppv}
            isPreview={ppv && previewUuid === uuid}
            sortable={sortable}
            onPreview={onPreview}
            onRemove={() => onChange(uuids.filter((u) => u !== uuid))}
          />
        ))}
      </ol>
      <p className="sr-only" aria-live="assertive">
        {sortable.announcement}
      </p>
    </>
  );
}
