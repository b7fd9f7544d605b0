"use client";

import dynamic from "next/dynamic";
import { useCallback, useEffect, useMemo, useRef, type ReactNode, type RefObject } from "react";
import { Button } from "@/components/ui/button";
import { ErrorState, RefreshError } from "@/components/ui/error-state";
import type { VaultFolder } from "@/lib/schemas/media";
import { GRID_CLASS, GridSkeleton, MediaGrid, type GridItem } from "./media-grid";
import type { Selection } from "./selection";
import { useGridActions } from "./use-grid-actions";
import { filtersOf, type VaultParamsApi } from "./use-vault-params";
import { useScrollAnchor } from "./use-scroll-anchor";
import { useVaultData } from "./use-vault-data";
import { freshThumb } from "./url-store";
import { VaultFilters } from "./vault-filters";
import { formatCount } from "@/lib/utils/format";

// The preview (its viewer dialog, stage and details) loads when a tile is opened; its code is
// fetched once the page has started. A preview opened from the URL renders on the server as before.
const loadPreview = () => import("./media-preview");
const MediaPreview = dynamic(() => loadPreview().then((m) => m.MediaPreview));

type Props = {
  creatorId: string;
  api: VaultParamsApi;
  selection: Selection;
  onSelection: (s: Selection) => void;
  folders: VaultFolder[] | undefined;
  /** "page": state in the URL, scroll position kept; "picker": in a dialog. */
  mode: "page" | "picker";
  folderSelectClass?: string;
  fanLabel?: string;
  pendingNames?: ReadonlyMap<string, string>;
  scrollRoot?: RefObject<HTMLElement | null>;
  emptyAction?: ReactNode;
};

const NO_NAMES: ReadonlyMap<string, string> = new Map();

function VaultEmpty({ filtered, onClear, action }: { filtered: boolean; onClear: () => void; action?: ReactNode }) {
  return (
    <div
      className="flex flex-col items-center gap-3 rounded-xl border border-dashed border-line px-6 py-14 text-center"
      data-testid="vault-empty"
    >
      <p className="font-medium">{filtered ? "No media match these filters" : "The vault is empty"}</p>
      <p className="max-w-sm text-sm text-muted">
        {filtered ? "Try another type, folder or search." : "Upload photos, videos or audio to start."}
      </p>
      {filtered ? (
        <Button variant="secondary" size="sm" onClick={onClear}>
          Clear filters
        </Button>
      ) : (
        action
      )}
    </div>
  );
}

type VaultData = ReturnType<typeof useVaultData>;

type BodyProps = {
  creatorId: string;
  data: VaultData;
  selected: Set<string>;
  filtered: boolean;
  pendingNames: ReadonlyMap<string, string> | undefined;
  scrollRoot: RefObject<HTMLElement | null> | undefined;
  emptyAction: ReactNode;
  gridRef: RefObject<HTMLUListElement | null>;
  onLoadMore: () => void;
  onToggle: ReturnType<typeof useGridActions>["onToggle"];
  onOpen: ReturnType<typeof useGridActions>["onOpen"];
  onClearFilters: () => void;
};

/** The grid, or what stands in for it: a skeleton, an error, or the empty vault. */
function VaultBody({ data: { query, items, resolver }, ...b }: BodyProps) {
  const { hasNextPage, isFetchingNextPage } = query;
  if (query.isPending) {
    return (
      <ul className={`${GRID_CLASS} @container`} aria-busy="true" aria-label="Loading media">
        <GridSkeleton count={12} />
      </ul>
    );
  }
  if (query.isError && !items.length) {
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} what="the vault" />;
  }
  if (!items.length && !hasNextPage) {
    return <VaultEmpty filtered={b.filtered} onClear={b.onClearFilters} action={b.emptyAction} />;
  }
  return (
    <MediaGrid
      creatorId={b.creatorId}
      items={items}
      selected={b.selected}
      pendingNames={b.pendingNames ?? NO_NAMES}
      resolver={resolver}
      loadingMore={isFetchingNextPage}
      showSkeleton={isFetchingNextPage || (hasNextPage === true && !items.length)}
      canLoadMore={Boolean(hasNextPage) && !query.isError}
      onLoadMore={b.onLoadMore}
      onToggle={b.onToggle}
      onOpen={b.onOpen}
      scrollRoot={b.scrollRoot}
      gridRef={b.gridRef}
    />
  );
}

