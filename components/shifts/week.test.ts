import { describe, expect, it } from "vitest";
import { minutesIn, weekDays, weekOf } from "./week";

describe("the shift calendar's week", () => {
  it("starts on Monday in the viewer's zone", () => {
    // Sunday 2026-03-08 23:30 in New York is already Monday in Berlin.
    const t = Date.parse("2026-03-09T03:30:00Z");
    expect(weekOf(t, "America/New_York")).toBe("2026-03-02");
    expect(weekOf(t, "Europe/Berlin")).toBe("2026-03-09");
  });

  it("gives a DST day its true length", () => {
    const days = weekDays("2026-03-02", "America/New_York");
    const sunday = days[6]!; // 2026-03-08, clocks go forward
    expect(sunday.ymd).toBe("2026-03-08");
    expect((sunday.end - sunday.start) / 3_600_000).toBe(23);
    expect((days[0]!.end - days[0]!.start) / 3_600_000).toBe(24);
    // A shift 22:00 Saturday → 06:00 Sunday local is 2 h on Saturday and 5 h on Sunday (one hour skipped).
    const from = Date.parse("2026-03-08T03:00:00Z"); // Sat 22:00 EST
    const to = Date.parse("2026-03-08T10:00:00Z"); // Sun 06:00 EDT
    expect(minutesIn(days[5]!, from, to)).toBe(120);
    expect(minutesIn(sunday, from, to)).toBe(300);
  });
});
