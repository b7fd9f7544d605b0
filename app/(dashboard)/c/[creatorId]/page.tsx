import type { Metadata } from "next";
import { CreatorOverview } from "@/components/overview/creator-overview";

export const metadata: Metadata = { title: "Overview" };

export default async function CreatorOverviewPage({ params }: { params: Promise<{ creatorId: string }> }) {
  const { creatorId } = await params;
  return <CreatorOverview creatorId={creatorId} />;
}
