"use client";

import { useCallback, useMemo } from "react";
import { fansUrlSchema } from "@/lib/schemas/fans-values";
import { useUrlState } from "@/lib/url-state/use-url-state";
import { fansApiParams, fansStateOf, segKeyOf, type FansUrlState } from "./fans-params";

export type { FansUrlState, FansView } from "./fans-params";

// The fans page's state lives in the URL (lib/url-state): shareable, and
// Back undoes a filter.

const FILTERS = ["view", "q", "sort", "dir", "tag", "segment", "segParams"] as const;

export function useFansParams() {
  const { state: url, update: write, search } = useUrlState(fansUrlSchema);
  const segKey = segKeyOf(search);
  const state: FansUrlState = useMemo(() => fansStateOf(url, segKey), [url, segKey]);

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
  const apiParams = useMemo(() => fansApiParams(state), [state]);

  return { state, update, apiParams };
}
