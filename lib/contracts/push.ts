import {
  notificationChoicesPatchSchema,
  pushSubscribeSchema,
  pushUnsubscribeSchema,
  type NotificationSettings,
  type PushTestResult,
} from "@/lib/schemas/push";
import { route } from "./contract";

// Web Push: the signed-in user's devices and what they want to be told.

/** The server's VAPID public key (the browser subscribes with it); null: push is not set up here. */
export const pushKey = route<{ publicKey: string | null }>()({
  method: "GET",
  path: "/api/push/key",
  access: "user",
});

/** Register this browser's push subscription for the signed-in user (and this session); 201. */
export const pushSubscribe = route<{ id: string }>()({
  method: "POST",
  path: "/api/me/push/subscriptions",
  access: "user",
  body: pushSubscribeSchema,
});

/** Stop notifications on this browser (by its endpoint) or on another of the user's devices (by id). */
export const pushUnsubscribe = route<{ removed: boolean }>()({
  method: "DELETE",
  path: "/api/me/push/subscriptions",
  access: "user",
  body: pushUnsubscribeSchema,
});

/** The user's notification choices, their creators (for per-creator choices) and their devices. */
export const notificationSettings = route<NotificationSettings>()({
  method: "GET",
  path: "/api/me/notifications",
  access: "user",
});

/** Change some of the choices; answers the settings as saved. */
export const saveNotificationSettings = route<NotificationSettings>()({
  method: "PATCH",
  path: "/api/me/notifications",
  access: "user",
  body: notificationChoicesPatchSchema,
});

/** Send a test notification to each of the user's devices now, with each device's outcome. */
export const pushTest = route<PushTestResult>()({
  method: "POST",
  path: "/api/me/push/test",
  access: "user",
});
