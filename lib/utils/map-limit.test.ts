import { describe, expect, it } from "vitest";
import { mapLimit } from "./map-limit";

describe("mapLimit", () => {
  it("keeps order and never exceeds the limit", async () => {
    let inFlight = 0;
    let peak = 0;
    const out = await mapLimit([5, 1, 4, 2, 3], 2, async (n) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((r) => setTimeout(r, n));
      inFlight--;
      return n * 10;
    });
    expect(out).toEqual([50, 10, 40, 20, 30]);
    expect(peak).toBe(2);
  });

  it("stops starting work after a failure and waits for calls in flight", async () => {
    const done: number[] = [];
    const run = mapLimit([1, 2, 3, 4, 5, 6], 2, async (n) => {
      await new Promise((r) => setTimeout(r, n === 1 ? 20 : 1));
      if (n === 2) throw new Error("boom");
      done.push(n);
      return n;
    });
    await expect(run).rejects.toThrow("boom");
    // 1 was in flight when 2 failed: it finished before the rejection; 3+ never started.
    expect(done).toEqual([1]);
  });
});
