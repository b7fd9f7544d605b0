import { Avatar } from "@/components/ui/avatar";
import { PreferencesForm } from "@/components/viewer/preferences-form";
import type { ShellUser } from "@/components/layout/user-menu";
import { SettingsSection } from "./section";

/** Who is signed in (from their Fanvue account) and the zone and date format every page uses. */
export function ProfileSection({ user }: { user: ShellUser }) {
  return (
    <SettingsSection
      id="profile"
      title="Profile and zone"
      description="Your name and picture come from your Fanvue account and update when you sign in. The time zone and date format apply to every date, day boundary and chart, on every device you sign in on."
    >
      <div className="flex flex-col gap-6">
        <div className="flex items-center gap-4">
          <Avatar src={user.image} name={user.name} size="lg" />
          <div className="min-w-0">
            <p className="truncate font-medium" data-testid="settings-name">
              {user.name}
            </p>
            {user.handle ? <p className="truncate text-sm text-muted">@{user.handle}</p> : null}
            <p className="mt-0.5 text-xs text-muted">Signed in with Fanvue</p>
          </div>
        </div>
        <div className="max-w-md">
          <PreferencesForm />
        </div>
      </div>
    </SettingsSection>
  );
}
