import type { Metadata } from "next";
import { Suspense } from "react";
import { ReconcileView } from "@/components/earnings/reconcile-view";
import { Forbidden } from "@/components/ui/forbidden";
import { hasPermission } from "@/lib/server/workspaces/access";
import { pageCreatorAccess } from "@/lib/server/page-access";

export const metadata: Metadata = { title: "Why does this number differ?" };

export default async function ReconcilePage({ params }: { params: Promise<{ creatorId: string }> }) {
  const { creatorId } = await params;
  const { access } = await pageCreatorAccess(creatorId);
  if (!hasPermission(access, "earnings:read")) return <Forbidden what="earnings" />;
  return (
    <Suspense>
      <ReconcileView creatorId={creatorId} />
    </Suspense>
  );
}
