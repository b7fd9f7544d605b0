import type { Metadata } from "next";
import { CreatorOverview } from "@/components/overview/creator-overview";
import { requireSession } from "@/lib/server/session";
import { getCreatorAccess, hasPermission } from "@/lib/server/workspaces/access";

export const metadata: Metadata = { title: "Overview" };

export default async function CreatorOverviewPage({ params }: { params: Promise<{ creatorId: string }> }) {
  const { creatorId } = await params;
  const session = await requireSession();
  // The creator layout already refused creators outside the user's scope.
  const access = (await getCreatorAccess(session.user.id, creatorId))!;
  return <CreatorOverview creatorId={creatorId} showEarnings={hasPermission(access, "earnings:read")} />;
}
