"use client";

import { useQueryClient, type InfiniteData } from "@tanstack/react-query";
import { useEffect, useMemo, useRef } from "react";
import { mediaKeys, useVaultList, type VaultFilters } from "@/lib/queries/media";
import type { VaultItem, VaultPage } from "@/lib/schemas/media";
import type { GridItem } from "./media-grid";
import { onProcessed, watchProcessing } from "./processing-watch";
import { createThumbResolver } from "./thumb-resolver";
import { onUploadCompleted } from "./upload-store";
import { setFreshThumbs } from "./url-store";

/** The grid's data: loaded pages as one list (each item with its URLs'
 * expiry), the thumbnail resolver, and live status of processing items. */
export function useVaultData(creatorId: string, filters: VaultFilters) {
  const qc = useQueryClient();
  const query = useVaultList(creatorId, filters);
  const items = useMemo(() => {
    const seen = new Set<string>();
    const out: GridItem[] = [];
    for (const page of query.data?.pages ?? []) {
      const exp = page.urlsExpireAt ? Date.parse(page.urlsExpireAt) : 0;
      // A refetch can shift items between pages: show each once.
      for (const i of page.items) if (!seen.has(i.uuid) && seen.add(i.uuid)) out.push({ ...i, exp });
    }
    return out;
  }, [query.data]);
  const checked = useMemo(() => (query.data?.pages ?? []).reduce((n, p) => n + p.checked, 0), [query.data]);

  const filtersRef = useRef(filters);
  filtersRef.current = filters;
  const resolver = useMemo(() => createThumbResolver({ creatorId, filters: () => filtersRef.current }), [creatorId]);

  const processing = items.filter((i) => i.status === "processing" || i.status === "created").map((i) => i.uuid);
  const processingKey = processing.join(",");
  useEffect(() => {
    if (processingKey) watchProcessing(creatorId, processingKey.split(","));
  }, [creatorId, processingKey]);

  useEffect(() => {
    const offProcessed = onProcessed((c, item, exp) => {
      if (c !== creatorId) return;
      setFreshThumbs(c, [item], exp);
      qc.setQueriesData<InfiniteData<VaultPage>>({ queryKey: mediaKeys.lists(c) }, (d) => d && replaceItem(d, item));
    });
    // A finished upload is now in the vault (as "processing"): show it.
    const offCompleted = onUploadCompleted(
      (c) => c === creatorId && void qc.invalidateQueries({ queryKey: mediaKeys.lists(c) }),
    );
    return () => (offProcessed(), offCompleted());
  }, [creatorId, qc]);

  return { query, items, checked, resolver };
}

function replaceItem(d: InfiniteData<VaultPage>, item: VaultItem): InfiniteData<VaultPage> {
  return {
    ...d,
    pages: d.pages.map((p) =>
      p.items.some((i) => i.uuid === item.uuid)
        ? { ...p, items: p.items.map((i) => (i.uuid === item.uuid ? { ...item, src: i.src } : i)) }
        : p,
    ),
  };
}
