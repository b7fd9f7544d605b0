import type { QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { Suspense } from "react";
import { EarningsView } from "@/components/earnings/earnings-view";
import { Prefetched } from "@/components/layout/prefetched";
import { Forbidden } from "@/components/ui/forbidden";
import { Skeleton } from "@/components/ui/skeleton";
import { agencyEarnings } from "@/lib/server/earnings/agency";
import { prefetchEarningsPage } from "@/lib/server/earnings/prefetch";
import { searchParamsOf, settleWithin } from "@/lib/server/page-prefetch";
import { pageWorkspaceAccess } from "@/lib/server/page-access";
import { hasPermission } from "@/lib/server/workspaces/access";

export const metadata: Metadata = { title: "All earnings" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Past this the figures are left to the client: every creator's come from our
 * ledger, well within it, unless the database is struggling. */
const PREFETCH_BUDGET_MS = 3_000;

export default async function AgencyEarningsPage({
  params,
  searchParams,
}: {
  params: Promise<{ workspaceId: string }>;
  searchParams: SearchParams;
}) {
  const { workspaceId } = await params;
  const { session, access } = await pageWorkspaceAccess(workspaceId);
  if (!hasPermission(access, "earnings:read")) return <Forbidden what="earnings" />;
  const prefetch = async (qc: QueryClient) =>
    settleWithin(PREFETCH_BUDGET_MS, [
      prefetchEarningsPage(qc, {
        scope: { kind: "workspace", id: workspaceId },
        url: searchParamsOf(await searchParams),
        userId: session.user.id,
        report: (q) => agencyEarnings(access, q),
      }),
    ]);
  return (
    <Suspense fallback={<Skeleton className="h-96 rounded-xl" />}>
      <Prefetched prefetch={prefetch}>
        <EarningsView
          scope={{ kind: "workspace", id: workspaceId }}
          title="All creators' earnings"
          canExport={hasPermission(access, "earnings:export")}
        />
      </Prefetched>
    </Suspense>
  );
}
