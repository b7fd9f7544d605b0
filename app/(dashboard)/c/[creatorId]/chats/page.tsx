import type { Metadata } from "next";
import { Suspense } from "react";
import { InboxView } from "@/components/chats/inbox-view";
import { Forbidden } from "@/components/ui/forbidden";
import { Skeleton } from "@/components/ui/skeleton";
import { scopedCreators } from "@/lib/server/chats/team-inbox";
import { hasPermission } from "@/lib/server/workspaces/access";
import { pageCreatorAccess } from "@/lib/server/page-access";

export const metadata: Metadata = { title: "Chats" };

export default async function ChatsPage({ params }: { params: Promise<{ creatorId: string }> }) {
  const { creatorId } = await params;
  const { access } = await pageCreatorAccess(creatorId);
  if (!hasPermission(access, "chats:read")) return <Forbidden what="this creator's chats" />;
  const team = access.workspace.kind === "agency" ? await scopedCreators(access) : [];
  return (
    // useSearchParams (URL state) needs a Suspense boundary in a static shell.
    <Suspense fallback={<Skeleton className="h-[70dvh] rounded-xl" />}>
      <InboxView
        creatorId={creatorId}
        workspaceId={access.workspace.id}
        creatorHandle={access.creator.handle}
        can={{
          send: hasPermission(access, "chats:send"),
          unsend: hasPermission(access, "chats:send") && access.workspace.kind === "creator",
          readFans: hasPermission(access, "fans:read"),
          writeFans: hasPermission(access, "fans:write"),
        }}
        teamCreators={Object.fromEntries(team.map((c) => [c.id, `@${c.handle}`]))}
      />
    </Suspense>
  );
}
