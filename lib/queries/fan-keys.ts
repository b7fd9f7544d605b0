import { queryOptions } from "@tanstack/react-query";
import { fanPanel } from "@/lib/contracts/client/fans";
import { callApi } from "./call";

// The fans queries' keys (and the fan panel's options), apart from the hooks
// in ./fans.ts: the fans page's server render imports them to prefetch under
// the very keys the client reads (a server component cannot import hooks).

export type FansParams = Record<string, string>;

export const fanKeys = {
  all: (c: string) => ["creators", c, "fans"] as const,
  lists: (c: string) => [...fanKeys.all(c), "list"] as const,
  list: (c: string, p: FansParams) => [...fanKeys.lists(c), p] as const,
  panel: (c: string, f: string) => [...fanKeys.all(c), "panel", f] as const,
  tags: (c: string) => [...fanKeys.all(c), "tags"] as const,
  segments: (c: string) => [...fanKeys.all(c), "segments"] as const,
  analysis: (c: string) => [...fanKeys.all(c), "analysis"] as const,
  roster: (c: string) => [...fanKeys.all(c), "roster"] as const,
  forecast: (c: string, tz: string, days: number) => [...fanKeys.all(c), "forecast", tz, days] as const,
  forecastDay: (c: string, tz: string, day: string) => [...fanKeys.all(c), "forecast-day", tz, day] as const,
};

/** Polls while Fanvue's answer is being refreshed or a retry is scheduled, so
 * the panel updates by itself. */
export const fanPanelQuery = (creatorId: string, fanUuid: string) =>
  queryOptions({
    queryKey: fanKeys.panel(creatorId, fanUuid),
    queryFn: () => callApi(fanPanel, { params: { creatorId, fanUuid } }),
    refetchInterval: (q) => {
      const i = q.state.data?.insight;
      if (!i) return false;
      if (i.refreshing) return 2_000; // a background refresh lands within a call or two
      if (i.state === "error" && i.retryAt) return Math.max(2_000, Date.parse(i.retryAt) - Date.now() + 500);
      return false;
    },
  });
