"use client";

import { fetchLookup, fetchVaultPage, type VaultFilters } from "@/lib/queries/media";
import type { VaultItem } from "@/lib/schemas/media";
import { MAX_LOOKUP } from "@/lib/schemas/media-values";
import { markBroken, setFreshThumbs } from "./url-store";

// Re-resolves thumbnail URLs that expired (or failed to load). One expiry
// fails every image on screen at once, so reports are gathered briefly and
// resolved together: first by re-reading each item's source page of the
// Fanvue list (one call per 50 items), then item by item for the rest.

/** Gathers the burst of failures one expiry causes into one round. */
const DEBOUNCE_MS = 150;
/** A URL resolved this recently that fails again did not expire: the tile is
 * marked broken (manual retry) instead of looping. */
const RECENT_MS = 20_000;

export type ResolverDeps = {
  creatorId: string;
  filters: () => VaultFilters;
  fetchPage?: typeof fetchVaultPage;
  lookup?: typeof fetchLookup;
};

export function createThumbResolver(d: ResolverDeps) {
  const fetchPage = d.fetchPage ?? fetchVaultPage;
  const lookup = d.lookup ?? fetchLookup;
  const pending = new Map<string, VaultItem>();
  const resolvedAt = new Map<string, number>();
  let timer: ReturnType<typeof setTimeout> | null = null;

  async function resolve(batch: VaultItem[]) {
    const f = d.filters();
    const left = new Map(batch.map((i) => [i.uuid, i]));
    // The Fanvue query the items were read with (search and "bought" only
    // filter its pages; "sent" items come from the chat, not the list).
    const listFilters = { type: f.type, folder: f.folder, usage: f.usage, fan: f.fan };
    const pages = f.fanView === "sent" ? [] : [...new Set(batch.flatMap((i) => (i.src === null ? [] : [i.src])))];
    for (const src of pages) {
      const page = await fetchPage(d.creatorId, { ...listFilters, cursor: String(src) });
      const found = page.items.filter((i) => left.has(i.uuid) && i.thumb);
      setFreshThumbs(d.creatorId, found, page.urlsExpireAt);
      for (const i of found) left.delete(i.uuid);
    }
    const rest = [...left.keys()];
    for (let k = 0; k < rest.length; k += MAX_LOOKUP) {
      const res = await lookup(d.creatorId, rest.slice(k, k + MAX_LOOKUP), f.fan);
      const found = res.items.filter((i) => i.thumb);
      setFreshThumbs(d.creatorId, found, res.urlsExpireAt);
      for (const i of found) left.delete(i.uuid);
    }
    // Gone from the vault, or no thumbnail any more.
    if (left.size) markBroken(d.creatorId, [...left.keys()]);
  }

  async function flush() {
    timer = null;
    const batch = [...pending.values()];
    pending.clear();
    const now = Date.now();
    for (const i of batch) resolvedAt.set(i.uuid, now);
    try {
      await resolve(batch);
    } catch {
      // Offline or Fanvue down: the tiles offer a manual retry.
      markBroken(
        d.creatorId,
        batch.map((i) => i.uuid),
      );
    }
  }

  return {
    /** A tile's thumbnail failed or its URL is past its expiry. */
    report(item: VaultItem) {
      const last = resolvedAt.get(item.uuid);
      if (last !== undefined && Date.now() - last < RECENT_MS) return markBroken(d.creatorId, [item.uuid]);
      pending.set(item.uuid, item);
      timer ??= setTimeout(() => void flush(), DEBOUNCE_MS);
    },
    /** The user asked to try a broken tile again. */
    retry(item: VaultItem) {
      resolvedAt.delete(item.uuid);
      pending.set(item.uuid, item);
      timer ??= setTimeout(() => void flush(), DEBOUNCE_MS);
    },
  };
}

export type ThumbResolver = ReturnType<typeof createThumbResolver>;
