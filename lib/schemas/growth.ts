import { z } from "zod";
import { SOURCES, type ResolvedRange } from "./earnings";
import { rangeFields, rangeRules } from "./range";

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

export const bestTimesUrlSchema = z.object({
  range: rangeFields("90d").range,
  from: z.string().max(10).optional(),
  to: z.string().max(10).optional(),
  source,
});

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
