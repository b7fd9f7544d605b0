import { z } from "zod";
import { earningsQuerySchema, type ResolvedRange } from "./earnings";
import { rangeFields as rangeFieldsOf, rangeRules } from "./range";

export * from "./payouts-values";

// Shifts and payouts: shared by the routes, the pages and the CSV. Money in
// integer cents; rates in basis points (commission) and cents per hour.

const id = z.string().min(1).max(64);

const rangeFields = rangeFieldsOf("last_month");

/** A pay period (default last month in the viewer's zone). */
export const periodQuerySchema = z.object(rangeFields).superRefine(rangeRules);
export type PeriodQuery = z.output<typeof periodQuerySchema>;

/** Shifts in a range, one member's or everyone's the viewer may see. */
export const shiftsQuerySchema = z
  .object({ ...rangeFields, range: earningsQuerySchema.shape.range.default("7d"), member: id.optional() })
  .superRefine(rangeRules);
export type ShiftsQuery = z.output<typeof shiftsQuerySchema>;

const reason = z
  .string({ error: "reason is required" })
  .trim()
  .min(3, { error: "reason must say why (at least 3 characters)" })
  .max(500, { error: "reason must be at most 500 characters" });

const instant = z.iso.datetime({ offset: true, error: "must be an ISO date-time" });

export const shiftCorrectionSchema = z
  .object({ startedAt: instant, endedAt: instant, reason })
  .refine((b) => Date.parse(b.endedAt) > Date.parse(b.startedAt), {
    path: ["endedAt"],
    message: "endedAt must be after startedAt",
  })
  .refine((b) => Date.parse(b.endedAt) - Date.parse(b.startedAt) <= 24 * 3_600_000, {
    path: ["endedAt"],
    message: "a shift is at most 24 hours",
  });
export type ShiftCorrection = z.output<typeof shiftCorrectionSchema>;

export const shiftSettingsSchema = z.object({
  // 5 min: shorter would close a shift while someone reads a long chat; 8 h: a whole shift.
  idleMinutes: z.number().int().min(5, { error: "at least 5 minutes" }).max(480, { error: "at most 480 minutes" }),
});

export const commissionRuleSchema = z.object({
  rateBps: z.number().int().min(0).max(10_000, { error: "at most 100 %" }),
  hourlyCents: z.number().int().min(0).max(100_000, { error: "at most $1,000.00 an hour" }).nullable(),
});
export type CommissionRuleBody = z.output<typeof commissionRuleSchema>;

export const memberParams = z.object({ workspaceId: z.string(), userId: id });

export type ShiftRow = {
  id: string;
  userId: string;
  userName: string;
  startedAt: string;
  /** null while open. */
  endedAt: string | null;
  endReason: "clock_out" | "idle" | "corrected" | null;
  /** Minutes inside the asked range (an open shift counts up to now). */
  minutes: number;
  corrected: { at: string; by: string; reason: string } | null;
};

export type CurrentShift = {
  /** May this member clock in (the inbox roles)? */
  canClock: boolean;
  shift: ShiftRow | null;
  idleMinutes: number;
};

export type ShiftsPage = {
  range: ResolvedRange;
  scope: "all" | "own";
  members: { userId: string; name: string; minutes: number }[];
  shifts: ShiftRow[];
  idleMinutes: number;
  canCorrect: boolean;
  canSetIdle: boolean;
};

export type StatementSale = {
  id: string;
  occurredAt: string;
  creator: string;
  source: string;
  rule: string;
  gross: number;
  /** The sale's net rounded to the cent, for the line; the total uses the exact sum. */
  net: number;
};

export type StatementShift = { id: string; startedAt: string; endedAt: string; minutes: number; endReason: string };

export type Statement = {
  member: { userId: string; name: string };
  period: { from: string; to: string; tz: string; startUtc: string; endUtc: string; preset: string };
  rule: { rateBps: number; hourlyCents: number | null };
  sales: StatementSale[];
  shifts: StatementShift[];
  totals: {
    sales: number;
    gross: number;
    /** round(exact sum of net): the commission's base, shown. */
    net: number;
    /** The exact sum of net in cents (4 decimals), as text. */
    netExact: string;
    commission: number;
    minutes: number;
    hourlyPay: number;
    total: number;
  };
  paid: { at: string; by: string } | null;
  canManage: boolean;
  /** What the workspace's ledger covered when these figures were read (its last sync);
   * a paid statement keeps the instant it was frozen at (null in ones paid before it was recorded). */
  ledgerAsOf: string | null;
};

export type PayoutMember = {
  userId: string;
  name: string;
  role: string;
  rule: { rateBps: number; hourlyCents: number | null } | null;
  net: number;
  minutes: number;
  total: number;
  paid: boolean;
};

export type PayoutsList = {
  period: Statement["period"];
  scope: "all" | "own";
  members: PayoutMember[];
  canManage: boolean;
  /** What the workspace's ledger covers (its creators' oldest sync watermark); null before every creator's first sync. */
  ledgerAsOf: string | null;
};

// ─── The agency's share of a creator it runs ───

export const agencyShareSchema = z.object({
  rateBps: z
    .number({ error: "rateBps must be a number of basis points" })
    .int({ error: "rateBps must be a whole number of basis points" })
    .min(0, { error: "rateBps must be at least 0" })
    .max(10_000, { error: "rateBps must be at most 10000 (100 %)" }),
});
export type AgencyShareBody = z.output<typeof agencyShareSchema>;

/** One source of the creator's earnings in the period. Money in cents. */
export type AgencyShareLine = { source: string; transactions: number; gross: number; net: number };

/** What the agency takes from a creator for a period: the creator's net × the agreed share, rounded once. */
export type AgencyShareStatement = {
  creator: { id: string; handle: string; displayName: string };
  period: { from: string; to: string; tz: string; startUtc: string; endUtc: string; partial: boolean };
  /** null while no share is agreed. */
  rule: { rateBps: number; updatedAt: string; updatedBy: string } | null;
  lines: AgencyShareLine[];
  totals: {
    transactions: number;
    gross: number;
    /** Fanvue's cut: gross − net. */
    fanvueFee: number;
    net: number;
    agencyShare: number;
    creatorKeeps: number;
  };
  ledgerSyncedAt: string | null;
  canSetRate: boolean;
};
