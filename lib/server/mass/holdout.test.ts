import { describe, expect, it } from "vitest";
import { holdoutSize, splitHoldout } from "./holdout";

const fans = Array.from({ length: 200 }, (_, i) => `fan-${i}`);

describe("hold-out split", () => {
  it("keeps round(n × p%) out, at least one, never everyone", () => {
    expect(holdoutSize(200, 10)).toBe(20);
    expect(holdoutSize(7, 10)).toBe(1);
    expect(holdoutSize(1, 50)).toBe(0);
    expect(holdoutSize(2, 50)).toBe(1);
    expect(holdoutSize(100, 0)).toBe(0);
  });

  it("splits into disjoint groups covering the audience once (duplicates collapsed)", () => {
    const { held, sent } = splitHoldout([...fans, "fan-0"], 10);
    expect(held).toHaveLength(20);
    expect(sent).toHaveLength(180);
    expect(new Set([...held, ...sent])).toEqual(new Set(fans));
  });

  it("is uniform: every fan is held out about equally often", () => {
    const counts = new Map<string, number>();
    const small = fans.slice(0, 20);
    for (let i = 0; i < 4000; i++)
      for (const f of splitHoldout(small, 10).held) counts.set(f, (counts.get(f) ?? 0) + 1);
    // 4000 draws × 2 of 20 → 400 each; ±25 % bounds are > 6 standard deviations.
    for (const f of small) expect(counts.get(f)).toBeGreaterThan(300);
    for (const f of small) expect(counts.get(f)).toBeLessThan(500);
  });

  it("follows the random source it is given", () => {
    expect(splitHoldout(["a", "b", "c", "d"], 50, () => 0).held).toEqual(["a", "b"]);
  });
});
