import type { Metadata } from "next";
import { Suspense } from "react";
import { RetentionView } from "@/components/growth/retention-view";
import { Forbidden } from "@/components/ui/forbidden";
import { Skeleton } from "@/components/ui/skeleton";
import { hasPermission } from "@/lib/server/workspaces/access";
import { pageCreatorAccess } from "@/lib/server/page-access";

export const metadata: Metadata = { title: "Retention" };

export default async function RetentionPage({ params }: { params: Promise<{ creatorId: string }> }) {
  const { creatorId } = await params;
  const { access } = await pageCreatorAccess(creatorId);
  if (!hasPermission(access, "earnings:read")) return <Forbidden what="retention" />;
  return (
    <Suspense fallback={<Skeleton className="h-96 rounded-xl" />}>
      <RetentionView scope={{ kind: "creator", id: creatorId }} canExport={hasPermission(access, "earnings:export")} />
    </Suspense>
  );
}
