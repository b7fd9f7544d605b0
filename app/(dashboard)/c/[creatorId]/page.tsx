import type { Metadata } from "next";
import { CreatorOverview } from "@/components/overview/creator-overview";
import { hasPermission } from "@/lib/server/workspaces/access";
import { pageCreatorAccess } from "@/lib/server/page-access";

export const metadata: Metadata = { title: "Overview" };

export default async function CreatorOverviewPage({ params }: { params: Promise<{ creatorId: string }> }) {
  const { creatorId } = await params;
  const { access } = await pageCreatorAccess(creatorId);
  return <CreatorOverview creatorId={creatorId} showEarnings={hasPermission(access, "earnings:read")} />;
}
