import type { QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { Suspense } from "react";
import { EarningsView } from "@/components/earnings/earnings-view";
import { Prefetched } from "@/components/layout/prefetched";
import { Forbidden } from "@/components/ui/forbidden";
import { Skeleton } from "@/components/ui/skeleton";
import { earningsMarkers } from "@/lib/server/earnings/markers";
import { prefetchEarningsPage } from "@/lib/server/earnings/prefetch";
import { earningsReport } from "@/lib/server/earnings/report";
import { asMemberRead, searchParamsOf, settleWithin } from "@/lib/server/page-prefetch";
import { pageCreatorAccess } from "@/lib/server/page-access";
import { hasPermission } from "@/lib/server/workspaces/access";

export const metadata: Metadata = { title: "Earnings" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Past this the figures are left to the client. The report is our ledger (well
 * within it); the chart's markers read Fanvue's post list (kept a minute), which
 * must not hold the page when Fanvue is slow. */
const PREFETCH_BUDGET_MS = 3_000;

export default async function EarningsPage({
  params,
  searchParams,
}: {
  params: Promise<{ creatorId: string }>;
  searchParams: SearchParams;
}) {
  const { creatorId } = await params;
  const { session, access } = await pageCreatorAccess(creatorId);
  if (!hasPermission(access, "earnings:read")) return <Forbidden what="earnings" />;
  const ids = [access.creator.id];
  // The URL's range in the URL's zone or the viewer's, as the client's first render asks for it.
  const prefetch = (qc: QueryClient) =>
    asMemberRead(access, session.user, async () =>
      settleWithin(PREFETCH_BUDGET_MS, [
        prefetchEarningsPage(qc, {
          scope: { kind: "creator", id: creatorId },
          url: searchParamsOf(await searchParams),
          userId: session.user.id,
          report: (q) => earningsReport(ids, ids, q),
          markers: (q) => earningsMarkers(access, q),
        }),
      ]),
    );
  return (
    <Suspense fallback={<Skeleton className="h-96 rounded-xl" />}>
      <Prefetched prefetch={prefetch}>
        <EarningsView
          scope={{ kind: "creator", id: creatorId }}
          title="Earnings"
          canExport={hasPermission(access, "earnings:export")}
        />
      </Prefetched>
    </Suspense>
  );
}
