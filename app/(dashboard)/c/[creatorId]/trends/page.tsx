import type { Metadata } from "next";
import { Suspense } from "react";
import { SubscriberTrendsView } from "@/components/growth/subscriber-trends-view";
import { Forbidden } from "@/components/ui/forbidden";
import { Skeleton } from "@/components/ui/skeleton";
import { hasPermission } from "@/lib/server/workspaces/access";
import { pageCreatorAccess } from "@/lib/server/page-access";

export const metadata: Metadata = { title: "Subscriber trends" };

export default async function SubscriberTrendsPage({ params }: { params: Promise<{ creatorId: string }> }) {
  const { creatorId } = await params;
  const { access } = await pageCreatorAccess(creatorId);
  if (!hasPermission(access, "earnings:read")) return <Forbidden what="subscriber trends" />;
  return (
    <Suspense fallback={<Skeleton className="h-96 rounded-xl" />}>
      <SubscriberTrendsView
        scope={{ kind: "creator", id: creatorId }}
        canExport={hasPermission(access, "earnings:export")}
      />
    </Suspense>
  );
}
