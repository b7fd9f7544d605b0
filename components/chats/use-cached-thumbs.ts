"use client";

import { useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useCallback, useMemo, useSyncExternalStore } from "react";

// Thumbnails of vault items this tab has already loaded (the composer's
// attachment lookup, the vault picker's pages, a preview's details), by
// media uuid. A message just sent shows what was attached from these at once,
// instead of a grey box, until the conversation's own media answer has it.

type Thumbed = { uuid?: unknown; thumb?: { url?: unknown } | null };

function itemsOf(data: unknown): Thumbed[] {
  if (!data || typeof data !== "object") return [];
  const d = data as { items?: unknown; pages?: unknown; uuid?: unknown };
  if (Array.isArray(d.items)) return d.items as Thumbed[];
  if (Array.isArray(d.pages)) return d.pages.flatMap((p) => itemsOf(p));
  return typeof d.uuid === "string" ? [d as Thumbed] : [];
}

/** "uuid<TAB>url" lines for the wanted uuids, in a stable order (a comparable snapshot). */
function snapshot(qc: QueryClient, wanted: readonly string[]): string {
  if (wanted.length === 0) return "";
  const want = new Set(wanted);
  const found = new Map<string, string>();
  for (const [, data] of qc.getQueriesData({ predicate: (q) => q.queryKey[2] === "media" }))
    for (const i of itemsOf(data))
      if (typeof i.uuid === "string" && want.has(i.uuid) && typeof i.thumb?.url === "string")
        found.set(i.uuid, i.thumb.url);
  return [...found]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([u, url]) => `${u}\t${url}`)
    .join("\n");
}

/** Thumbnail URLs by uuid for `wanted`, from the query cache (no request). */
export function useCachedThumbs(wanted: readonly string[]): Map<string, string> {
  const qc = useQueryClient();
  const subscribe = useCallback((l: () => void) => qc.getQueryCache().subscribe(l), [qc]);
  const key = wanted.join(",");
  const snap = useSyncExternalStore(
    subscribe,
    () => snapshot(qc, key ? key.split(",") : []),
    () => "",
  );
  return useMemo(
    () =>
      new Map(
        snap
          .split("\n")
          .filter(Boolean)
          .map((l) => l.split("\t") as [string, string]),
      ),
    [snap],
  );
}
