import type { Money, ResolvedRange } from "./earnings";

// "Why does this number differ?": the reconciliation of the ledger's figure
// for a range (the viewer's days) with Fanvue's own earnings summary. Every
// amount is whole cents; the bridge's lines add up exactly (any rounding or
// unexplained remainder is a line of its own, never hidden).

/** An amount and how many payments make it up. */
export type Counted = Money & { count: number };

/** Payments in [fromUtc, toUtc): `sign` +1 when the viewer's range includes
 * them and Fanvue's UTC days do not, −1 the other way round. */
export type EdgeLine = Counted & { sign: 1 | -1; fromUtc: string; toUtc: string };

export type UnsyncedRow = { at: string; source: string; gross: number; net: number; fanHandle: string | null };

export type Reconciliation = {
  creator: { id: string; handle: string };
  range: ResolvedRange;
  /** The same calendar days as UTC days, as Fanvue's own screens count them. */
  utcRange: { startUtc: string; endUtc: string };
  fanvue: {
    /** Fanvue's earnings summary for the UTC days. */
    utc: Money;
    /** Fanvue's summary asked for the viewer's days; `zone` is the zone Fanvue says it used. */
    local: Money & { zone: string; honoured: boolean };
    readAt: string;
    /** Fanvue summed the dates asked (its answer's `period`); if not, Vuedeck summed its daily buckets in them. */
    windowApplied: boolean;
  };
  bridge: {
    startEdge: EdgeLine;
    endEdge: EdgeLine;
    /** Payments Fanvue lists that the ledger does not hold yet (inside the viewer's range). */
    unsynced: Counted & { rows: UnsyncedRow[]; capped: boolean; since: string | null };
    /** What no line explains (rounding of fractional cents included); zero when everything agrees. */
    unexplained: Money;
  };
  /** The ledger's figure: what the KPI shows. */
  ledger: Counted;
  reversals: { available: boolean; refunds: Counted; chargebacks: Counted };
  /** The ledger's figure less refunds and chargebacks. */
  afterReversals: Money;
  /** gross − net of the ledger's figure. */
  fanvueShare: { cents: number; basisPoints: number | null };
  /** The ledger's net by Fanvue's transactionOrderStatus (as last read). */
  payout: { available: number; pending: number; unknown: number };
  sync: { lastSyncedAt: string | null; watermark: string | null };
};
