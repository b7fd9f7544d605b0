import { describe, expect, it } from "vitest";
import { findCampaign, isSameCampaign } from "./match";

const attemptAt = new Date("2026-03-01T12:00:00.000Z");
const shape = {
  text: "New set",
  mediaUuids: ["m1"],
  price: 900,
  included: { smartListUuids: ["subscribers"], customListUuids: [] },
  excluded: { smartListUuids: [], customListUuids: ["l2", "l1"] },
  attemptAt,
};
const item = (over: Record<string, unknown> = {}) => ({
  uuid: "mm1",
  text: "New set",
  mediaUuids: ["m1"],
  price: 900,
  createdAt: "2026-03-01T12:00:00.500Z",
  ...over,
});

describe("finding a campaign in Fanvue's mass-message list", () => {
  it("matches text, price and media (Fanvue's list names no audience lists)", () => {
    expect(isSameCampaign(item(), shape)).toBe(true);
    expect(
      isSameCampaign(item({ mediaUuids: ["m1"] }), {
        ...shape,
        included: { smartListUuids: ["followers"], customListUuids: [] },
      }),
    ).toBe(true);
  });

  it("tells apart another text, price or media, or an older message", () => {
    expect(isSameCampaign(item({ text: "New set!" }), shape)).toBe(false);
    expect(isSameCampaign(item({ mediaUuids: ["m2"] }), shape)).toBe(false);
    expect(isSameCampaign(item({ price: null }), shape)).toBe(false);
    expect(isSameCampaign(item({ createdAt: "2026-03-01T11:50:00.000Z" }), shape)).toBe(false);
  });

  it("never hands one Fanvue message to two campaigns", () => {
    const a = item({ uuid: "a", createdAt: "2026-03-01T12:00:01.000Z" });
    const b = item({ uuid: "b", createdAt: "2026-03-01T12:00:02.000Z" });
    expect(findCampaign([b, a], shape, new Set())?.uuid).toBe("a");
    expect(findCampaign([b, a], shape, new Set(["a"]))?.uuid).toBe("b");
    expect(findCampaign([b, a], shape, new Set(["a", "b"]))).toBeNull();
  });
});
