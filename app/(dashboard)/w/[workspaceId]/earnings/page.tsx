import type { Metadata } from "next";
import { Suspense } from "react";
import { EarningsView } from "@/components/earnings/earnings-view";
import { Forbidden } from "@/components/ui/forbidden";
import { hasPermission } from "@/lib/server/workspaces/access";
import { pageWorkspaceAccess } from "@/lib/server/page-access";

export const metadata: Metadata = { title: "All earnings" };

export default async function AgencyEarningsPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  const { access } = await pageWorkspaceAccess(workspaceId);
  if (!hasPermission(access, "earnings:read")) return <Forbidden what="earnings" />;
  return (
    <Suspense>
      <EarningsView
        scope={{ kind: "workspace", id: workspaceId }}
        title="All creators' earnings"
        canExport={hasPermission(access, "earnings:export")}
      />
    </Suspense>
  );
}
