import type { Metadata } from "next";
import { Suspense } from "react";
import { TrackingLinksView } from "@/components/tracking-links/tracking-links-view";
import { Forbidden } from "@/components/ui/forbidden";
import { Skeleton } from "@/components/ui/skeleton";
import { hasPermission } from "@/lib/server/workspaces/access";
import { pageCreatorAccess } from "@/lib/server/page-access";

export const metadata: Metadata = { title: "Tracking links" };

export default async function TrackingLinksPage({ params }: { params: Promise<{ creatorId: string }> }) {
  const { creatorId } = await params;
  const { access } = await pageCreatorAccess(creatorId);
  if (!hasPermission(access, "earnings:read")) return <Forbidden what="tracking links" />;
  return (
    <Suspense fallback={<Skeleton className="h-96 rounded-xl" />}>
      <TrackingLinksView
        scope={{ kind: "creator", id: creatorId }}
        can={{ canWrite: hasPermission(access, "posts:write"), canExport: hasPermission(access, "earnings:export") }}
      />
    </Suspense>
  );
}
