"use client";

import { QueryBody } from "@/components/ui/error-state";
import { useNotificationSettings } from "@/lib/queries/notifications";
import { NotificationChoicesForm } from "./notification-choices";
import { DeviceList, ThisDevice } from "./notifications-device";

/**
 * Settings → Notifications (Web Push): this browser on or off (the browser's
 * permission prompt, or why it cannot), what the member wants to be told with
 * its thresholds and creators, and their devices with a test push. The body
 * of the settings page's "notifications" section.
 */
export function NotificationsSection() {
  const q = useNotificationSettings();
  return (
    <QueryBody q={q} what="your notification settings" height="h-96">
      {(settings) => (
        <div className="flex flex-col gap-6" data-testid="notifications-section">
          <ThisDevice settings={settings} />
          <NotificationChoicesForm settings={settings} />
          <DeviceList settings={settings} />
        </div>
      )}
    </QueryBody>
  );
}
