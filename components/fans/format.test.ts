import { describe, expect, it } from "vitest";
import { getFanInsights } from "@/contract/fanvue/routes/insights";
import { getCreatorEarningsResponseItem } from "@/contract/fanvue/routes/shapes";
import { EARNING_SOURCE_LABELS as SOURCE_LABEL } from "@/lib/schemas/earnings";
import { humanize } from "@/lib/utils/labels";
import { sourceLabel, STATUS_LABEL, statusLabel } from "./format";

// Every value Fanvue's reference lists has a plain label (issue 14, item 10);
// a value it adds later still reads as words.
type EnumLike = { options: string[] };

describe("fan labels", () => {
  it("label every earnings source of the reference, renewal included", () => {
    const sources = (getCreatorEarningsResponseItem.shape.source as unknown as EnumLike).options;
    expect(sources).toContain("renewal");
    for (const s of sources) expect(SOURCE_LABEL[s], s).toBeTruthy();
    expect(sourceLabel("renewal")).toBe("Renewals");
    expect(sourceLabel("tips")).toBe("Tips");
  });

  it("label every fan status of the reference", () => {
    const shape = (getFanInsights.responses[200] as unknown as { shape: { status: EnumLike } }).shape;
    for (const s of shape.status.options) expect(STATUS_LABEL[s], s).toBeTruthy();
    expect(statusLabel("not_contactable")).toBe("Not contactable");
  });

  it("turn an unknown key into words, never a code", () => {
    expect(humanize("loyaltyBonus")).toBe("Loyalty bonus");
    expect(sourceLabel("paid_dm")).toBe("Paid dm");
    expect(statusLabel("on_hold")).toBe("On hold");
  });
});
