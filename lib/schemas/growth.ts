import { z } from "zod";
import { SOURCES, type ResolvedRange } from "./earnings";
import { rangeFields, rangeRules } from "./range";

export * from "./growth-values";

// Growth analytics: when fans pay (best times). Money in integer cents
// (gross, as Fanvue records it per sale: whole cents, so cells add up exactly).

const source = z
  .enum(["all", ...SOURCES], { error: `source must be all or one of ${SOURCES.join(", ")}` })
  .default("all");

export const bestTimesQuerySchema = z.object({ ...rangeFields("90d"), source }).superRefine(rangeRules);
export type BestTimesQuery = z.output<typeof bestTimesQuerySchema>;

/** One weekday × hour cell: ISO weekday 1 (Monday) – 7, local hour 0–23. */
export type BestTimesCell = { weekday: number; hour: number; gross: number; sales: number };

export type BestTimes = {
  range: ResolvedRange;
  source: BestTimesQuery["source"];
  /** Only cells with sales; the rest are 0. */
  cells: BestTimesCell[];
  total: { gross: number; sales: number };
  /** Posts published and mass messages sent through Vuedeck in the range, on the same grid. */
  markers: { weekday: number; hour: number; kind: "post" | "mass"; at: string }[];
  ledgerSyncedAt: string | null;
};

// ─── Retention ───

export const retentionQuerySchema = z.object({
  months: z.coerce
    .number({ error: "months must be 6, 12 or 24" })
    .int()
    .refine((m) => [6, 12, 24].includes(m), { error: "months must be 6, 12 or 24" })
    .default(12),
  tz: rangeFields("90d").tz,
});
export type RetentionQuery = z.output<typeof retentionQuerySchema>;

/** A monthly cohort: fans whose first paid subscription fell in `month`, and how many paid again k months on. */
export type RetentionCohort = {
  /** YYYY-MM in the viewer's zone. */
  month: string;
  size: number;
  /** retained[k] = fans of the cohort who paid a subscription or renewal in month + k (k = 0 is the cohort). */
  retained: number[];
};

export type Retention = {
  tz: string;
  cohorts: RetentionCohort[];
  /** Average share of a cohort lost in its first month (fans who did not renew), over cohorts old enough. */
  firstMonthChurn: number | null;
  ledgerSyncedAt: string | null;
};

// ─── Cohort value ───

/** Days after a fan's first payment at which cumulative value is read (curves and table). */
export const CHECKPOINT_DAYS = [7, 14, 30, 60, 90, 120, 150, 180] as const;

export const cohortValueQuerySchema = retentionQuerySchema.extend({
  by: z.enum(["month", "link"], { error: "by must be month or link" }).default("month"),
});
export type CohortValueQuery = z.output<typeof cohortValueQuerySchema>;

/** Fans grouped by the month of their first payment (in the viewer's zone) or by the tracking link they came through. */
export type ValueCohort = {
  /** YYYY-MM, or the tracking link's uuid. */
  key: string;
  /** The month, or the link's name. */
  label: string;
  /** Fans in the cohort: paying fans for a month; every fan the link brought in for a link. */
  fans: number;
  /** Fans with at least one paid ledger row (the value's denominator). */
  paying: number;
  /** Per checkpoint: average net cents per paying fan in the first N days after their first payment,
   * over the paying fans whose first payment is more than N days old (`mature`); null when none is. */
  value: (number | null)[];
  mature: number[];
  /** Share of the cohort's subscribers (first payment more than 35 days ago) who renewed at least once; null when none. */
  renewalRate: number | null;
  subscribers: number;
};

export type CohortValue = {
  tz: string;
  by: CohortValueQuery["by"];
  days: readonly number[];
  cohorts: ValueCohort[];
  ledgerSyncedAt: string | null;
  /** For `link`: when the tracking links' fans were last synced from Fanvue. */
  linksSyncedAt: string | null;
};
