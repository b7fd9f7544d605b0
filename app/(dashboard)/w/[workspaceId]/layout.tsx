import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { DashboardFrame } from "@/components/layout/dashboard-frame";
import { getWorkspaceAccess } from "@/lib/server/workspaces/access";
import { loadShell } from "@/lib/server/shell";
import { requireSession } from "@/lib/server/session";

export default async function WorkspaceLayout({ children, params }: { children: ReactNode; params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  const session = await requireSession();
  const access = await getWorkspaceAccess(session.user.id, workspaceId);
  if (!access) notFound();
  const shell = await loadShell(session.user.id);
  return (
    <DashboardFrame shell={shell} current={{ workspaceId, creatorId: null, role: access.membership.role }}>
      {children}
    </DashboardFrame>
  );
}
