"use client";

import { useMemo } from "react";
import { useViewer } from "@/components/viewer/viewer";
import { earningsUrlSchema } from "@/lib/schemas/earnings-values";
import { useUrlState } from "@/lib/url-state/use-url-state";
import { earningsApiParams, resolveEarningsParams, type EarningsParams } from "@/lib/queries/earnings-params";

export type { EarningsParams } from "@/lib/queries/earnings-params";

/** Earnings controls live in the URL (shareable, back/forward; lib/url-state).
 * The zone is the viewer's (components/viewer) unless the URL names one:
 * picking a zone here views the report in it and a link carries it; the
 * viewer's own zone is changed in the account menu, once for every page. */
export function useEarningsParams() {
  const viewer = useViewer();
  const { state, update } = useUrlState(earningsUrlSchema);
  const params: EarningsParams = useMemo(() => resolveEarningsParams(state, viewer.zone), [state, viewer.zone]);
  /** Query string for the API; the pages' server prefetch builds the same (lib/queries/earnings-params.ts). */
  const apiParams = useMemo(() => earningsApiParams(params), [params]);
  return { params, update, apiParams };
}
