import { z } from "zod";
import type { UrlState } from "@/lib/url-state/fields";
import { rangeFields as rangeFieldsOf, rangeRules } from "./range";
import type { ResolvedRange } from "./earnings";
import { ATTRIBUTION_RULES, SEND_KINDS, performanceUrlSchema } from "./performance-values";

export * from "./performance-values";

// Chatter performance: who sold what, per member and creator, for a range in
// the viewer's zone. Shared by the routes, the page and the CSV.

export type AttributionRule = (typeof ATTRIBUTION_RULES)[number]["rule"];

const id = z.string().min(1).max(64);

const rangeFields = { ...rangeFieldsOf("today"), creatorId: id.optional() };

export const performanceQuerySchema = z.object(rangeFields).superRefine(rangeRules);
export type PerformanceQuery = z.output<typeof performanceQuerySchema>;

export const salesQuerySchema = z
  .object({
    ...rangeFields,
    /** A member's user id; "none" lists the sales no member is credited with. */
    member: id.optional(),
  })
  .superRefine(rangeRules);
export type SalesQuery = z.output<typeof salesQuerySchema>;

export type SendKind = (typeof SEND_KINDS)[number];

export const sendsQuerySchema = z
  .object({
    ...rangeFields,
    member: id.optional(),
    kind: z.enum(SEND_KINDS, { error: `kind must be one of ${SEND_KINDS.join(", ")}` }).default("all"),
  })
  .superRefine(rangeRules);
export type SendsQuery = z.output<typeof sendsQuerySchema>;

/** One message a member sent through Vuedeck (the chats behind the figures). Money in cents. */
export type MemberSend = {
  id: string;
  sentAt: string;
  creator: { id: string; handle: string; displayName: string };
  fan: { uuid: string; handle: string | null; name: string | null };
  /** The message's first 160 characters; null without chats:read or for media only. */
  text: string | null;
  mediaCount: number;
  price: number | null;
  unlocked: boolean;
  /** How long the fan had waited, when this was a first reply. */
  replyMs: number | null;
};

export type SendsPage = { sends: MemberSend[]; total: number; limit: number };

export const reassignBodySchema = z.object({
  /** The member to credit; null credits nobody ("Fanvue (not through Vuedeck)"). */
  userId: id.nullable(),
  reason: z
    .string({ error: "reason is required" })
    .trim()
    .min(3, { error: "reason must say why (at least 3 characters)" })
    .max(500, { error: "reason must be at most 500 characters" }),
});
export type ReassignBody = z.input<typeof reassignBodySchema>;

/** One member's figures (or "Fanvue (not through Vuedeck)" when userId is null). Money in cents. */
export type MemberFigures = {
  userId: string | null;
  name: string;
  /** Their role now; null when no longer a member (their past sales stay theirs). */
  role: string | null;
  gross: number;
  net: number;
  sales: number;
  ppvsSent: number;
  /** PPVs sent in the range that a fan has unlocked (by now). */
  ppvsUnlocked: number;
  /** ppvsUnlocked / ppvsSent; null when none were sent. */
  unlockRate: number | null;
  messages: number;
  fansAnswered: number;
  /** Replies to a fan who was waiting, and the median wait they ended (milliseconds); null: none. */
  replies: number;
  medianReplyMs: number | null;
  /** Minutes on shift in the range (shifts are per workspace: with a creator filter, all of them). */
  shiftMinutes: number;
  /** Revenue credited per hour on shift, in cents; null without shift time. */
  revenuePerHour: number | null;
  massMessages: number;
};

export type Performance = {
  range: ResolvedRange & { preset: string };
  /** "own": a chatter sees only their own figures. */
  scope: "all" | "own";
  creators: { id: string; handle: string; displayName: string }[];
  creatorId: string | null;
  members: MemberFigures[];
  totals: Pick<MemberFigures, "gross" | "net" | "sales" | "ppvsSent" | "ppvsUnlocked" | "messages" | "massMessages">;
  /** When the ledger was last synced for these creators (sales after it are not in yet). */
  ledgerSyncedAt: string | null;
  canReassign: boolean;
};

export type Sale = {
  id: string;
  occurredAt: string;
  creator: { id: string; handle: string; displayName: string };
  fan: { uuid: string | null; handle: string | null; name: string | null };
  source: string;
  rule: AttributionRule;
  gross: number;
  net: number;
  userId: string | null;
  userName: string | null;
  /** The send behind it: its price and when it went out. */
  sentAt: string | null;
  reassigned: { at: string; by: string; reason: string; fromName: string | null } | null;
};

export type SalesPage = {
  sales: Sale[];
  total: number;
  /** Only the first `limit` sales are listed; the CSV has them all. */
  limit: number;
};

export type PerformanceUrl = UrlState<typeof performanceUrlSchema>;
