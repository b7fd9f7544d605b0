import "server-only";
import type { FanInsight } from "@/generated/prisma/client";
import type { InsightData, InsightView } from "@/lib/schemas/fans";

// What a cached row means now (pure: unit-tested in insight-state.test.ts).

export type InsightTimings = {
  /** Served without a refresh this long after fetching. */
  freshMs: number;
  /** not_found/forbidden are remembered this long. */
  negativeMs: number;
  /** First retry of an `internal` answer; doubles per failure up to the max. */
  errorRetryMs: number;
  errorRetryMaxMs: number;
  /** A fetching process holds its fans this long at most (crash safety). */
  leaseMs: number;
};

export const DEFAULT_TIMINGS: InsightTimings = {
  // 5 min: a busy inbox re-opens the same fans all day; each refresh spends
  // the creator's shared rate budget, while spend rarely moves faster.
  freshMs: 5 * 60_000,
  // 10 min: "not a fan" is rarely wrong for long; a new follower shows soon.
  negativeMs: 10 * 60_000,
  // 30 s doubling to 10 min: Fanvue's `internal` is usually a blip.
  errorRetryMs: 30_000,
  errorRetryMaxMs: 10 * 60_000,
  // 45 s: one batch call incl. rate-limit queueing and 3 attempts × 15 s.
  leaseMs: 45_000,
};

export type Verdict = "fresh" | "stale" | "negative" | "wait_error" | "fetch";

const ms = (d: Date | null) => (d ? d.getTime() : null);

/** fresh/negative: answer from the cache; stale: answer now, refresh in the
 * background; wait_error: an `internal` answer not yet due for a retry;
 * fetch: ask Fanvue before answering. */
export function classify(row: FanInsight | undefined, now: number, t: InsightTimings): Verdict {
  if (!row || row.state === "pending") return "fetch";
  const fetchedAt = ms(row.fetchedAt);
  if (row.state === "ok") return fetchedAt !== null && now - fetchedAt < t.freshMs ? "fresh" : "stale";
  if (row.state === "not_found" || row.state === "forbidden") {
    const checkedAt = ms(row.checkedAt);
    return checkedAt !== null && now - checkedAt < t.negativeMs ? "negative" : "fetch";
  }
  // error: keep serving old data (if any) until the retry is due.
  const due = row.retryAt === null || row.retryAt.getTime() <= now;
  if (!due) return "wait_error";
  return fetchedAt !== null ? "stale" : "fetch";
}

/** Seconds until the next try after `errorCount` consecutive failures. */
export function retryDelayMs(errorCount: number, t: InsightTimings) {
  return Math.min(t.errorRetryMaxMs, t.errorRetryMs * 2 ** Math.max(0, errorCount - 1));
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function insightData(row: FanInsight): InsightData | null {
  if (row.fetchedAt === null || row.status === null) return null;
  const sources = (row.sources ?? {}) as Record<string, number>;
  return {
    status: row.status,
    totalGross: row.totalGross,
    maxPayment: row.maxPayment,
    lastPurchaseAt: iso(row.lastPurchaseAt),
    sources,
    subscribedAt: iso(row.subscribedAt),
    renewsAt: iso(row.renewsAt),
    autoRenew: row.autoRenew,
    expiredAt: iso(row.expiredAt),
    expiredAtEstimated: row.expiredAtEstimated,
  };
}

export type ViewExtra = { refreshing?: boolean; failure?: { kind: string; message: string } };

export function toView(
  row: FanInsight | undefined,
  now: number,
  t: InsightTimings,
  extra: ViewExtra = {},
): InsightView {
  const base = {
    stale: false,
    refreshing: extra.refreshing ?? false,
    error: null,
    retryAt: null,
    fetchedAt: null,
    data: null,
  };
  if (extra.failure || !row || row.state === "pending") {
    const data = row ? insightData(row) : null;
    const failure = extra.failure ?? { kind: "upstream", message: "Fanvue did not answer for this fan yet." };
    return {
      ...base,
      state: "error",
      data,
      fetchedAt: data ? iso(row!.fetchedAt) : null,
      stale: data !== null,
      error: failure,
    };
  }
  if (row.state === "not_found" || row.state === "forbidden") return { ...base, state: row.state };
  const data = insightData(row);
  const fetchedAt = iso(row.fetchedAt);
  const stale = row.fetchedAt === null || now - row.fetchedAt.getTime() >= t.freshMs;
  if (row.state === "ok") return { ...base, state: "ok", data, fetchedAt, stale };
  return {
    ...base,
    state: "error",
    data,
    fetchedAt,
    stale: data !== null,
    error: { kind: "internal", message: row.lastError ?? "Fanvue could not load this fan's insights." },
    retryAt: iso(row.retryAt),
  };
}

export const unsupportedView = (): InsightView => ({
  state: "unsupported",
  data: null,
  fetchedAt: null,
  stale: false,
  refreshing: false,
  error: {
    kind: "unsupported",
    message: "Fan spending is not available for agency-managed creators through Fanvue's API.",
  },
  retryAt: null,
});
