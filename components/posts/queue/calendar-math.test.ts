import { afterEach, describe, expect, it, vi } from "vitest";
import { instantOf, lanes, slotOf, snap, thisWeek, weekDays, weekStart } from "./calendar-math";

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

describe("the week the calendar opens on (fixed clock)", () => {
  afterEach(() => vi.useRealTimers());
  const at = (iso: string) => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date(iso));
  };

  it("on a Sunday shows the week holding that Sunday, Monday to Sunday", () => {
    // Sunday 29 Nov 2026, 10:00 in Berlin.
    at("2026-11-29T09:00:00Z");
    expect(thisWeek("Europe/Berlin")).toBe("2026-11-23");
    expect(weekDays(thisWeek("Europe/Berlin"))).toContain("2026-11-29");
  });

  it("late on Sunday west of UTC (already Monday in UTC) still shows the week that holds Sunday", () => {
    // Sunday 29 Nov 2026, 20:00 in Los Angeles = Monday 04:00 UTC.
    at("2026-11-30T04:00:00Z");
    expect(thisWeek("America/Los_Angeles")).toBe("2026-11-23");
    expect(thisWeek("UTC")).toBe("2026-11-30");
  });

  it("early on Monday east of UTC (still Sunday in UTC) shows the new week", () => {
    // Monday 30 Nov 2026, 07:30 in Tokyo = Sunday 22:30 UTC.
    at("2026-11-29T22:30:00Z");
    expect(thisWeek("Asia/Tokyo")).toBe("2026-11-30");
    expect(thisWeek("UTC")).toBe("2026-11-23");
  });

  it("on the Sunday clocks change (Europe, 29 Mar 2026) and at its last minute", () => {
    at("2026-03-29T21:59:00Z"); // 23:59 CEST
    expect(thisWeek("Europe/Berlin")).toBe("2026-03-23");
    at("2026-03-29T22:00:00Z"); // Monday 00:00 CEST
    expect(thisWeek("Europe/Berlin")).toBe("2026-03-30");
  });
});
