import type { Metadata } from "next";
import { Suspense } from "react";
import { BestTimesView } from "@/components/growth/best-times-view";
import { Forbidden } from "@/components/ui/forbidden";
import { Skeleton } from "@/components/ui/skeleton";
import { hasPermission } from "@/lib/server/workspaces/access";
import { pageWorkspaceAccess } from "@/lib/server/page-access";

export const metadata: Metadata = { title: "Best times" };

/** An agency's best times across every creator the member may see. */
export default async function WorkspaceBestTimesPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  const { access } = await pageWorkspaceAccess(workspaceId);
  if (!hasPermission(access, "earnings:read")) return <Forbidden what="best times" />;
  return (
    <Suspense fallback={<Skeleton className="h-96 rounded-xl" />}>
      <BestTimesView
        scope={{ kind: "workspace", id: workspaceId }}
        canExport={hasPermission(access, "earnings:export")}
      />
    </Suspense>
  );
}