/** Loading the next page (once at a time) and, on the page, keeping the scroll position in the URL. */
function useVaultPaging(mode: Props["mode"], { params, set }: VaultParamsApi, { query, items }: VaultData) {
  const gridRef = useRef<HTMLUListElement>(null);
  const { fetchNextPage, hasNextPage, isFetchingNextPage } = query;
  const loadMore = useCallback(
    () => void (!isFetchingNextPage && fetchNextPage()),
    [fetchNextPage, isFetchingNextPage],
  );
  useScrollAnchor({
    enabled: mode === "page",
    at: params.at,
    items,
    gridRef,
    canLoadMore: Boolean(hasNextPage),
    loadMore,
    setAt: (at) => set({ at }),
  });
  return { gridRef, loadMore };
}

/** While searching or filtering by purchase, the vault is scanned page by page: how far it got. */
function ScanStatus({ found, checked, more }: { found: number; checked: number; more: boolean }) {
  return (
    <p className="text-xs text-muted" role="status" data-testid="scan-status">
      {formatCount(found)} found · {formatCount(checked)} vault items searched{more ? "…" : " (all)"}
    </p>
  );
}

/** Filters, the grid with infinite scroll, and the preview: shared by the
 * vault page and the vault picker dialog. */
export function VaultView(p: Props) {
  const { params, set } = p.api;
  const filters = useMemo(() => filtersOf(params), [params]);
  const data = useVaultData(p.creatorId, filters);
  const { query, items, checked } = data;
  const { fetchNextPage, hasNextPage } = query;
  const { gridRef, loadMore } = useVaultPaging(p.mode, p.api, data);
  useEffect(() => void loadPreview(), []);

  const selected = useMemo(() => new Set(p.selection.uuids), [p.selection.uuids]);
  const { onToggle, toggleUuid, onOpen, onClose } = useGridActions({
    items,
    selection: p.selection,
    onSelection: p.onSelection,
    api: p.api,
    mode: p.mode,
  });
  const thumbUrlOf = (i: GridItem) =>
    freshThumb(p.creatorId, i.uuid) ?? (i.exp > Date.now() ? (i.thumb?.url ?? null) : null);
  const filtered = Object.keys(filters).some((k) => k !== "fan");
  const scanning = Boolean(filters.q) || filters.fanView === "bought";

  return (
    <div className="flex min-w-0 flex-col gap-4">
      <VaultFilters
        params={params}
        set={set}
        folders={p.folders}
        folderSelectClass={p.folderSelectClass}
        fanLabel={p.fanLabel}
      />
      {/* A refresh that failed keeps the tiles shown, and says how old they are. */}
      {query.isRefetchError && items.length ? (
        <RefreshError
          error={query.error}
          onRetry={() => void query.refetch()}
          what="the vault"
          updatedAt={query.dataUpdatedAt}
        />
      ) : null}
      {scanning && !query.isPending ? (
        <ScanStatus found={items.length} checked={checked} more={Boolean(hasNextPage)} />
      ) : null}
      <VaultBody
        creatorId={p.creatorId}
        data={data}
        selected={selected}
        filtered={filtered}
        pendingNames={p.pendingNames}
        scrollRoot={p.scrollRoot}
        emptyAction={p.emptyAction}
        gridRef={gridRef}
        onLoadMore={loadMore}
        onToggle={onToggle}
        onOpen={onOpen}
        onClearFilters={() =>
          set({ type: undefined, folder: undefined, usage: undefined, q: undefined, fanView: undefined })
        }
      />
      {query.isFetchNextPageError && items.length ? (
        <ErrorState error={query.error} onRetry={() => void fetchNextPage()} what="more media" />
      ) : null}
      {params.view ? (
        <MediaPreview
          creatorId={p.creatorId}
          uuid={params.view}
          items={items}
          fan={filters.fan}
          canLoadMore={Boolean(hasNextPage)}
          onLoadMore={loadMore}
          onNavigate={(view) => set({ view })}
          onClose={onClose}
          selected={selected.has(params.view)}
          onToggleSelect={() => toggleUuid(params.view!)}
          thumbUrlOf={thumbUrlOf}
        />
      ) : null}
    </div>
  );
}
