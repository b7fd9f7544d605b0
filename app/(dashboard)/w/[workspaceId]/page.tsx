import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { GettingStarted } from "@/components/onboarding/getting-started";
import { AllCreators } from "@/components/workspace/all-creators";
import { db } from "@/lib/server/db";
import { listAccessibleCreators } from "@/lib/server/workspaces/access";
import { pageWorkspaceAccess } from "@/lib/server/page-access";
import { lastCreatorIn } from "@/lib/server/shell";

export const metadata: Metadata = { title: "All creators" };

export default async function WorkspaceHome({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  const { session, access } = await pageWorkspaceAccess(workspaceId);
  if (access.workspace.kind === "creator") {
    // A creator workspace has one creator: its overview is the home.
    const creator = (await listAccessibleCreators(session.user.id)).find((c) => c.workspaceId === workspaceId);
    const fallback = await db.creator.findFirst({ where: { workspaceId, removedAt: null } });
    redirect(`/c/${creator?.id ?? fallback?.id}`);
  }
  const last = await lastCreatorIn(session.user.id, workspaceId);
  const creators = await db.creator.count({ where: { workspaceId, removedAt: null } });
  return (
    <AllCreators
      workspaceId={workspaceId}
      name={access.workspace.name}
      lastCreator={last}
      gettingStarted={
        <GettingStarted
          userId={session.user.id}
          workspaceId={workspaceId}
          role={access.membership.role}
          hasCreators={creators > 0}
        />
      }
    />
  );
}
