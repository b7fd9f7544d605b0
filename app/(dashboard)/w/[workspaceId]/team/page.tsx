import type { Metadata } from "next";
import { InviteForm } from "@/components/team/invite-form";
import { InvitesList } from "@/components/team/invites-list";
import { MembersList } from "@/components/team/members-list";
import { Forbidden } from "@/components/ui/forbidden";
import { hasPermission } from "@/lib/server/workspaces/access";
import { pageWorkspaceAccess } from "@/lib/server/page-access";

export const metadata: Metadata = { title: "Team" };

export default async function TeamPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  const { session, access } = await pageWorkspaceAccess(workspaceId);
  if (!hasPermission(access, "team:manage")) return <Forbidden what="the team" />;
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Team</h1>
        <p className="mt-1 text-sm text-muted">
          {access.workspace.kind === "creator"
            ? `Who works on ${access.workspace.name}'s account with you, and in which role.`
            : `Who works on ${access.workspace.name}, in which role, on which creators.`}{" "}
          Changes apply on their next click.
        </p>
      </div>
      <div className="grid grid-cols-[minmax(0,1fr)] gap-6 xl:grid-cols-[minmax(0,1fr)_420px]">
        <div className="flex flex-col gap-6">
          <MembersList workspaceId={workspaceId} currentUserId={session.user.id} />
          <InvitesList workspaceId={workspaceId} />
        </div>
        <InviteForm workspaceId={workspaceId} />
      </div>
    </div>
  );
}
