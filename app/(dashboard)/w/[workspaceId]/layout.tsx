import type { ReactNode } from "react";
import { DashboardFrame } from "@/components/layout/dashboard-frame";
import { loadShell } from "@/lib/server/shell";
import { pageWorkspaceAccess } from "@/lib/server/page-access";

export default async function WorkspaceLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ workspaceId: string }>;
}) {
  const { workspaceId } = await params;
  const { session, access } = await pageWorkspaceAccess(workspaceId);
  const shell = await loadShell(session.user.id);
  return (
    <DashboardFrame shell={shell} current={{ workspaceId, creatorId: null, role: access.membership.role }}>
      {children}
    </DashboardFrame>
  );
}
