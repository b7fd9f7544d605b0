import "server-only";
import type { QueryClient } from "@tanstack/react-query";
import { earningsKeys, type EarningsScope } from "@/lib/queries/earnings";
import {
  earningsQuerySchema,
  earningsUrlSchema,
  type AgencyEarnings,
  type EarningsMarkers,
  type EarningsQuery,
  type EarningsReport,
} from "@/lib/schemas/earnings";
import { asJson } from "@/lib/server/page-prefetch";
import { knownViewerZone } from "@/lib/server/viewer";
import { readUrlState } from "@/lib/url-state/codec";
import { earningsApiParams, overviewEarningsParams, resolveEarningsParams } from "@/lib/queries/earnings-params";

// The earnings figures of a page's first screen, prefetched on the server
// under the exact key the client asks (lib/queries/earnings-params.ts builds both), with
// the route's own server function, as the client would get it (JSON).

type Read<T> = (q: EarningsQuery) => Promise<T>;

async function prefetchReport<T extends EarningsReport | AgencyEarnings>(
  qc: QueryClient,
  scope: EarningsScope,
  api: URLSearchParams,
  report: Read<T>,
  markers?: Read<EarningsMarkers>,
) {
  // The route's own parse: a query it would refuse is left to the client, which names the field.
  const q = earningsQuerySchema.safeParse(Object.fromEntries(api));
  if (!q.success) return;
  const qs = api.toString();
  await Promise.all([
    qc.prefetchQuery({ queryKey: earningsKeys.report(scope, qs), queryFn: () => asJson(report(q.data)) }),
    markers
      ? qc.prefetchQuery({ queryKey: earningsKeys.markers(scope, qs), queryFn: () => asJson(markers(q.data)) })
      : null,
  ]);
}

/** The earnings page: its URL's range and sources, in the URL's zone or the
 * viewer's; nothing when the viewer's zone is known only in the browser. */
export async function prefetchEarningsPage<T extends EarningsReport | AgencyEarnings>(
  qc: QueryClient,
  o: { scope: EarningsScope; url: URLSearchParams; userId: string; report: Read<T>; markers?: Read<EarningsMarkers> },
) {
  const state = readUrlState(earningsUrlSchema, o.url);
  const zone = state.tz ?? (await knownViewerZone(o.userId));
  if (!zone) return;
  await prefetchReport(qc, o.scope, earningsApiParams(resolveEarningsParams(state, zone)), o.report, o.markers);
}

/** The overview's money line (components/overview/earnings-strip.tsx). */
export async function prefetchOverviewEarnings(
  qc: QueryClient,
  o: { creatorId: string; userId: string; report: Read<EarningsReport> },
) {
  const zone = await knownViewerZone(o.userId);
  if (!zone) return;
  await prefetchReport(qc, { kind: "creator", id: o.creatorId }, overviewEarningsParams(zone), o.report);
}
