import { z } from "zod";
import { FAN_SORTS, SEGMENT_KINDS, type SegmentKind } from "./fans-values";

export * from "./fans-values";

// Fans: the table, the fan panel, notes/tags, segments, analysis, forecast.
// Shared by route handlers (input parsing) and the client (types).

export const FAN_PAGE_MAX = 50; // Fanvue's own page cap on /subscribers and /followers

export const fanUuidSchema = z
  .string()
  .trim()
  .regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, "must be a fan id (UUID)")
  .transform((s) => s.toLowerCase());

export const tagSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "a tag cannot be empty")
  .max(32, "a tag is at most 32 characters")
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} _-]*$/u, "tags use letters, digits, spaces, - and _");

export const noteBodySchema = z.object({
  body: z.string().trim().min(1, "a note cannot be empty").max(2000, "a note is at most 2,000 characters"),
});

// ─── Segments ────────────────────────────────────────────────────────────────

const int = (min: number, max: number) => z.coerce.number().int(`must be a whole number`).min(min).max(max);

/** Each kind with its parameters; unknown parameters are refused (strict). */
export const SEGMENT_PARAMS = {
  top_spenders: z.strictObject({ percent: z.coerce.number().min(0.1).max(100).default(5) }),
  auto_renew_off: z.strictObject({}),
  renewing_soon: z.strictObject({ days: int(1, 90).default(7) }),
  expired_recently: z.strictObject({ days: int(1, 365).default(30) }),
  // Cents, like every amount in the API.
  spent_over: z.strictObject({ amount: int(1, 100_000_000) }),
  lapsed_big_spenders: z.strictObject({ minSpend: int(1, 100_000_000).default(10_000), days: int(1, 365).default(30) }),
} as const satisfies Record<SegmentKind, z.ZodType>;
export type SegmentParams = Record<string, number>;
export type SegmentDef = { kind: SegmentKind; params: SegmentParams };

export const segmentCreateSchema = z.object({
  name: z.string().trim().min(1, "name the segment").max(60),
  kind: z.enum(SEGMENT_KINDS),
  params: z.record(z.string(), z.union([z.number(), z.string()])).default({}),
});

export type SegmentView = {
  id: string;
  name: string;
  kind: SegmentKind;
  params: SegmentParams;
  createdByName: string;
  createdAt: string;
};

// ─── The table ───────────────────────────────────────────────────────────────

export type FanSort = (typeof FAN_SORTS)[number];
export type FanList = "subscribers" | "followers" | "all";

/** Query of GET /fans. `seg.<name>` keys carry the segment's parameters. */
export const fansQuerySchema = z.looseObject({
  list: z.enum(["subscribers", "followers", "all"]).default("subscribers"),
  page: int(1, 100_000).default(1),
  size: z.coerce.number().int().min(1).max(FAN_PAGE_MAX, `size must be at most ${FAN_PAGE_MAX}`).default(25),
  // Exact @handle, or part of a name, nickname or handle (on the roster).
  search: z.string().trim().max(100, "search is at most 100 characters").optional(),
  sort: z.enum(FAN_SORTS).default("recent"),
  dir: z.enum(["asc", "desc"]).optional(),
  tag: tagSchema.optional(),
  segment: z.string().trim().max(40).optional(),
});
export type FansQuery = z.output<typeof fansQuerySchema>;

export type InsightData = {
  status: string;
  totalGross: number | null;
  maxPayment: number | null;
  lastPurchaseAt: string | null;
  sources: Record<string, number>;
  subscribedAt: string | null;
  renewsAt: string | null;
  autoRenew: boolean | null;
  expiredAt: string | null;
  expiredAtEstimated: boolean;
};

/** One fan's insights as the API returns them. `data` is the last good
 * answer (kept through later failures); `state` is the latest outcome. */
export type InsightView = {
  state: "ok" | "not_found" | "forbidden" | "error" | "unsupported";
  data: InsightData | null;
  fetchedAt: string | null;
  stale: boolean;
  refreshing: boolean;
  error: { kind: string; message: string } | null;
  retryAt: string | null;
};

export type FanProfile = {
  uuid: string;
  handle: string;
  displayName: string | null;
  nickname: string | null;
  avatarUrl: string | null;
  isTopSpender: boolean;
  list: "subscribers" | "followers" | null;
  /** On Fanvue since (from its lists). */
  registeredAt: string | null;
  /** When Vuedeck first and last saw the fan in a list or webhook (roster). */
  firstSeenAt: string | null;
  seenAt: string | null;
};

