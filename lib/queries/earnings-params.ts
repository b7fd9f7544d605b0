import type { EarningsUrl } from "@/lib/schemas/earnings";

// The earnings report's API query, from the page's URL state and a zone. Pure
// (no "use client"): the client hook (components/earnings/use-earnings-params.ts) and the
// pages' server prefetch build the same query string, hence the same query
// key, so the client's first render finds the server's answer.

export type EarningsParams = Omit<EarningsUrl, "tz" | "from" | "to"> & { tz: string; from: string; to: string };

/** The URL's zone when it names one (a shared link), else the viewer's. */
export const resolveEarningsParams = (state: EarningsUrl, viewerZone: string): EarningsParams => ({
  ...state,
  tz: state.tz ?? viewerZone,
  from: state.from ?? "",
  to: state.to ?? "",
});

/** Query string for the API (basis is a display choice, not a query). */
export function earningsApiParams(params: EarningsParams): URLSearchParams {
  const p = new URLSearchParams({ range: params.range, tz: params.tz, granularity: params.granularity });
  if (params.range === "custom") {
    p.set("from", params.from);
    p.set("to", params.to);
  }
  if (params.sources.length) p.set("sources", params.sources.join(","));
  return p;
}

/** The overview's money line: the last 30 days by day, in the viewer's zone. */
export const overviewEarningsParams = (tz: string) => new URLSearchParams({ range: "30d", tz, granularity: "day" });
