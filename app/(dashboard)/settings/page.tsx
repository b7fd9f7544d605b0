import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { DashboardFrame } from "@/components/layout/dashboard-frame";
import { AppearanceSection } from "@/components/settings/appearance-section";
import { ConnectionSection } from "@/components/settings/connection-section";
import { DataSection } from "@/components/settings/data-section";
import { NotificationsSection } from "@/components/settings/notifications-section";
import { ProfileSection } from "@/components/settings/profile-section";
import { SettingsNav, SettingsSection } from "@/components/settings/section";
import { loadSettingsFrame } from "@/lib/server/settings/frame";
import { requireSession } from "@/lib/server/session";

export const metadata: Metadata = { title: "Settings" };

// The person's own settings, inside the shell of the creator they had open (lib/server/settings/frame.ts).
export default async function SettingsPage() {
  const session = await requireSession();
  const frame = await loadSettingsFrame(session.user.id);
  if (!frame) redirect("/welcome");
  const { shell, current } = frame;
  const ws = shell.workspaces.find((w) => w.id === current.workspaceId)!;
  const creator = shell.creators.find((c) => c.id === current.creatorId);
  return (
    <DashboardFrame shell={shell} current={current}>
      <div className="flex flex-col gap-6">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Settings</h1>
          <p className="mt-1 text-sm text-muted">Yours alone: they follow you to every device and workspace.</p>
        </div>
        <div className="grid grid-cols-[minmax(0,1fr)] gap-6 lg:grid-cols-[200px_minmax(0,1fr)]">
          <SettingsNav />
          <div className="flex min-w-0 flex-col gap-6">
            <ProfileSection user={shell.user} />
            <AppearanceSection />
            <SettingsSection
              id="notifications"
              title="Notifications"
              description="What reaches you as push notifications, also while Vuedeck is closed, on each device where you turn them on."
            >
              <NotificationsSection />
            </SettingsSection>
            <ConnectionSection />
            <DataSection
              scope={{
                creatorId: creator?.id ?? null,
                creatorName: creator?.displayName ?? null,
                creatorHandle: creator?.handle ?? null,
                workspaceId: ws.id,
                workspaceName: ws.name,
                workspaceKind: ws.kind,
                role: current.role,
              }}
            />
          </div>
        </div>
      </div>
    </DashboardFrame>
  );
}
