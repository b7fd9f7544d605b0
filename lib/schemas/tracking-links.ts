import { z } from "zod";
import { MAX_AMOUNT_CENTS } from "@/lib/utils/money";
import { timeZoneField } from "./viewer";
import { COST_NOTE_MAX, LINK_NAME_MAX, TRACKING_PLATFORMS } from "./tracking-links-values";

export * from "./tracking-links-values";

// Tracking links: Fanvue's links with their clicks, the fans they brought in
// and Fanvue's earnings, plus the promo cost a member enters and what we
// compute from our own ledger (payback). Money in integer cents.

export type TrackingPlatform = (typeof TRACKING_PLATFORMS)[number];

export const trackingLinkCreateSchema = z.object({
  name: z
    .string({ error: "name is required" })
    .trim()
    .min(1, { error: "name is required" })
    .max(LINK_NAME_MAX, { error: `name must be at most ${LINK_NAME_MAX} characters` }),
  platform: z.enum(TRACKING_PLATFORMS, { error: `platform must be one of ${TRACKING_PLATFORMS.join(", ")}` }),
});
export type TrackingLinkCreate = z.output<typeof trackingLinkCreateSchema>;

/** What the promotion cost: whole cents (the page parses the amount with parseMoney); null clears it. */
export const trackingLinkCostSchema = z.object({
  costCents: z
    .number({ error: "costCents must be a number of cents, or null to clear" })
    .int({ error: "costCents must be whole cents" })
    .min(0, { error: "costCents cannot be negative" })
    .max(MAX_AMOUNT_CENTS, { error: "costCents must be at most $1,000,000.00" })
    .nullable(),
  note: z
    .string({ error: "note must be text" })
    .trim()
    .max(COST_NOTE_MAX, { error: `note must be at most ${COST_NOTE_MAX} characters` })
    .nullish()
    .transform((v) => v || null),
});
export type TrackingLinkCost = z.output<typeof trackingLinkCostSchema>;

export const trackingLinkParams = z.object({
  creatorId: z.string(),
  linkUuid: z.string().min(1).max(64, { error: "linkUuid is not a tracking link id" }),
});

/** The viewer's zone: payback days are days there. */
export const trackingLinksQuerySchema = z.object({ tz: timeZoneField.default("UTC") });
export type TrackingLinksQuery = z.output<typeof trackingLinksQuerySchema>;

export type TrackingLinkRow = {
  creatorId: string;
  creatorName: string;
  uuid: string;
  name: string;
  /** As Fanvue gives it. */
  linkUrl: string;
  platform: string;
  createdAt: string;
  /** Gone from Fanvue (deleted here or there); kept for its cost and fans. */
  deletedAt: string | null;
  clicks: number;
  acquiredFollowers: number;
  acquiredSubscribers: number;
  totalFollowers: number;
  totalSubscribers: number;
  /** Fanvue's earnings of the link; null = Fanvue did not report them (never 0). */
  earnings: { gross: number | null; net: number | null } | null;
  cost: { cents: number; note: string | null; setBy: string | null; setAt: string | null } | null;
  /** Fans mirrored from the link's user list. */
  fans: number;
  /** Net of the link's fans in our ledger since the link was created, rounded once. */
  ledgerNet: number;
  /** Cost per acquired subscriber and per click, whole cents; null without a cost or a divisor. */
  costPerSubscriber: number | null;
  costPerClick: number | null;
  /** (Fanvue's net − cost) / cost; null without a cost above 0 or without Fanvue's net. */
  roi: number | null;
  /** First day (viewer's zone, YYYY-MM-DD) the ledger's cumulative net of the link's fans reached the cost; null: not yet. */
  paybackDay: string | null;
};

export type TrackingLinksSyncState = "never" | "running" | "idle" | "failed" | "paused";

export type TrackingLinksReport = {
  tz: string;
  links: TrackingLinkRow[];
  sync: { state: TrackingLinksSyncState; lastSyncedAt: string | null; error: string | null };
  ledgerSyncedAt: string | null;
};

export type TrackingLinkCreated = { link: TrackingLinkRow };
