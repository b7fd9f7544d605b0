"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef } from "react";

// The fans page's state lives in the URL: shareable, and Back undoes a filter.

export type FansView = "subscribers" | "followers" | "all" | "renewals";
const VIEWS: FansView[] = ["subscribers", "followers", "all", "renewals"];

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

export function useFansParams() {
  const sp = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();

  const state: FansUrlState = useMemo(() => {
    const view = sp.get("view") as FansView | null;
    return {
      view: view && VIEWS.includes(view) ? view : "subscribers",
      q: sp.get("q") ?? "",
      sort: sp.get("sort") ?? "recent",
      dir: sp.get("dir") ?? "",
      tag: sp.get("tag") ?? "",
      segment: sp.get("segment") ?? "",
      segParams: Object.fromEntries([...sp.entries()].filter(([k]) => k.startsWith("seg.")).map(([k, v]) => [k.slice(4), v])),
      page: Math.max(1, Number(sp.get("page")) || 1),
      fan: sp.get("fan") ?? "",
    };
  }, [sp]);

  // The URL a replace() is on its way to: a second change made before the
  // router re-renders builds on it instead of on the older URL.
  // (Valid for 1 s at most, in case the router normalises the URL differently.)
  const pending = useRef<{ qs: string; at: number } | null>(null);
  useEffect(() => {
    if (pending.current?.qs === sp.toString()) pending.current = null;
  }, [sp]);

  /** Applies a change; filters and sorting go back to page 1. */
  const update = useCallback(
    (patch: Partial<FansUrlState>) => {
      const p = pending.current && Date.now() - pending.current.at < 1_000 ? pending.current.qs : sp.toString();
      const next = new URLSearchParams(p);
      const set = (k: string, v: string | number | undefined) => (v === undefined || v === "" ? next.delete(k) : next.set(k, String(v)));
      for (const [k, v] of Object.entries(patch)) {
        if (k === "segParams") {
          for (const key of [...next.keys()]) if (key.startsWith("seg.")) next.delete(key);
          for (const [pk, pv] of Object.entries(v as Record<string, string>)) set(`seg.${pk}`, pv);
        } else set(k, v as string | number);
      }
      const filtering = ["view", "q", "sort", "dir", "tag", "segment", "segParams"].some((k) => k in patch);
      if (filtering && !("page" in patch)) next.delete("page");
      if (next.get("page") === "1") next.delete("page");
      pending.current = { qs: next.toString(), at: Date.now() };
      router.replace(`${pathname}${next.size ? `?${next}` : ""}`, { scroll: false });
    },
    [sp, router, pathname],
  );

  /** The table request for GET /fans. */
  const apiParams = useMemo(() => {
    const p: Record<string, string> = { list: state.view === "renewals" ? "subscribers" : state.view, page: String(state.page), size: "25" };
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
