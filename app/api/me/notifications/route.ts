import { notificationSettings, saveNotificationSettings } from "@/lib/contracts/push";
import { apiRoute } from "@/lib/server/api/route";
import { getNotificationSettings, saveNotificationChoices } from "@/lib/server/push/choices";

export const GET = apiRoute(notificationSettings, {
  handler: ({ user }) => getNotificationSettings(user.id),
});

export const PATCH = apiRoute(saveNotificationSettings, {
  handler: ({ user, body }) => saveNotificationChoices(user.id, body),
});
