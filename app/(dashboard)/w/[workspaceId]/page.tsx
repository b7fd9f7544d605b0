import type { QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Suspense } from "react";
import { Prefetched } from "@/components/layout/prefetched";
import { GettingStarted } from "@/components/onboarding/getting-started";
import { Skeleton } from "@/components/ui/skeleton";
import { AllCreators } from "@/components/workspace/all-creators";
import { workspaceKeys } from "@/lib/queries/workspaces";
import { db } from "@/lib/server/db";
import { asJson, asMemberRead, settleWithin } from "@/lib/server/page-prefetch";
import { pageWorkspaceAccess } from "@/lib/server/page-access";
import type { SessionUser } from "@/lib/server/session";
import { lastCreatorIn } from "@/lib/server/shell";
import { knownViewerZone } from "@/lib/server/viewer";
import { getAgencyOverview } from "@/lib/server/workspaces/agency-overview";
import { hasPermission, listAccessibleCreators, type WorkspaceAccess } from "@/lib/server/workspaces/access";

export const metadata: Metadata = { title: "All creators" };

/** Past this the table is left to the client: each creator's audience is a
 * Fanvue read (its 30 s snapshot), which must not hold the page when Fanvue is slow. */
const PREFETCH_BUDGET_MS = 3_000;

/** Every creator's row with the HTML, in the zone the browser will use (skipped when only the browser knows it). */
async function prefetchAllCreators(qc: QueryClient, access: WorkspaceAccess, user: SessionUser) {
  const tz = await knownViewerZone(user.id);
  if (!tz || !hasPermission(access, "workspace:read")) return;
  await asMemberRead(access, user, () =>
    settleWithin(PREFETCH_BUDGET_MS, [
      qc.prefetchQuery({
        queryKey: workspaceKeys.overviewIn(access.workspace.id, tz),
        queryFn: () => asJson(getAgencyOverview(access, tz)),
      }),
    ]),
  );
}

export default async function WorkspaceHome({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  const { session, access } = await pageWorkspaceAccess(workspaceId);
  if (access.workspace.kind === "creator") {
    // A creator workspace has one creator: its overview is the home.
    const creator = (await listAccessibleCreators(session.user.id)).find((c) => c.workspaceId === workspaceId);
    const fallback = await db.creator.findFirst({ where: { workspaceId, removedAt: null } });
    redirect(`/c/${creator?.id ?? fallback?.id}`);
  }
  const last = await lastCreatorIn(session.user.id, workspaceId);
  const creators = await db.creator.count({ where: { workspaceId, removedAt: null } });
  return (
    <Suspense fallback={<Skeleton className="h-96 rounded-xl" />}>
      <Prefetched prefetch={(qc) => prefetchAllCreators(qc, access, session.user)}>
        <AllCreators
          workspaceId={workspaceId}
          name={access.workspace.name}
          lastCreator={last}
          gettingStarted={
            <GettingStarted
              userId={session.user.id}
              workspaceId={workspaceId}
              role={access.membership.role}
              hasCreators={creators > 0}
            />
          }
        />
      </Prefetched>
    </Suspense>
  );
}
