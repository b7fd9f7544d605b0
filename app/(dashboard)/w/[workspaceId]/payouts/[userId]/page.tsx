import type { Metadata } from "next";
import { Suspense } from "react";
import { StatementView } from "@/components/payouts/statement-view";
import { pageWorkspaceAccess } from "@/lib/server/page-access";

export const metadata: Metadata = { title: "Statement" };

// Printable: the app shell is hidden by `print:hidden` (components/layout/app-shell.tsx).
export default async function StatementPage({ params }: { params: Promise<{ workspaceId: string; userId: string }> }) {
  const { workspaceId, userId } = await params;
  await pageWorkspaceAccess(workspaceId);
  return (
    <Suspense>
      <StatementView workspaceId={workspaceId} userId={userId} />
    </Suspense>
  );
}
