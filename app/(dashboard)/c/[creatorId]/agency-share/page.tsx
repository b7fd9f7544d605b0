import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { AgencyShareView } from "@/components/payouts/agency-share-view";
import { Forbidden } from "@/components/ui/forbidden";
import { hasPermission } from "@/lib/server/workspaces/access";
import { pageCreatorAccess } from "@/lib/server/page-access";

export const metadata: Metadata = { title: "Agency share" };

// Printable: the app shell is hidden by `print:hidden` (components/layout/app-shell.tsx).
export default async function AgencySharePage({ params }: { params: Promise<{ creatorId: string }> }) {
  const { creatorId } = await params;
  const { access } = await pageCreatorAccess(creatorId);
  if (access.workspace.kind !== "agency") notFound();
  if (!hasPermission(access, "earnings:read")) return <Forbidden what="the agency share" />;
  return (
    <Suspense>
      <AgencyShareView creatorId={creatorId} canExport={hasPermission(access, "earnings:export")} />
    </Suspense>
  );
}
