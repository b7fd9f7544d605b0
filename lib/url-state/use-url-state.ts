"use client";

import { useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { readUrlState, writeUrlState, type UrlPatch, type UrlSchema, type UrlState } from "./codec";

// The one hook for a page whose filters live in its URL (see ./codec.ts).
// Writes go through the History API, which Next.js keeps useSearchParams in
// step with, without a server round trip per filter change. Each write starts
// from the live URL (window.location), not from the last render's copy, so
// quick changes (a zone, then a range straight after) never undo each other.

export type UrlUpdate<S extends UrlSchema> = (
  patch: UrlPatch<S>,
  opts?: {
    /** A new history entry (Back returns here), instead of replacing this one. */
    push?: boolean;
    /** Fields that go back to their default with this change (a filter resets the page). */
    reset?: (keyof S["shape"])[];
    /** Keys outside the schema (a family such as `seg.*`), edited in place. */
    edit?: (next: URLSearchParams) => void;
  },
) => void;

export function useUrlState<S extends UrlSchema>(
  schema: S,
): { state: UrlState<S>; update: UrlUpdate<S>; search: URLSearchParams } {
  const sp = useSearchParams();
  const current = sp.toString();
  const state = useMemo(() => readUrlState(schema, new URLSearchParams(current)), [schema, current]);
  const search = useMemo(() => new URLSearchParams(current), [current]);

  const update = useCallback<UrlUpdate<S>>(
    (patch, opts = {}) => {
      let next = writeUrlState(schema, new URLSearchParams(window.location.search), patch);
      if (opts.reset?.length)
        next = writeUrlState(schema, next, Object.fromEntries(opts.reset.map((k) => [k, undefined])) as UrlPatch<S>);
      opts.edit?.(next);
      const qs = next.toString();
      const url = `${window.location.pathname}${qs ? `?${qs}` : ""}${window.location.hash}`;
      if (opts.push) window.history.pushState(null, "", url);
      else window.history.replaceState(null, "", url);
    },
    [schema],
  );
  return { state, update, search };
}
