"use client";

import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type RefObject } from "react";
import { Skeleton } from "@/components/ui/skeleton";
import type { VaultItem } from "@/lib/schemas/media";
import { gridColumns, nextGridIndex } from "./grid-keys";
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

/** One Tab stop for the whole grid; arrows move focus between tiles, Space selects the focused one. */
function useRovingFocus(count: number, onToggle: Props["onToggle"], gridRef?: RefObject<HTMLUListElement | null>) {
  const own = useRef<HTMLUListElement>(null);
  const ref = gridRef ?? own;
  const [active, setActive] = useState(0);
  const current = Math.min(active, Math.max(0, count - 1));
  const focusTile = (i: number) =>
    ref.current?.querySelector<HTMLButtonElement>(`[data-index="${i}"] [data-tile-button]`)?.focus();
  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    const li = (e.target as HTMLElement).closest<HTMLElement>("[data-index]");
    if (!li || !ref.current || e.altKey || e.metaKey || e.ctrlKey) return;
    const at = Number(li.dataset.index);
    if (e.key === " ") {
      e.preventDefault();
      return onToggle(at, e.shiftKey);
    }
    const next = nextGridIndex(e.key, at, count, gridColumns(ref.current));
    if (next === null) return;
    e.preventDefault();
    setActive(next);
    focusTile(next);
  };
  const onFocus = (e: { target: EventTarget }) => {
    const li = (e.target as HTMLElement).closest<HTMLElement>("[data-index]");
    if (li) setActive(Number(li.dataset.index));
  };
  return { ref, current, onKeyDown, onFocus };
}

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
  const roving = useRovingFocus(p.items.length, p.onToggle, p.gridRef);
  return (
    <div className="@container">
      {/* Key handling for the tiles' own buttons, delegated to their list. */}
      <ul
        className={GRID_CLASS}
        ref={roving.ref}
        data-testid="vault-grid"
        aria-label="Media"
        aria-describedby="vault-grid-keys"
        onKeyDown={roving.onKeyDown}
        onFocus={roving.onFocus}
      >
        {p.items.map((item, index) => {
          const fresh = freshThumb(p.creatorId, item.uuid);
          const listUrl = item.thumb && item.exp > now ? item.thumb.url : null;
          return (
            <MediaTile
              key={item.uuid}
              item={item}
              index={index}
              tabbable={index === roving.current}
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
      <p id="vault-grid-keys" className="sr-only">
        Arrow keys move between media, Space selects, Enter opens.
      </p>
      <div ref={sentinel} aria-hidden="true" className="h-px" />
    </div>
  );
}
