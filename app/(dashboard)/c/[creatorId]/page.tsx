import type { QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { Suspense } from "react";
import { prefetchOverviewEarnings } from "@/lib/server/earnings/prefetch";
import { Prefetched } from "@/components/layout/prefetched";
import { GettingStarted } from "@/components/onboarding/getting-started";
import { CreatorOverview, OverviewSkeleton } from "@/components/overview/creator-overview";
import { creatorKeys } from "@/lib/queries/creators";
import { getCreatorOverview } from "@/lib/server/creators/overview";
import { earningsReport } from "@/lib/server/earnings/report";
import { asJson, asMemberRead, settleWithin } from "@/lib/server/page-prefetch";
import type { SessionUser } from "@/lib/server/session";
import { hasPermission, type CreatorAccess } from "@/lib/server/workspaces/access";
import { pageCreatorAccess } from "@/lib/server/page-access";

export const metadata: Metadata = { title: "Overview" };

/** Past this the first screen is left to the client: the money line is our
 * ledger; the audience is Fanvue's (its snapshot shared 30 s by every member),
 * which must not hold the page when Fanvue is slow. */
const PREFETCH_BUDGET_MS = 3_000;

/** The first screen with the HTML: the audience and the money line. */
function prefetchOverview(qc: QueryClient, access: CreatorAccess, user: SessionUser) {
  const ids = [access.creator.id];
  return asMemberRead(access, user, () =>
    settleWithin(PREFETCH_BUDGET_MS, [
      hasPermission(access, "overview:read")
        ? qc.prefetchQuery({
            queryKey: creatorKeys.overview(access.creator.id),
            queryFn: () => asJson(getCreatorOverview(access)),
          })
        : Promise.resolve(),
      hasPermission(access, "earnings:read")
        ? prefetchOverviewEarnings(qc, {
            creatorId: access.creator.id,
            userId: user.id,
            report: (q) => earningsReport(ids, ids, q),
          })
        : Promise.resolve(),
    ]),
  );
}

export default async function CreatorOverviewPage({ params }: { params: Promise<{ creatorId: string }> }) {
  const { creatorId } = await params;
  const { session, access } = await pageCreatorAccess(creatorId);
  return (
    <Suspense fallback={<OverviewSkeleton />}>
      <Prefetched prefetch={(qc) => prefetchOverview(qc, access, session.user)}>
        <CreatorOverview
          creatorId={creatorId}
          showEarnings={hasPermission(access, "earnings:read")}
          gettingStarted={
            <GettingStarted
              userId={session.user.id}
              workspaceId={access.workspace.id}
              role={access.membership.role}
              hasCreators
            />
          }
        />
      </Prefetched>
    </Suspense>
  );
}
