import { z } from "zod";
import { earningsQuerySchema, type ResolvedRange } from "./earnings";
import { rangeFields, rangeRules } from "./range";

export * from "./subscriber-trends-values";

// Subscriber trends: new, renewed, lapsed and net paid subscribers per day,
// week or month in the viewer's zone (from our ledger), beside Fanvue's own
// new and cancelled counts (trials included), and the auto-renew-off share
// Vuedeck records once a day.

const granularity = earningsQuerySchema.shape.granularity;

export const subscriberTrendsQuerySchema = z.object({ ...rangeFields("90d"), granularity }).superRefine(rangeRules);
export type SubscriberTrendsQuery = z.output<typeof subscriberTrendsQuerySchema>;

/** Fanvue's counts for a bucket; null when Fanvue's answer is unavailable (never a zero). */
export type FanvueCounts = {
  /** New subscribers as Fanvue counts them, free trials and free subscriptions included. */
  fanvueNew: number | null;
  cancelled: number | null;
  /** Fanvue's new minus our new paid, never below 0. */
  trials: number | null;
};

export type SubscriberTrendsRow = FanvueCounts & {
  /** Local start of the bucket (YYYY-MM-DD; weeks start Monday). */
  bucket: string;
  /** Cut by the range's edges or still running. */
  partial: boolean;
  /** Distinct fans with a paid new subscription in the bucket (ledger). */
  newPaid: number;
  /** Distinct fans with a paid renewal in the bucket (ledger). */
  renewed: number;
  /** Paid subscribers whose last payment was LAPSE_DAYS before an instant in the bucket, with none since. */
  lapsed: number;
  /** newPaid − lapsed. */
  netPaid: number;
};

export type FanvueState =
  | { state: "fresh"; fetchedAt: string }
  /** Fanvue failed: its last good answer, with its age and why; `retrying` when asking again can help. */
  | { state: "stale"; fetchedAt: string; reason: string; retrying: boolean }
  /** Fanvue failed and no earlier answer is kept: its columns are empty, the ledger's stand. */
  | { state: "unavailable"; reason: string; retrying: boolean };

/** One day of Vuedeck's record (UTC day), summed over the creators in scope. */
export type AutoRenewPoint = {
  day: string;
  subscribers: number;
  known: number;
  autoRenewOff: number;
  /** autoRenewOff ÷ known; null when no subscriber's setting is known. */
  share: number | null;
};

export type SubscriberTrends = {
  range: ResolvedRange & { granularity: SubscriberTrendsQuery["granularity"] };
  rows: SubscriberTrendsRow[];
  /** Sums of the buckets' counts (a fan new in two buckets counts twice). */
  totals: Omit<SubscriberTrendsRow, "bucket" | "partial">;
  fanvue: FanvueState;
  /** Fanvue's requests: one per span of one UTC offset (the zone's DST changes split the range). */
  fanvueSpans: { startDate: string; endDate: string }[];
  autoRenew: { since: string | null; points: AutoRenewPoint[] };
  ledgerSyncedAt: string | null;
};
