import type { Metadata } from "next";
import { ActivityLog } from "@/components/activity/activity-log";
import { Forbidden } from "@/components/ui/forbidden";
import { hasPermission } from "@/lib/server/workspaces/access";
import { pageWorkspaceAccess } from "@/lib/server/page-access";

export const metadata: Metadata = { title: "Activity" };

export default async function ActivityPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  const { access } = await pageWorkspaceAccess(workspaceId);
  if (!hasPermission(access, "audit:read")) return <Forbidden what="the activity log" />;
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Activity</h1>
        <p className="mt-1 text-sm text-muted">
          Every write, every export and every look at a fan&apos;s spending by staff, newest first.
        </p>
      </div>
      <ActivityLog workspaceId={workspaceId} canSeeMembers={hasPermission(access, "team:manage")} />
    </div>
  );
}
