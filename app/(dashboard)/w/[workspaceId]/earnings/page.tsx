import type { Metadata } from "next";
import { Suspense } from "react";
import { EarningsView } from "@/components/earnings/earnings-view";
import { Forbidden } from "@/components/ui/forbidden";
import { requireSession } from "@/lib/server/session";
import { getWorkspaceAccess, hasPermission } from "@/lib/server/workspaces/access";

export const metadata: Metadata = { title: "All earnings" };

export default async function AgencyEarningsPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  const session = await requireSession();
  const access = (await getWorkspaceAccess(session.user.id, workspaceId))!;
  if (!hasPermission(access, "earnings:read")) return <Forbidden what="earnings" />;
  return (
    <Suspense>
      <EarningsView scope={{ kind: "workspace", id: workspaceId }} title="All creators' earnings" canExport={hasPermission(access, "earnings:export")} />
    </Suspense>
  );
}
