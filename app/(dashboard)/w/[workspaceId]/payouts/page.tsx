import type { Metadata } from "next";
import { Suspense } from "react";
import { PayoutsView } from "@/components/payouts/payouts-view";
import { pageWorkspaceAccess } from "@/lib/server/page-access";

export const metadata: Metadata = { title: "Payouts" };

// Every member may open it: a chatter sees only their own pay and shifts (lib/server/payouts/scope.ts).
export default async function PayoutsPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  await pageWorkspaceAccess(workspaceId);
  return (
    <Suspense>
      <PayoutsView workspaceId={workspaceId} />
    </Suspense>
  );
}
