"use client";

import { useCallback, useEffect, useRef, type RefObject } from "react";
import { Skeleton } from "@/components/ui/skeleton";
import type { VaultItem } from "@/lib/schemas/media";
import { MediaTile } from "./media-tile";
import { checkProcessingAgain, isProcessingStuck, useStuckVersion } from "./processing-watch";
import type { ThumbResolver } from "./thumb-resolver";
import { freshThumb, isBroken, useUrlStoreVersion } from "./url-store";

export type GridItem = VaultItem & { exp: number };

/** Start loading the next page this far below the fold: the next rows are
 * ready before the user reaches them. */
const PREFETCH_MARGIN = "1200px 0px";

export const GRID_CLASS =
  "grid grid-cols-2 gap-2 sm:gap-3 @md:grid-cols-3 @2xl:grid-cols-4 @3xl:grid-cols-5 @4xl:grid-cols-6";

export function GridSkeleton({ count }: { count: number }) {
  return Array.from({ length: count }, (_, i) => (
    <li key={`sk${i}`} aria-hidden="true" data-testid="tile-skeleton">
      <Skeleton className="aspect-square rounded-lg" />
    </li>
  ));
}

type Props = {
  creatorId: string;
  items: GridItem[];
  selected: ReadonlySet<string>;
  pendingNames: ReadonlyMap<string, string>;
  resolver: ThumbResolver;
  loadingMore: boolean;
  /** Skeleton tiles at the end (loading, or a search still scanning). */
  showSkeleton: boolean;
  canLoadMore: boolean;
  onLoadMore: () => void;
  onToggle: (index: number, range: boolean) => void;
  onOpen: (index: number) => void;
  scrollRoot?: RefObject<HTMLElement | null>;
  gridRef?: RefObject<HTMLUListElement | null>;
};

export function MediaGrid(p: Props) {
  useUrlStoreVersion();
  useStuckVersion();
  const checkAgain = useCallback((i: VaultItem) => checkProcessingAgain(p.creatorId, [i.uuid]), [p.creatorId]);
  const sentinel = useRef<HTMLDivElement>(null);
  const { canLoadMore, loadingMore, onLoadMore } = p;
  useEffect(() => {
    const el = sentinel.current;
    if (!el || !canLoadMore || loadingMore) return;
    const io = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && onLoadMore(), {
      root: p.scrollRoot?.current ?? null,
      rootMargin: PREFETCH_MARGIN,
    });
    io.observe(el);
    return () => io.disconnect();
  }, [canLoadMore, loadingMore, onLoadMore, p.scrollRoot]);

  const now = Date.now();
  const selecting = p.selected.size > 0;
  return (
    <div className="@container">
      <ul className={GRID_CLASS} ref={p.gridRef} data-testid="vault-grid" aria-label="Media">
        {p.items.map((item, index) => {
          const fresh = freshThumb(p.creatorId, item.uuid);
          const listUrl = item.thumb && item.exp > now ? item.thumb.url : null;
          return (
            <MediaTile
              key={item.uuid}
              item={item}
              index={index}
              thumbUrl={fresh ?? listUrl}
              stale={!fresh && !listUrl && item.thumb !== null && item.status === "ready"}
              broken={isBroken(p.creatorId, item.uuid)}
              selected={p.selected.has(item.uuid)}
              selecting={selecting}
              pendingName={p.pendingNames.get(item.uuid)}
              onToggle={p.onToggle}
              onOpen={p.onOpen}
              onThumbFailed={p.resolver.report}
              onRetryThumb={p.resolver.retry}
              stuck={isProcessingStuck(p.creatorId, item.uuid)}
              onCheckAgain={checkAgain}
            />
          );
        })}
        {p.showSkeleton ? <GridSkeleton count={6} /> : null}
      </ul>
      <div ref={sentinel} aria-hidden="true" className="h-px" />
    </div>
  );
}
