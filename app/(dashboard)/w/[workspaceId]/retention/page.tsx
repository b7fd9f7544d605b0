import type { Metadata } from "next";
import { Suspense } from "react";
import { RetentionView } from "@/components/growth/retention-view";
import { Forbidden } from "@/components/ui/forbidden";
import { Skeleton } from "@/components/ui/skeleton";
import { hasPermission } from "@/lib/server/workspaces/access";
import { pageWorkspaceAccess } from "@/lib/server/page-access";

export const metadata: Metadata = { title: "Retention" };

/** An agency's retention and cohort value across every creator the member may see. */
export default async function WorkspaceRetentionPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  const { access } = await pageWorkspaceAccess(workspaceId);
  if (!hasPermission(access, "earnings:read")) return <Forbidden what="retention" />;
  return (
    <Suspense fallback={<Skeleton className="h-96 rounded-xl" />}>
      <RetentionView
        scope={{ kind: "workspace", id: workspaceId }}
        canExport={hasPermission(access, "earnings:export")}
      />
    </Suspense>
  );
}
