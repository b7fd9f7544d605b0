import type { Metadata } from "next";
import { Suspense } from "react";
import { FansView } from "@/components/fans/fans-view";
import { Forbidden } from "@/components/ui/forbidden";
import { Skeleton } from "@/components/ui/skeleton";
import { hasPermission } from "@/lib/server/workspaces/access";
import { pageCreatorAccess } from "@/lib/server/page-access";

export const metadata: Metadata = { title: "Fans" };

export default async function FansPage({ params }: { params: Promise<{ creatorId: string }> }) {
  const { creatorId } = await params;
  const { access } = await pageCreatorAccess(creatorId);
  if (!hasPermission(access, "fans:read")) return <Forbidden what="this creator's fans" />;
  return (
    // useSearchParams (URL state) needs a Suspense boundary in a static shell.
    <Suspense fallback={<Skeleton className="h-96 rounded-xl" />}>
      <FansView
        creatorId={creatorId}
        creatorHandle={access.creator.handle}
        canWrite={hasPermission(access, "fans:write")}
        canChat={hasPermission(access, "chats:read")}
        insightsAvailable={access.workspace.kind === "creator"}
      />
    </Suspense>
  );
}
