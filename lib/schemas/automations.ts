import { z } from "zod";
import { MAX_MEDIA, MAX_TEXT } from "@/lib/schemas/chats";
import { MIN_PRICE_CENTS } from "@/lib/utils/money";
import { timeZoneField } from "./viewer";
import { RUN_STATUSES, TRIGGERS } from "./automations-values";

export * from "./automations-values";

// Automations: what fires them, what they send, and the rules that keep them
// off a live chat. Shared by the routes (validation, field errors) and the
// form (the same messages inline).

/** A quiet spender: quiet for this many times their own usual gap between purchases. */
export const QUIET_FACTOR = 2;
/** …learned from at least this many days with a purchase. */
export const QUIET_MIN_PURCHASE_DAYS = 3;

export const SUBSCRIBER_KINDS = ["any", "paid", "trial"] as const;

const triggerParamsSchema = z.object({
  /** new_subscriber: which subscribers (Fanvue's new-subscriber event: price 0 is a free trial). */
  subscriber: z.enum(SUBSCRIBER_KINDS, { error: "subscriber must be any, paid or trial" }).default("any"),
  /** tip_above: the smallest tip that fires it, in cents. */
  minCents: z
    .number({ error: "minCents must be a number of cents" })
    .int({ error: "minCents must be whole cents" })
    .min(100, { error: "minCents must be at least $1.00" })
    .max(1_000_000, { error: "minCents must be at most $10,000.00" })
    .optional(),
  /** unanswered: how long a fan's message waits before the team is alerted. */
  minutes: z
    .number({ error: "minutes must be a number of minutes" })
    .int({ error: "minutes must be whole minutes" })
    .min(5, { error: "minutes must be at least 5" })
    .max(1440, { error: "minutes must be at most 1440 (a day)" })
    .optional(),
  /** renewal_off: days before the end; expired: days after it. */
  days: z
    .number({ error: "days must be a number of days" })
    .int({ error: "days must be whole days" })
    .min(1, { error: "days must be at least 1" })
    .max(90, { error: "days must be at most 90" })
    .optional(),
});
export type TriggerParams = z.output<typeof triggerParamsSchema>;

const listUuid = z.string().regex(/^[0-9a-f-]{36}$/i, { error: "must be a custom list's uuid" });

const minuteOfDay = (field: string) =>
  z
    .number({ error: `${field} must be minutes after midnight` })
    .int({ error: `${field} must be whole minutes` })
    .min(0, { error: `${field} must be between 0 and 1439` })
    .max(1439, { error: `${field} must be between 0 and 1439` })
    .nullable()
    .default(null);

