import { describe, expect, it } from "vitest";
import { segmentStep } from "./segmented";

describe("segmentStep", () => {
  it("steps with the arrows and wraps at both ends", () => {
    expect(segmentStep("ArrowRight", 0, 3)).toBe(1);
    expect(segmentStep("ArrowDown", 2, 3)).toBe(0);
    expect(segmentStep("ArrowLeft", 0, 3)).toBe(2);
    expect(segmentStep("ArrowUp", 1, 3)).toBe(0);
  });
  it("jumps to the ends and ignores other keys", () => {
    expect(segmentStep("Home", 2, 3)).toBe(0);
    expect(segmentStep("End", 0, 3)).toBe(2);
    expect(segmentStep("Enter", 1, 3)).toBeNull();
    expect(segmentStep("ArrowRight", 0, 0)).toBeNull();
  });
});
