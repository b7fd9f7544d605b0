import { z } from "zod";
import type { UrlState } from "@/lib/url-state/fields";
import { timeZoneField } from "./viewer";
import { PRESETS, SOURCES, earningsUrlSchema } from "./earnings-values";

export * from "./earnings-values";

// The earnings API's inputs and outputs, shared by the route, the page and the CSV.

export type SourceGroup = (typeof SOURCES)[number];

/** Fanvue sources outside the main six are grouped as "others". */
export const sourceGroup = (s: string): SourceGroup =>
  (SOURCES as readonly string[]).includes(s) && s !== "others" ? (s as SourceGroup) : "others";

export type Preset = (typeof PRESETS)[number];

const ymd = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "must be a date like 2026-11-29" })
  .refine(
    (v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
    { error: "is not a real date" },
  );

export const earningsQuerySchema = z
  .object({
    range: z.enum(PRESETS, { error: `range must be one of ${PRESETS.join(", ")}` }).default("30d"),
    from: ymd.optional(),
    to: ymd.optional(),
    tz: timeZoneField.default("UTC"),
    granularity: z.enum(["day", "week", "month"], { error: "granularity must be day, week or month" }).default("day"),
    sources: z
      .string()
      .optional()
      .transform((v) => (v ? v.split(",").filter(Boolean) : []))
      .refine((list) => list.every((s) => (SOURCES as readonly string[]).includes(s)), {
        error: `sources must be among ${SOURCES.join(", ")}`,
      }),
  })
  .superRefine((q, ctx) => {
    if (q.range !== "custom") return;
    if (!q.from) ctx.addIssue({ code: "custom", path: ["from"], message: "from is required for a custom range" });
    if (!q.to) ctx.addIssue({ code: "custom", path: ["to"], message: "to is required for a custom range" });
    if (q.from && q.to && q.to < q.from)
      ctx.addIssue({ code: "custom", path: ["to"], message: "to must be on or after from" });
    if (q.from && q.to && Date.parse(q.to) - Date.parse(q.from) > 5 * 366 * 86_400_000) {
      ctx.addIssue({ code: "custom", path: ["from"], message: "the range must be at most 5 years" });
    }
  });
export type EarningsQuery = z.output<typeof earningsQuerySchema>;

export type EarningsUrl = UrlState<typeof earningsUrlSchema>;

export type Money = { gross: number; net: number };

export type Totals = Money & { transactions: number; payingFans: number; avgPerPayingFan: Money | null };

export type ResolvedRange = {
  from: string;
  to: string;
  tz: string;
  startUtc: string;
  endUtc: string;
  partial: boolean;
};

export type EarningsReport = {
  currency: "USD";
  range: ResolvedRange & { granularity: "day" | "week" | "month"; preset: Preset };
  previous: ResolvedRange & { effectiveEndUtc: string };
  totals: Totals;
  previousTotals: Totals;
  refunds: Money & { count: number };
  series: {
    bucket: string;
    partial: boolean;
    bySource: Partial<Record<SourceGroup, Money>>;
    gross: number;
    net: number;
    /** Gross of money announced by webhook in this bucket, not in the ledger yet (not in `gross`). */
    provisionalGross: number;
  }[];
  bySource: { source: SourceGroup; gross: number; net: number; transactions: number }[];
  topSpenders: {
    fanUuid: string;
    handle: string | null;
    name: string | null;
    gross: number;
    net: number;
    transactions: number;
  }[];
  sync: SyncStatus;
  /** Money in the range Fanvue announced by webhook after the ledger's last sync: not in
   * `totals`, `series[].gross` or `bySource`; figures that show it add it and say so. */
  provisional: Provisional;
};

/** A tip, purchase or subscription Fanvue announced (webhook) that the ledger does not hold yet. */
export type ProvisionalEvent = {
  creatorId: string;
  kind: "tip-received" | "purchase-received" | "new-subscriber";
  source: SourceGroup;
  /** Cents, what the fan paid; the creator's net is known only once the ledger has the row. */
  gross: number;
  at: string;
  /** The report's bucket (viewer's zone) it falls in. */
  bucket: string;
  fanHandle: string | null;
  fanName: string | null;
};

/** `events`: the newest few (the count and gross cover them all); `byCreator`: gross per creator id. */
export type Provisional = {
  count: number;
  gross: number;
  events: ProvisionalEvent[];
  byCreator: Record<string, number>;
};

export type SyncStatus = {
  state: "never" | "backfilling" | "syncing" | "idle" | "failed" | "paused";
  lastSyncedAt: string | null;
  /** What the ledger covers: everything before this instant is in (the oldest of the creators'); null before the first sync. */
  asOf: string | null;
  error: string | null;
  progress: {
    rowsDone: number;
    reachedAt: string | null;
    runFrom: string | null;
    runUntil: string | null;
    fraction: number | null;
  } | null;
  refundsAvailable: boolean;
};

/** A post published or a mass message sent, drawn on the earnings chart. */
export type EarningsMarker = { kind: "post" | "mass"; id: string; at: string; bucket: string; label: string };
export type EarningsMarkers = {
  markers: EarningsMarker[];
  /** Older items in the range were not read (only the newest are walked). */
  truncated: boolean;
  /** Fanvue could not be read: only what Vuedeck recorded is shown. */
  partial: string | null;
};

/** All creators of an agency: the combined report and a row per creator. */
export type AgencyEarnings = EarningsReport & {
  creators: {
    creator: { id: string; handle: string; displayName: string; avatarUrl: string | null };
    totals: { gross: number; net: number; transactions: number; payingFans: number };
    previousTotals: { gross: number; net: number; transactions: number; payingFans: number };
    sync: EarningsReport["sync"];
  }[];
};