export const automationBodySchema = z
  .object({
    name: z
      .string({ error: "name is required" })
      .trim()
      .min(1, { error: "name is required" })
      .max(80, { error: "name must be at most 80 characters" }),
    trigger: z.enum(TRIGGERS, { error: `trigger must be one of ${TRIGGERS.join(", ")}` }),
    triggerParams: triggerParamsSchema.default({ subscriber: "any" }),
    text: z
      .string()
      .max(MAX_TEXT, { error: `text must be at most ${MAX_TEXT} characters` })
      .nullable()
      .default(null),
    mediaUuids: z
      .array(z.string().min(1).max(64))
      .max(MAX_MEDIA, { error: `at most ${MAX_MEDIA} media items` })
      .default([]),
    price: z
      .number({ error: "price must be a number of cents" })
      .int({ error: "price must be whole cents" })
      .min(MIN_PRICE_CENTS, { error: "price must be at least $3.00" })
      .max(50_000_00, { error: "price must be at most $5,000.00" })
      .nullable()
      .default(null),
    tag: z
      .string()
      .trim()
      .max(40, { error: "tag must be at most 40 characters" })
      .nullable()
      .default(null)
      .transform((t) => (t ? t : null)),
    addToListUuid: listUuid.nullable().default(null),
    removeFromListUuid: listUuid.nullable().default(null),
    notifyTeam: z.boolean().default(false),
    skipIfWrittenMinutes: z
      .number({ error: "skipIfWrittenMinutes must be a number" })
      .int()
      .min(0, { error: "skipIfWrittenMinutes must be at least 0" })
      .max(10_080, { error: "skipIfWrittenMinutes must be at most 7 days" })
      .default(60),
    skipIfUnread: z.boolean().default(true),
    skipIfSentMedia: z.boolean().default(true),
    delayMinSec: z.number().int().min(0, { error: "delayMinSec must be at least 0" }).max(86_400).default(0),
    delayMaxSec: z.number().int().min(0).max(86_400, { error: "delayMaxSec must be at most a day" }).default(0),
    perFanDays: z
      .number({ error: "perFanDays must be a number of days" })
      .int()
      .min(1, { error: "perFanDays must be at least 1 (or null: once per fan)" })
      .max(365)
      .nullable()
      .default(null),
    quietStartMin: minuteOfDay("quietStartMin"),
    quietEndMin: minuteOfDay("quietEndMin"),
    timeZone: timeZoneField,
    dailyCap: z.number().int().min(1, { error: "dailyCap must be at least 1" }).max(10_000).nullable().default(null),
    holdoutPercent: z
      .number()
      .int()
      .min(0, { error: "holdoutPercent must be from 0 to 50" })
      .max(50, { error: "holdoutPercent must be from 0 to 50" })
      .default(0),
    dryRun: z.boolean().default(false),
  })
  .superRefine((b, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    const acts = b.tag !== null || b.addToListUuid !== null || b.removeFromListUuid !== null || b.notifyTeam;
    if (!b.text?.trim() && b.mediaUuids.length === 0 && !acts && b.trigger !== "unanswered")
      issue("text", "text is required (or attach media, or choose a tag or list action)");
    if (b.addToListUuid !== null && b.addToListUuid === b.removeFromListUuid)
      issue("removeFromListUuid", "a fan cannot be added to and removed from the same list");
    if (b.price !== null && b.mediaUuids.length === 0) issue("price", "a PPV needs media: attach a vault item");
    if (b.delayMaxSec < b.delayMinSec) issue("delayMaxSec", "delayMaxSec must be at least delayMinSec");
    if ((b.quietStartMin === null) !== (b.quietEndMin === null))
      issue("quietEndMin", "quiet hours need both a start and an end");
    if (b.quietStartMin !== null && b.quietStartMin === b.quietEndMin)
      issue("quietEndMin", "quiet hours must not start and end at the same time");
    if ((b.trigger === "tip_above" || b.trigger === "quiet_spender") && b.triggerParams.minCents === undefined)
      issue("triggerParams", "triggerParams.minCents is required for this trigger");
    if (b.trigger === "unanswered" && b.triggerParams.minutes === undefined)
      issue("triggerParams", "triggerParams.minutes is required for this trigger");
    if (b.trigger === "unanswered" && (b.text?.trim() || b.mediaUuids.length || b.price !== null))
      issue("text", "an unanswered message alerts the team; it never writes to the fan itself");
    if ((b.trigger === "renewal_off" || b.trigger === "expired") && b.triggerParams.days === undefined)
      issue("triggerParams", "triggerParams.days is required for this trigger");
  });
export type AutomationBody = z.input<typeof automationBodySchema>;
export type AutomationInput = z.output<typeof automationBodySchema>;

export const automationStatusSchema = z.object({
  status: z.enum(["active", "paused"], { error: "status must be active or paused" }),
});

export type RunStatus = (typeof RUN_STATUSES)[number];

export const runsQuerySchema = z.object({
  status: z.enum(RUN_STATUSES, { error: `status must be one of ${RUN_STATUSES.join(", ")}` }).optional(),
  fan: z.string().min(1).max(64).optional(),
});

export type AutomationView = AutomationInput & {
  id: string;
  status: "active" | "paused";
  activeSince: string;
  createdByName: string;
  createdAt: string;
  updatedAt: string;
  /** Counts since it was created (the log has the detail). */
  stats: {
    sent: number;
    skipped: number;
    failed: number;
    pending: number;
    heldOut: number;
    /** Fanvue ledger: sales of the messages it sent (PPV unlocks, tips in the 24 h after), in cents. */
    revenue: number;
    purchases: number;
    /** Sent vs held-out fans: what each group spent with the creator in the 7 days after firing (the ledger). */
    holdout: HoldoutComparison | null;
  };
};

export type HoldoutComparison = {
  days: number;
  sent: { fans: number; buyers: number; gross: number };
  heldOut: { fans: number; buyers: number; gross: number };
};

export type AutomationRunView = {
  id: string;
  fan: { uuid: string; handle: string | null; name: string | null };
  occurrence: string;
  status: RunStatus;
  reason: string | null;
  dueAt: string;
  sentAt: string | null;
  createdAt: string;
};

export type RunsPage = { runs: AutomationRunView[]; total: number };

/** Who it would go to now (a scheduled trigger), or would have in the last 7 days (an event trigger). */
export type AutomationPreview = {
  basis: "now" | "last_7_days";
  count: number;
  sample: { uuid: string; handle: string | null; name: string | null; why: string }[];
  /** How fresh the data behind a scheduled trigger is (fan insights, the ledger). */
  asOf: string | null;
};
