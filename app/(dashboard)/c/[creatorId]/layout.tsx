import type { ReactNode } from "react";
import { DashboardFrame } from "@/components/layout/dashboard-frame";
import { loadShell } from "@/lib/server/shell";
import { pageCreatorAccess } from "@/lib/server/page-access";

export default async function CreatorLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ creatorId: string }>;
}) {
  const { creatorId } = await params;
  // Outside the user's scope looks exactly like a creator that does not exist (404).
  const { session, access } = await pageCreatorAccess(creatorId);
  const shell = await loadShell(session.user.id, { creatorId });
  return (
    <DashboardFrame
      shell={shell}
      current={{ workspaceId: access.workspace.id, creatorId, role: access.membership.role }}
    >
      {children}
    </DashboardFrame>
  );
}
