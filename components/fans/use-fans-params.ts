"use client";

import { useCallback, useMemo } from "react";
import { FANS_VIEWS, fansUrlSchema } from "@/lib/schemas/fans";
import { useUrlState } from "@/lib/url-state/use-url-state";

// The fans page's state lives in the URL (lib/url-state): shareable, and
// Back undoes a filter.

export type FansView = (typeof FANS_VIEWS)[number];

export type FansUrlState = {
  view: FansView;
  q: string;
  sort: string;
  dir: string;
  tag: string;
  segment: string;
  /** seg.<name> parameters of the segment. */
  segParams: Record<string, string>;
  page: number;
  fan: string;
};

const FILTERS = ["view", "q", "sort", "dir", "tag", "segment", "segParams"] as const;

export function useFansParams() {
  const { state: url, update: write, search } = useUrlState(fansUrlSchema);
  const segKey = [...search.entries()]
    .filter(([k]) => k.startsWith("seg."))
    .map(([k, v]) => `${k}=${v}`)
    .join("&");

  const state: FansUrlState = useMemo(
    () => ({
      view: url.view,
      q: url.q ?? "",
      sort: url.sort,
      dir: url.dir ?? "",
      tag: url.tag ?? "",
      segment: url.segment ?? "",
      segParams: Object.fromEntries([...new URLSearchParams(segKey).entries()].map(([k, v]) => [k.slice(4), v])),
      page: url.page,
      fan: url.fan ?? "",
    }),
    [url, segKey],
  );

  /** Applies a change; filters and sorting go back to page 1. */
  const update = useCallback(
    (patch: Partial<FansUrlState>) => {
      const { segParams, ...rest } = patch;
      const filtering = FILTERS.some((k) => k in patch);
      write(rest as Parameters<typeof write>[0], {
        reset: filtering && !("page" in patch) ? ["page"] : [],
        edit: segParams
          ? (next) => {
              for (const key of [...next.keys()]) if (key.startsWith("seg.")) next.delete(key);
              for (const [k, v] of Object.entries(segParams)) if (v !== "") next.set(`seg.${k}`, v);
            }
          : undefined,
      });
    },
    [write],
  );

  /** The table request for GET /fans. */
  const apiParams = useMemo(() => {
    const p: Record<string, string> = {
      list: state.view === "renewals" ? "subscribers" : state.view,
      page: String(state.page),
      size: "25",
    };
    if (state.q) p.search = state.q;
    if (state.sort !== "recent") p.sort = state.sort;
    if (state.dir) p.dir = state.dir;
    if (state.tag) p.tag = state.tag;
    if (state.segment) p.segment = state.segment;
    for (const [k, v] of Object.entries(state.segParams)) p[`seg.${k}`] = v;
    return p;
  }, [state]);

  return { state, update, apiParams };
}
