import type { Metadata } from "next";
import { Suspense } from "react";
import { AutomationsView } from "@/components/automations/automations-view";
import { Forbidden } from "@/components/ui/forbidden";
import { Skeleton } from "@/components/ui/skeleton";
import { hasPermission } from "@/lib/server/workspaces/access";
import { pageCreatorAccess } from "@/lib/server/page-access";

export const metadata: Metadata = { title: "Automations" };

// The same roles as mass messages: an automation is a mass message sent one fan at a time.
export default async function AutomationsPage({ params }: { params: Promise<{ creatorId: string }> }) {
  const { creatorId } = await params;
  const { access } = await pageCreatorAccess(creatorId);
  if (!hasPermission(access, "mass:send")) return <Forbidden what="automations" />;
  return (
    <Suspense fallback={<Skeleton className="h-96 rounded-xl" />}>
      <AutomationsView creatorId={creatorId} />
    </Suspense>
  );
}
