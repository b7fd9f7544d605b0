"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef } from "react";
import { useViewer } from "@/components/viewer/viewer";

export type EarningsParams = {
  range: string;
  from: string;
  to: string;
  tz: string;
  granularity: "day" | "week" | "month";
  basis: "gross" | "net";
  sources: string[];
};

/** Earnings controls live in the URL (shareable, back/forward). The zone is
 * the viewer's (components/viewer) unless the URL names one: picking a zone
 * here views the report in it, a link carries it, and the viewer's own zone
 * is changed in the account menu, once for every page. */
export function useEarningsParams() {
  const sp = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const viewer = useViewer();

  const params: EarningsParams = useMemo(
    () => ({
      range: sp.get("range") ?? "30d",
      from: sp.get("from") ?? "",
      to: sp.get("to") ?? "",
      tz: sp.get("tz") || viewer.zone,
      granularity: (sp.get("granularity") as EarningsParams["granularity"]) ?? "day",
      basis: sp.get("basis") === "net" ? "net" : "gross",
      sources: (sp.get("sources") ?? "").split(",").filter(Boolean),
    }),
    [sp, viewer.zone],
  );

  // Quick changes (range, then zone) must all land: each builds on the last
  // one asked for until the router has committed it. An older commit arriving
  // in between does not reset it (that lost the range when the zone followed
  // at once); back/forward does.
  const pending = useRef<string | null>(null);
  useEffect(() => {
    if (pending.current === sp.toString()) pending.current = null;
  }, [sp]);
  useEffect(() => {
    const reset = () => (pending.current = null);
    window.addEventListener("popstate", reset);
    return () => window.removeEventListener("popstate", reset);
  }, []);

  const update = useCallback(
    (patch: Partial<EarningsParams>) => {
      const next = new URLSearchParams(pending.current ?? sp.toString());
      for (const [k, v] of Object.entries(patch)) {
        const value = Array.isArray(v) ? v.join(",") : v;
        if (value === "" || value === undefined) next.delete(k);
        else next.set(k, String(value));
      }
      pending.current = next.toString();
      router.replace(`${pathname}?${next}`, { scroll: false });
    },
    [sp, router, pathname],
  );

  /** Query string for the API (basis is a display choice, not a query). */
  const apiParams = useMemo(() => {
    const p = new URLSearchParams({ range: params.range, tz: params.tz, granularity: params.granularity });
    if (params.range === "custom") {
      p.set("from", params.from);
      p.set("to", params.to);
    }
    if (params.sources.length) p.set("sources", params.sources.join(","));
    return p;
  }, [params]);

  return { params, update, apiParams };
}
