import type { UrlState } from "@/lib/url-state/fields";
import type { FANS_VIEWS, fansUrlSchema } from "@/lib/schemas/fans";

// The fans page's URL state and the table request it stands for, pure so
// the page's server render (its prefetch) and the client hook
// (./use-fans-params.ts) derive the very same query key from one URL.

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

/** The state from the parsed URL and its `seg.*` keys (`segKey`: "seg.a=1&seg.b=2"). */
export function fansStateOf(url: UrlState<typeof fansUrlSchema>, segKey: string): FansUrlState {
  return {
    view: url.view,
    q: url.q ?? "",
    sort: url.sort,
    dir: url.dir ?? "",
    tag: url.tag ?? "",
    segment: url.segment ?? "",
    segParams: Object.fromEntries([...new URLSearchParams(segKey).entries()].map(([k, v]) => [k.slice(4), v])),
    page: url.page,
    fan: url.fan ?? "",
  };
}

/** The URL's `seg.*` parameters as one stable string (a memo dependency). */
export const segKeyOf = (search: URLSearchParams) =>
  [...search.entries()]
    .filter(([k]) => k.startsWith("seg."))
    .map(([k, v]) => `${k}=${v}`)
    .join("&");

/** The table request for GET /fans (also the table's query key). */
export function fansApiParams(state: FansUrlState): Record<string, string> {
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
}
