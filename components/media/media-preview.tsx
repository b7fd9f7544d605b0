"use client";

import { useQueryClient } from "@tanstack/react-query";
import { Check, ChevronLeft, ChevronRight, EyeOff, X } from "lucide-react";
import { useEffect, useState, type KeyboardEvent } from "react";
import { DialogClose, Viewer } from "@/components/ui/dialog";
import { ApiClientError } from "@/lib/queries/fetcher";
import { mediaDetailsQuery, useMediaDetails } from "@/lib/queries/media";
import { cn } from "@/lib/utils/cn";
import { titleOf } from "./format";
import type { GridItem } from "./media-grid";
import { MediaDetailsPanel } from "./media-details-panel";
import { MediaStage } from "./media-stage";

type Props = {
  creatorId: string;
  uuid: string;
  items: GridItem[];
  fan?: string;
  canLoadMore: boolean;
  onLoadMore: () => void;
  onNavigate: (uuid: string) => void;
  onClose: () => void;
  selected: boolean;
  onToggleSelect: () => void;
  thumbUrlOf: (item: GridItem) => string | null;
};

type BarProps = {
  title: string;
  count: string | null;
  canBlur: boolean;
  fanView: boolean;
  onFanView: () => void;
  selected: boolean;
  onToggleSelect: () => void;
};

function PreviewBar(b: BarProps) {
  const chip = "inline-flex items-center gap-1.5 rounded-md px-2 py-1 text-xs font-medium ring-1 ring-white/30";
  return (
    <div className="flex items-center gap-2 px-3 py-2 text-white sm:px-4">
      {/* The viewer's (screen-reader) title says the same. */}
      <p className="min-w-0 flex-1 truncate text-sm font-medium" aria-hidden="true">
        {b.title}
      </p>
      {b.count ? (
        <span className="tabular text-xs opacity-70" data-testid="preview-counter">
          {b.count}
        </span>
      ) : null}
      {b.canBlur ? (
        <button
          type="button"
          aria-pressed={b.fanView}
          onClick={b.onFanView}
          className={cn(chip, b.fanView ? "bg-white text-zinc-900" : "hover:bg-white/10")}
          data-testid="fan-view-toggle"
        >
          <EyeOff className="size-3.5" aria-hidden="true" /> Fan view
        </button>
      ) : null}
      <button
        type="button"
        onClick={b.onToggleSelect}
        aria-pressed={b.selected}
        className={cn(chip, b.selected ? "bg-brand-600 ring-brand-600" : "hover:bg-white/10")}
      >
        <Check className="size-3.5" aria-hidden="true" /> {b.selected ? "Selected" : "Select"}
      </button>
      <DialogClose className="rounded-md p-1.5 hover:bg-white/10" aria-label="Close preview">
        <X className="size-5" aria-hidden="true" />
      </DialogClose>
    </div>
  );
}

const navBtn =
  "absolute top-1/2 z-10 -translate-y-1/2 rounded-full bg-black/50 p-2 text-white hover:bg-black/70 disabled:opacity-30";

/** Stepping through the grid's items: ←/→ (not inside players or fields),
 * loading more at the end and moving on once they arrive. */
function usePreviewNav(p: Props, index: number) {
  const [wantNext, setWantNext] = useState(false);
  useEffect(() => {
    if (wantNext && index >= 0 && index < p.items.length - 1) {
      setWantNext(false);
      p.onNavigate(p.items[index + 1]!.uuid);
    }
  }, [wantNext, index, p]);

  const hasPrev = index > 0;
  const hasNext = index >= 0 && (index < p.items.length - 1 || p.canLoadMore);
  const go = (delta: -1 | 1) => {
    if (delta < 0 && hasPrev) p.onNavigate(p.items[index - 1]!.uuid);
    if (delta > 0 && index < p.items.length - 1) p.onNavigate(p.items[index + 1]!.uuid);
    else if (delta > 0 && p.canLoadMore) {
      setWantNext(true);
      p.onLoadMore();
    }
  };
  const onKeyDown = (e: KeyboardEvent) => {
    // Media players and fields use the arrows themselves.
    if ((e.target as HTMLElement).closest("video, audio, input, select, textarea")) return;
    if (e.key === "ArrowLeft") go(-1);
    else if (e.key === "ArrowRight") go(1);
    else return;
    e.preventDefault();
  };
  return { hasPrev, hasNext, go, onKeyDown };
}

/** The lightbox: ←/→ step through the grid's items (loading more at the
 * end), Esc closes. Details are read live, with fresh signed URLs. */
export function MediaPreview(p: Props) {
  const qc = useQueryClient();
  const index = p.items.findIndex((i) => i.uuid === p.uuid);
  const item = p.items[index];
  const [fanView, setFanView] = useState(false);
  const details = useMediaDetails(p.creatorId, p.uuid, p.fan);
  const current = item ?? (details.data ? { ...details.data, exp: 0 } : null);
  const nav = usePreviewNav(p, index);

  // Neighbours' details (and URLs) load ahead, so stepping feels instant.
  useEffect(() => {
    for (const n of [p.items[index - 1], p.items[index + 1]]) {
      if (n?.status === "ready") void qc.prefetchQuery(mediaDetailsQuery(p.creatorId, n.uuid, p.fan));
    }
  }, [index, p.items, p.creatorId, p.fan, qc]);

  const error =
    details.error instanceof ApiClientError
      ? details.error.message
      : details.error
        ? "Could not load this media."
        : null;
  const count = index >= 0 ? `${index + 1} of ${p.items.length}${p.canLoadMore ? "+" : ""}` : null;
  const title = current ? titleOf(current) : "Media";

  return (
    <Viewer
      open
      onOpenChange={(open) => !open && p.onClose()}
      title={title}
      onKeyDown={nav.onKeyDown}
      testId="media-preview"
    >
      <div className="flex min-h-0 flex-1 flex-col">
        <PreviewBar
          title={title}
          count={count}
          canBlur={current?.mediaType === "image" || current?.mediaType === "video"}
          fanView={fanView}
          onFanView={() => setFanView((v) => !v)}
          selected={p.selected}
          onToggleSelect={p.onToggleSelect}
        />
        <div className="relative flex min-h-0 flex-1 items-center justify-center px-2 pb-3 sm:px-14">
          <button
            type="button"
            className={cn(navBtn, "left-2")}
            onClick={() => nav.go(-1)}
            disabled={!nav.hasPrev}
            aria-label="Previous"
          >
            <ChevronLeft className="size-6" aria-hidden="true" />
          </button>
          {current ? (
            <MediaStage
              item={current}
              details={details.data}
              placeholderUrl={item ? p.thumbUrlOf(item) : null}
              fanView={fanView}
              loading={details.isPending}
              error={error}
              onRefresh={() => void details.refetch()}
            />
          ) : (
            <p className="text-sm text-white">{error ?? "Loading…"}</p>
          )}
          <button
            type="button"
            className={cn(navBtn, "right-2")}
            onClick={() => nav.go(1)}
            disabled={!nav.hasNext}
            aria-label="Next"
          >
            <ChevronRight className="size-6" aria-hidden="true" />
          </button>
        </div>
        {fanView ? <p className="pb-3 text-center text-xs text-white/70">What fans see before they buy</p> : null}
      </div>
      <aside className="max-h-[42dvh] overflow-y-auto bg-surface p-4 lg:max-h-none lg:w-80 lg:shrink-0">
        {current ? <MediaDetailsPanel item={current} details={details.data} hasFan={Boolean(p.fan)} /> : null}
      </aside>
    </Viewer>
  );
}
