import type { Metadata } from "next";
import { Suspense } from "react";
import { SubscriberTrendsView } from "@/components/growth/subscriber-trends-view";
import { Forbidden } from "@/components/ui/forbidden";
import { Skeleton } from "@/components/ui/skeleton";
import { hasPermission } from "@/lib/server/workspaces/access";
import { pageWorkspaceAccess } from "@/lib/server/page-access";

export const metadata: Metadata = { title: "Subscriber trends" };

/** An agency's subscriber trends across every creator the member may see. */
export default async function WorkspaceSubscriberTrendsPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  const { access } = await pageWorkspaceAccess(workspaceId);
  if (!hasPermission(access, "earnings:read")) return <Forbidden what="subscriber trends" />;
  return (
    <Suspense fallback={<Skeleton className="h-96 rounded-xl" />}>
      <SubscriberTrendsView
        scope={{ kind: "workspace", id: workspaceId }}
        canExport={hasPermission(access, "earnings:export")}
      />
    </Suspense>
  );
}
