import type { Metadata } from "next";
import { Suspense } from "react";
import { PerformanceView } from "@/components/performance/performance-view";
import { pageWorkspaceAccess } from "@/lib/server/page-access";

export const metadata: Metadata = { title: "Performance" };

// Every member may open it: a chatter sees only their own figures (lib/server/agency/performance.ts).
export default async function PerformancePage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  await pageWorkspaceAccess(workspaceId);
  return (
    <Suspense>
      <PerformanceView workspaceId={workspaceId} />
    </Suspense>
  );
}
