import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { DashboardFrame } from "@/components/layout/dashboard-frame";
import { getCreatorAccess } from "@/lib/server/workspaces/access";
import { loadShell, rememberCreator } from "@/lib/server/shell";
import { requireSession } from "@/lib/server/session";

export default async function CreatorLayout({ children, params }: { children: ReactNode; params: Promise<{ creatorId: string }> }) {
  const { creatorId } = await params;
  const session = await requireSession();
  const access = await getCreatorAccess(session.user.id, creatorId);
  // Outside the user's scope looks exactly like a creator that does not exist.
  if (!access) notFound();
  const [shell] = await Promise.all([loadShell(session.user.id), rememberCreator(session.user.id, creatorId)]);
  return (
    <DashboardFrame shell={shell} current={{ workspaceId: access.workspace.id, creatorId, role: access.membership.role }}>
      {children}
    </DashboardFrame>
  );
}
