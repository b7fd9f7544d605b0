import type { Metadata } from "next";
import { Suspense } from "react";
import { TrackingLinksView } from "@/components/tracking-links/tracking-links-view";
import { Forbidden } from "@/components/ui/forbidden";
import { Skeleton } from "@/components/ui/skeleton";
import { hasPermission } from "@/lib/server/workspaces/access";
import { pageWorkspaceAccess } from "@/lib/server/page-access";

export const metadata: Metadata = { title: "All tracking links" };

/** An agency's tracking links across every creator the member may see (costs are set on each creator's page). */
export default async function WorkspaceTrackingLinksPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  const { access } = await pageWorkspaceAccess(workspaceId);
  if (!hasPermission(access, "earnings:read")) return <Forbidden what="tracking links" />;
  return (
    <Suspense fallback={<Skeleton className="h-96 rounded-xl" />}>
      <TrackingLinksView
        scope={{ kind: "workspace", id: workspaceId }}
        can={{ canWrite: false, canExport: hasPermission(access, "earnings:export") }}
      />
    </Suspense>
  );
}