/** `ledger`: lifetime gross/net from the synced earnings ledger, when complete. */
export type FanRow = FanProfile & {
  insight: InsightView;
  ledger: { gross: number; net: number } | null;
  tags: string[];
};

export type Coverage = {
  /** Fans with insights in our database (the analysed part of the list);
   * null where not counted (the fans table counts it only for partial columns). */
  analysed: number | null;
  /** Fans of the list in our database (seen in Fanvue's lists). */
  known: number;
  /** The list's size on Fanvue (smart-list counts); null when unknown. */
  audience: number | null;
  complete: boolean;
  analysedAt: string | null;
};

/** How fresh the fan roster (our copy of Fanvue's lists) is. */
export type RosterView = {
  status: "never" | "running" | "done" | "failed";
  /** The first full sync is running: the roster is still incomplete. */
  firstSync: boolean;
  /** When the last full sync finished. */
  syncedAt: string | null;
  /** When new fans and Fanvue's counts were last checked (head check). */
  checkedAt: string | null;
  /** Fans in the roster now. */
  fans: number;
  /** Fanvue's own count (subscribers + followers), when known. */
  audience: number | null;
  /** A full sync in progress. */
  progress: { listed: number; expected: number | null; etaSec: number | null } | null;
  /** Lists Fanvue would not give at the last sync (their fans are kept as they were). */
  unavailable: string[];
  /** Why the last sync failed, in our words. */
  error: string | null;
};

export type FansPage = {
  /** live: Fanvue's list page as it is now; roster: our copy (see `roster`). */
  mode: "live" | "roster";
  /** Set when Fanvue's live list failed and the roster stands in: why, in our words. */
  fallback: string | null;
  rows: FanRow[];
  page: number;
  size: number;
  hasMore: boolean;
  /** Matching fans (roster mode only; Fanvue's lists give no total). */
  total: number | null;
  roster: RosterView;
  coverage: Coverage;
  /** Columns whose values are missing for part of the list (until analysed). */
  partialColumns: string[];
  insightsAvailable: boolean;
  segment: (SegmentDef & { id: string | null; name: string | null }) | null;
};

export type FanNoteView = {
  id: string;
  body: string;
  authorName: string;
  authorUserId: string | null;
  createdAt: string;
  updatedAt: string;
};

export type FanPanel = {
  fan: FanProfile | null;
  insight: InsightView;
  /** From the synced earnings ledger when it is complete for this creator. */
  ledger: { gross: number; net: number; payments: number; lastAt: string | null } | null;
  notes: FanNoteView[];
  tags: string[];
};

export type TagCount = { tag: string; fans: number };
/** A fan's tags after adding or removing one. */
export type FanTags = { tags: string[] };
/** The id of what was deleted (a note, a segment). */
export type Deleted = { deleted: string };

// ─── Whole-audience analysis ─────────────────────────────────────────────────

export type AnalysisView = {
  supported: boolean;
  /** The audience on Fanvue now (subscribers + followers); null if unknown. */
  audience: number | null;
  /** Upstream calls made and still to make: the progress bar's measure. */
  calls: number;
  remainingCalls: number;
  status: "never" | "queued" | "running" | "done" | "failed" | "cancelled";
  /** listing (the roster sync runs, insights alongside) | insights | retry | done */
  phase: string | null;
  /** Fans listed so far by the roster sync this run follows. */
  listed: number;
  expectedFans: number | null;
  insightsDone: number;
  insightsTotal: number;
  errors: number;
  startedAt: string | null;
  finishedAt: string | null;
  etaSec: number | null;
  lastError: string | null;
};

// ─── Renewal forecast ────────────────────────────────────────────────────────

export const forecastQuerySchema = z.object({
  tz: z.string().max(64).default("UTC"),
  days: int(1, 60).default(30),
  day: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "day must be YYYY-MM-DD")
    .optional(),
});

export type ForecastDay = {
  date: string;
  count: number;
  expectedGross: number;
  atRiskCount: number;
  atRiskGross: number;
  highSpendersAtRisk: number;
};

export type Forecast = {
  tz: string;
  days: ForecastDay[];
  /** Expected gross of one renewal (cents) and where the figure comes from. */
  renewalPrice: number | null;
  priceSource: "ledger" | "estimate" | null;
  /** Lifetime gross from which a fan counts as a high spender (top 10 %). */
  highSpenderMin: number | null;
  coverage: Coverage & { analysed: number };
  insightsAvailable: boolean;
};

export type ForecastFan = FanProfile & {
  renewsAt: string;
  autoRenew: boolean;
  totalGross: number | null;
  highSpender: boolean;
};
export type ForecastDayFans = { date: string; fans: ForecastFan[]; truncated: boolean };
