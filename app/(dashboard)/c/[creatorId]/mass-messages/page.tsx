import type { Metadata } from "next";
import { Suspense } from "react";
import { MassView } from "@/components/mass/mass-view";
import { Forbidden } from "@/components/ui/forbidden";
import { Skeleton } from "@/components/ui/skeleton";
import { hasPermission } from "@/lib/server/workspaces/access";
import { pageCreatorAccess } from "@/lib/server/page-access";

export const metadata: Metadata = { title: "Mass messages" };

export default async function MassMessagesPage({ params }: { params: Promise<{ creatorId: string }> }) {
  const { creatorId } = await params;
  const { access } = await pageCreatorAccess(creatorId);
  if (!hasPermission(access, "mass:send")) return <Forbidden what="mass messages" />;
  return (
    <Suspense fallback={<Skeleton className="h-96 rounded-xl" />}>
      <MassView
        creatorId={creatorId}
        workspaceId={access.workspace.id}
        handle={access.creator.handle}
        canWriteLists={hasPermission(access, "fans:write")}
      />
    </Suspense>
  );
}
