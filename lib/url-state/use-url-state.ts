"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef } from "react";
import type { z } from "zod";
import { readUrlState, writeUrlState, type UrlShape } from "./codec";

// The one hook for a page whose filters live in its URL (see ./codec.ts).
// Race-free: quick changes (a range, then a zone a moment later) each build
// on the last URL asked for, not on the one the router has committed so far,
// so none is lost; Back and Forward start again from the URL shown.

export type UrlUpdate<S extends UrlShape> = (patch: Partial<z.input<S>>, opts?: { push?: boolean; reset?: (keyof z.input<S>)[] }) => void;

export function useUrlState<S extends UrlShape>(schema: S): { state: z.output<S>; update: UrlUpdate<S>; search: URLSearchParams } {
  const sp = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const current = sp.toString();
  const state = useMemo(() => readUrlState(schema, new URLSearchParams(current)), [schema, current]);

  const pending = useRef<string | null>(null);
  useEffect(() => {
    if (pending.current === current) pending.current = null;
  }, [current]);
  useEffect(() => {
    const reset = () => (pending.current = null);
    window.addEventListener("popstate", reset);
    return () => window.removeEventListener("popstate", reset);
  }, []);

  const update = useCallback<UrlUpdate<S>>(
    (patch, opts = {}) => {
      let next = writeUrlState(schema, new URLSearchParams(pending.current ?? current), patch);
      // Fields that go back to their default with this change (a filter resets the page).
      if (opts.reset?.length) next = writeUrlState(schema, next, Object.fromEntries(opts.reset.map((k) => [k, undefined])) as Partial<z.input<S>>);
      const qs = next.toString();
      pending.current = qs;
      const url = `${pathname}${qs ? `?${qs}` : ""}`;
      if (opts.push) router.push(url, { scroll: false });
      else router.replace(url, { scroll: false });
    },
    [schema, current, router, pathname],
  );
  return { state, update, search: sp as unknown as URLSearchParams };
}
