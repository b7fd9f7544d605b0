import type { Metadata } from "next";
import { GettingStarted } from "@/components/onboarding/getting-started";
import { CreatorOverview } from "@/components/overview/creator-overview";
import { hasPermission } from "@/lib/server/workspaces/access";
import { pageCreatorAccess } from "@/lib/server/page-access";

export const metadata: Metadata = { title: "Overview" };

export default async function CreatorOverviewPage({ params }: { params: Promise<{ creatorId: string }> }) {
  const { creatorId } = await params;
  const { session, access } = await pageCreatorAccess(creatorId);
  return (
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
  );
}
