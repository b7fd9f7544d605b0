import { describe, expect, it } from "vitest";
import type { FanInsight } from "@/generated/prisma/client";
import { classify, DEFAULT_TIMINGS as T, retryDelayMs, toView } from "@/lib/server/fans/insights/insight-state";

const NOW = Date.parse("2026-05-01T12:00:00.000Z");
const ago = (ms: number) => new Date(NOW - ms);

function row(over: Partial<FanInsight>): FanInsight {
  return {
    creatorId: "c",
    fanUuid: "f",
    state: "ok",
    checkedAt: ago(1000),
    fetchedAt: ago(1000),
    status: "subscriber",
    totalGross: 1234,
    maxPayment: 999,
    lastPurchaseAt: ago(86_400_000),
    sources: { subscription: 999, tips: 235 },
    subscribedAt: ago(40 * 86_400_000),
    renewsAt: new Date(NOW + 20 * 86_400_000),
    autoRenew: true,
    expiredAt: null,
    expiredAtEstimated: false,
    errorCount: 0,
    retryAt: null,
    lastError: null,
    leaseOwner: null,
    leaseUntil: null,
    ...over,
  };
}

describe("classify", () => {
  it("fetches what was never answered", () => {
    expect(classify(undefined, NOW, T)).toBe("fetch");
    expect(classify(row({ state: "pending", fetchedAt: null }), NOW, T)).toBe("fetch");
  });
  it("serves fresh data, and stale data while refreshing it", () => {
    expect(classify(row({ fetchedAt: ago(T.freshMs - 1) }), NOW, T)).toBe("fresh");
    expect(classify(row({ fetchedAt: ago(T.freshMs) }), NOW, T)).toBe("stale");
  });
  it("remembers not_found/forbidden briefly", () => {
    expect(classify(row({ state: "not_found", checkedAt: ago(T.negativeMs - 1) }), NOW, T)).toBe("negative");
    expect(classify(row({ state: "forbidden", checkedAt: ago(T.negativeMs + 1) }), NOW, T)).toBe("fetch");
  });
  it("waits for an internal error's retry time; then refetches (or refreshes old data)", () => {
    const err = { state: "error", retryAt: new Date(NOW + 1000) };
    expect(classify(row({ ...err, fetchedAt: null }), NOW, T)).toBe("wait_error");
    expect(classify(row({ ...err, fetchedAt: null, retryAt: ago(1) }), NOW, T)).toBe("fetch");
    expect(classify(row({ ...err, retryAt: ago(1) }), NOW, T)).toBe("stale");
  });
});

describe("toView", () => {
  it("never turns an error into zeros: no data stays null, old data stays with its age", () => {
    const noData = toView(
      row({
        state: "error",
        fetchedAt: null,
        totalGross: null,
        status: null,
        lastError: "boom",
        retryAt: new Date(NOW + 5000),
      }),
      NOW,
      T,
    );
    expect(noData).toMatchObject({ state: "error", data: null, error: { kind: "internal", message: "boom" } });
    const withData = toView(row({ state: "error", fetchedAt: ago(T.freshMs * 3) }), NOW, T);
    expect(withData.data?.totalGross).toBe(1234);
    expect(withData.stale).toBe(true);
  });
  it("maps data and marks staleness", () => {
    const v = toView(row({}), NOW, T);
    expect(v).toMatchObject({
      state: "ok",
      stale: false,
      data: { totalGross: 1234, sources: { tips: 235 }, autoRenew: true },
    });
    expect(toView(row({ state: "not_found" }), NOW, T)).toMatchObject({ state: "not_found", data: null });
  });
  it("backs off retries exponentially up to the cap", () => {
    expect([1, 2, 3, 10].map((n) => retryDelayMs(n, T))).toEqual([30_000, 60_000, 120_000, 600_000]);
  });
});
