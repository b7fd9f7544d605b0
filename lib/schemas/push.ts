import { z } from "zod";
import { MAX_AMOUNT_CENTS } from "@/lib/utils/money";
import { UNANSWERED_MINUTES } from "./push-values";

export * from "./push-values";

// Web Push: what a member wants to be told, their devices, and the routes'
// bodies. Shared by the handlers and the settings section.

/** What can be notified; each needs its own permission on the creator (lib/server/push/recipients.ts). */
export const NOTIFICATION_KINDS = [
  "tip",
  "new_subscriber",
  "whale_message",
  "unanswered",
  "automation_failure",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export type NotificationChoices = {
  tips: boolean;
  /** Cents; 0: every tip. */
  tipMinCents: number;
  newSubscribers: boolean;
  whaleMessages: boolean;
  /** Cents of lifetime spend that make a fan a big spender. */
  whaleMinCents: number;
  unanswered: boolean;
  unansweredMinutes: number;
  automationFailures: boolean;
  mutedCreatorIds: string[];
};

/** Nothing chosen yet: money and team matters on, the minute-by-minute "unanswered" off. */
export const DEFAULT_CHOICES: NotificationChoices = {
  tips: true,
  tipMinCents: 0,
  newSubscribers: true,
  whaleMessages: true,
  whaleMinCents: 10_000,
  unanswered: false,
  unansweredMinutes: 15,
  automationFailures: true,
  mutedCreatorIds: [],
};

const cents = (min: number) =>
  z
    .number()
    .int("must be whole cents")
    .min(min, min ? `must be at least ${min} cents` : "cannot be negative")
    .max(MAX_AMOUNT_CENTS, "is over $1,000,000.00");

export const notificationChoicesPatchSchema = z.strictObject({
  tips: z.boolean().optional(),
  tipMinCents: cents(0).optional(),
  newSubscribers: z.boolean().optional(),
  whaleMessages: z.boolean().optional(),
  whaleMinCents: cents(100).optional(),
  unanswered: z.boolean().optional(),
  unansweredMinutes: z
    .number()
    .int()
    .refine((m) => (UNANSWERED_MINUTES as readonly number[]).includes(m), {
      error: `must be one of ${UNANSWERED_MINUTES.join(", ")} minutes`,
    })
    .optional(),
  automationFailures: z.boolean().optional(),
  mutedCreatorIds: z.array(z.string().min(1).max(64)).max(500, "at most 500 creators").optional(),
});
export type NotificationChoicesPatch = z.infer<typeof notificationChoicesPatchSchema>;

const base64url = (what: string, min: number, max: number) =>
  z
    .string({ error: `${what} is required` })
    .min(min, `${what} is too short`)
    .max(max, `${what} is too long`)
    .regex(/^[A-Za-z0-9_-]+={0,2}$/, `${what} must be URL-safe base64`);

/** A browser's PushSubscription.toJSON(). */
export const pushSubscribeSchema = z.object({
  endpoint: z.url({ error: "endpoint must be the push service's URL" }).max(2048),
  keys: z.object({
    // An uncompressed P-256 point (65 bytes) and a 16-byte secret (RFC 8291).
    p256dh: base64url("keys.p256dh", 86, 88),
    auth: base64url("keys.auth", 22, 24),
  }),
});
export type PushSubscribeBody = z.infer<typeof pushSubscribeSchema>;

/** This browser (its endpoint), or one of the member's other devices (its id from the list). */
export const pushUnsubscribeSchema = z.union([
  z.strictObject({ endpoint: z.string().min(1).max(2048) }),
  z.strictObject({ deviceId: z.string().min(1).max(64) }),
]);

export type PushDevice = {
  id: string;
  label: string;
  createdAt: string;
  lastSuccessAt: string | null;
  failureCount: number;
  /** SHA-256 of the endpoint (hex), so a browser can tell its own row without the server echoing endpoints. */
  endpointHash: string;
};

export type NotificationCreator = { id: string; name: string; workspaceName: string };

export type NotificationSettings = {
  /** Push is configured on this server (VAPID keys set). */
  available: boolean;
  choices: NotificationChoices;
  creators: NotificationCreator[];
  devices: PushDevice[];
};

/** What one push carries (kept small: push services take ~4 KB, and a lock screen shows two lines). */
export type PushPayload = { title: string; body: string; url: string; tag: string };

export type PushTestResult = {
  devices: { id: string; label: string; outcome: "sent" | "removed" | "failed"; detail: string | null }[];
};
