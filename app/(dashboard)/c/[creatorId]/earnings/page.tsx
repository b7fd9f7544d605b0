import type { Metadata } from "next";
import { Suspense } from "react";
import { EarningsView } from "@/components/earnings/earnings-view";
import { Forbidden } from "@/components/ui/forbidden";
import { hasPermission } from "@/lib/server/workspaces/access";
import { pageCreatorAccess } from "@/lib/server/page-access";

export const metadata: Metadata = { title: "Earnings" };

export default async function EarningsPage({ params }: { params: Promise<{ creatorId: string }> }) {
  const { creatorId } = await params;
  const { access } = await pageCreatorAccess(creatorId);
  if (!hasPermission(access, "earnings:read")) return <Forbidden what="earnings" />;
  return (
    <Suspense>
      <EarningsView
        scope={{ kind: "creator", id: creatorId }}
        title="Earnings"
        canExport={hasPermission(access, "earnings:export")}
      />
    </Suspense>
  );
}
