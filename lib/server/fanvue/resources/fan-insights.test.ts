import { describe, expect, it } from "vitest";
import { fanInsightsSchema } from "./fan-insights";

// Amounts as Fanvue's reference names them: `total`, with `gross` the
// deprecated name of the same figure.
const entry = (amount: Record<string, number>) => ({
  status: "subscriber",
  spending: {
    lastPurchaseAt: null,
    total: amount,
    maxSinglePayment: amount,
    sources: { renewal: amount, tips: { gross: 250 } },
  },
  subscription: { createdAt: null, renewsAt: null, autoRenewalEnabled: false },
});

describe("fan insight amounts", () => {
  it("reads `total` when both names are sent, even when they differ", () => {
    const s = fanInsightsSchema.parse(entry({ gross: 1000, total: 1250 })).spending!;
    expect(s.total).toBe(1250);
    expect(s.maxSinglePayment).toBe(1250);
    expect(s.sources).toEqual({ renewal: 1250, tips: 250 });
  });

  it("falls back to the deprecated `gross`; fractions of a cent round half away from zero", () => {
    expect(fanInsightsSchema.parse(entry({ gross: 999.5 })).spending!.total).toBe(1000);
  });

  it("no figure at all is null (shown as —), never a zero", () => {
    expect(fanInsightsSchema.parse(entry({})).spending!.total).toBeNull();
  });
});
