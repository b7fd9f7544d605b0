import { describe, expect, it } from "vitest";
import { heldOut } from "./holdout";

describe("an automation's hold-out", () => {
  const fans = Array.from({ length: 20_000 }, (_, i) => `fan-${i}`);

  it("keeps out about the share asked for", () => {
    for (const percent of [5, 10, 20, 50]) {
      const share = (fans.filter((f) => heldOut("auto-1", f, percent)).length / fans.length) * 100;
      expect(share).toBeGreaterThan(percent - 1.5);
      expect(share).toBeLessThan(percent + 1.5);
    }
  });

  it("always the same fans for an automation, other fans for another", () => {
    const a = fans.filter((f) => heldOut("auto-1", f, 10));
    expect(fans.filter((f) => heldOut("auto-1", f, 10))).toEqual(a);
    const b = fans.filter((f) => heldOut("auto-2", f, 10));
    expect(b).not.toEqual(a);
  });

  it("keeps nobody out at 0 %", () => {
    expect(fans.some((f) => heldOut("auto-1", f, 0))).toBe(false);
  });
});
