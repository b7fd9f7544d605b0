import { describe, expect, it } from "vitest";
import { instantOf, lanes, slotOf, snap, weekDays, weekStart } from "./calendar-math";

describe("week calendar geometry", () => {
  it("weeks start on Monday", () => {
    expect(weekStart("2026-11-29")).toBe("2026-11-23"); // a Sunday
    expect(weekStart("2026-11-30")).toBe("2026-11-30");
    expect(weekDays("2026-11-30")).toEqual([
      "2026-11-30",
      "2026-12-01",
      "2026-12-02",
      "2026-12-03",
      "2026-12-04",
      "2026-12-05",
      "2026-12-06",
    ]);
  });

  it("places instants at their local day and minute, and back", () => {
    expect(slotOf("2026-11-30T08:00:00.000Z", "Europe/Berlin")).toEqual({ day: "2026-11-30", minute: 540 });
    expect(slotOf("2026-11-30T23:30:00.000Z", "Europe/Berlin")).toEqual({ day: "2026-12-01", minute: 30 });
    expect(instantOf("2026-12-01", 660, "Europe/Berlin")).toBe("2026-12-01T10:00:00.000Z");
    // Clamped inside the day.
    expect(instantOf("2026-12-01", 24 * 60 + 30, "Europe/Berlin")).toBe("2026-12-01T22:45:00.000Z");
  });

  it("snaps to quarter hours", () => {
    expect(snap(7)).toBe(0);
    expect(snap(8)).toBe(15);
    expect(snap(662)).toBe(660);
  });

  it("puts overlapping cards side by side, and others full width", () => {
    const out = lanes([
      { id: "a", minute: 600 },
      { id: "b", minute: 610 },
      { id: "c", minute: 700 },
    ]);
    const by = Object.fromEntries(out.map((o) => [o.id, [o.lane, o.laneCount]]));
    expect(by).toEqual({ a: [0, 2], b: [1, 2], c: [0, 1] });
  });
});
