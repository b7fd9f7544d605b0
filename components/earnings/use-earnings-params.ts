"use client";

import { useMemo } from "react";
import { useViewer } from "@/components/viewer/viewer";
import { earningsUrlSchema, type EarningsUrl } from "@/lib/schemas/earnings";
import { useUrlState } from "@/lib/url-state/use-url-state";

export type EarningsParams = Omit<EarningsUrl, "tz" | "from" | "to"> & { tz: string; from: string; to: string };

/** Earnings controls live in the URL (shareable, back/forward; lib/url-state).
 * The zone is the viewer's (components/viewer) unless the URL names one:
 * picking a zone here views the report in it and a link carries it; the
 * viewer's own zone is changed in the account menu, once for every page. */
export function useEarningsParams() {
  const viewer = useViewer();
  const { state, update } = useUrlState(earningsUrlSchema);
  const params: EarningsParams = useMemo(
    () => ({ ...state, tz: state.tz ?? viewer.zone, from: state.from ?? "", to: state.to ?? "" }),
    [state, viewer.zone],
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
