"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef } from "react";

export const TZ_KEY = "vuedeck.earnings.tz";

export type EarningsParams = {
  range: string;
  from: string;
  to: string;
  tz: string;
  granularity: "day" | "week" | "month";
  basis: "gross" | "net";
  sources: string[];
};

/** Earnings controls live in the URL (shareable, back/forward), with the
 * time zone defaulting to the browser's and remembered across visits. */
export function useEarningsParams() {
  const sp = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const browserTz = typeof window === "undefined" ? "UTC" : Intl.DateTimeFormat().resolvedOptions().timeZone;

  const params: EarningsParams = useMemo(
    () => ({
      range: sp.get("range") ?? "30d",
      from: sp.get("from") ?? "",
      to: sp.get("to") ?? "",
      tz: sp.get("tz") ?? "",
      granularity: (sp.get("granularity") as EarningsParams["granularity"]) ?? "day",
      basis: sp.get("basis") === "net" ? "net" : "gross",
      sources: (sp.get("sources") ?? "").split(",").filter(Boolean),
    }),
    [sp],
  );

  // Two quick changes (range, then zone) must both land: the second builds on
  // the first even before the router has committed it.
  const pending = useRef<URLSearchParams | null>(null);
  useEffect(() => {
    pending.current = null;
  }, [sp]);

  const update = useCallback(
    (patch: Partial<EarningsParams>) => {
      const next = new URLSearchParams(pending.current ?? sp);
      for (const [k, v] of Object.entries(patch)) {
        const value = Array.isArray(v) ? v.join(",") : v;
        if (value === "" || value === undefined) next.delete(k);
        else next.set(k, String(value));
      }
      if (patch.tz) localStorage.setItem(TZ_KEY, patch.tz);
      pending.current = next;
      router.replace(`${pathname}?${next}`, { scroll: false });
    },
    [sp, router, pathname],
  );

  // No zone in the URL yet: the remembered one, else the browser's.
  useEffect(() => {
    if (!params.tz) update({ tz: localStorage.getItem(TZ_KEY) ?? browserTz });
  }, [params.tz, update, browserTz]);

  /** Query string for the API (basis is a display choice, not a query). */
  const apiParams = useMemo(() => {
    const p = new URLSearchParams({ range: params.range, tz: params.tz || browserTz, granularity: params.granularity });
    if (params.range === "custom") {
      p.set("from", params.from);
      p.set("to", params.to);
    }
    if (params.sources.length) p.set("sources", params.sources.join(","));
    return p;
  }, [params, browserTz]);

  return { params: { ...params, tz: params.tz || browserTz }, update, apiParams, ready: Boolean(params.tz) };
}
