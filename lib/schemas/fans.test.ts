import { describe, expect, it } from "vitest";
import { fanUuidSchema, fansQuerySchema, SEGMENT_PARAMS, tagSchema } from "./fans";

describe("fan input schemas", () => {
  it("normalises tags and refuses odd ones", () => {
    expect(tagSchema.parse("  VIP Fan ")).toBe("vip fan");
    expect(tagSchema.safeParse("").success).toBe(false);
    expect(tagSchema.safeParse("<script>").success).toBe(false);
    expect(tagSchema.safeParse("x".repeat(33)).success).toBe(false);
  });
  it("accepts fan ids as UUIDs only, lower-cased", () => {
    expect(fanUuidSchema.parse("0F0F0F0F-1111-4222-8333-444455556666")).toBe("0f0f0f0f-1111-4222-8333-444455556666");
    expect(fanUuidSchema.safeParse("probe").success).toBe(false);
  });
  it("caps the page size at Fanvue's 50", () => {
    expect(fansQuerySchema.parse({ size: "50" }).size).toBe(50);
    expect(fansQuerySchema.safeParse({ size: "51" }).error?.issues[0]?.message).toBe("size must be at most 50");
  });
  it("segment parameters are strict, with defaults", () => {
    expect(SEGMENT_PARAMS.top_spenders.parse({})).toEqual({ percent: 5 });
    expect(SEGMENT_PARAMS.renewing_soon.safeParse({ dayz: 3 }).success).toBe(false);
    expect(SEGMENT_PARAMS.spent_over.safeParse({}).success).toBe(false);
  });
});
