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
  includedLists: { smartListUuids: ["subscribers"], customListUuids: [] },
  excludedLists: { smartListUuids: [], customListUuids: ["l1", "l2"] },
  ...over,
});

describe("finding a campaign in Fanvue's mass-message list", () => {
  it("matches text, price, media and the included/excluded lists", () => {
    expect(isSameCampaign(item(), shape)).toBe(true);
  });

  it("tells apart another audience (e.g. without the hold-out exclusion) or an older message", () => {
    expect(isSameCampaign(item({ excludedLists: { smartListUuids: [], customListUuids: ["l1"] } }), shape)).toBe(false);
    expect(isSameCampaign(item({ includedLists: { smartListUuids: ["followers"], customListUuids: [] } }), shape)).toBe(false);
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
