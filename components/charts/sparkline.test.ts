import { describe, expect, it } from "vitest";
import { sparkPath } from "./sparkline";

/** Every number in the path, as [x, y] pairs. */
const pairs = (d: string) => {
  const n = d.match(/-?\d+(\.\d+)?/g)!.map(Number);
  return n.flatMap((v, i) => (i % 2 ? [] : [[v, n[i + 1]!] as const]));
};

describe("sparkPath", () => {
  it("draws nothing for no points and a flat line for one", () => {
    expect(sparkPath([])).toBe("");
    expect(sparkPath([5])).toBe("M0,6L100,6");
  });

  it("spans the box: first point at x 0, last at x 100, the peak at the top margin, zero at the bottom", () => {
    const d = sparkPath([0, 50, 100, 20], 6);
    expect(d.startsWith("M0,100C")).toBe(true);
    expect(d.endsWith(",100,81.2")).toBe(true);
    expect(d).toContain(",66.67,6C");
  });

  it("never overshoots the data (monotone: control points stay within 0..100, flat runs stay flat)", () => {
    const d = sparkPath([0, 0, 900, 0, 0, 10, 900, 900, 0], 6);
    for (const [x, y] of pairs(d)) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(100);
      expect(y).toBeGreaterThanOrEqual(6);
      expect(y).toBeLessThanOrEqual(100);
    }
    // The flat start (0, 0) is a straight segment at the bottom.
    expect(d).toMatch(/^M0,100C4\.17,100,8\.33,100,12\.5,100C/);
  });

  it("a negative day (refunds) stays inside the box, at the bottom", () => {
    const d = sparkPath([-50, 0, 100], 6);
    expect(d.startsWith("M0,100C")).toBe(true);
    for (const [, y] of pairs(d)) expect(y).toBeLessThanOrEqual(100);
  });

  it("an all-zero series lies on the bottom edge", () => {
    expect(pairs(sparkPath([0, 0, 0])).every(([, y]) => y === 100)).toBe(true);
  });
});
