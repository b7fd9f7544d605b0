import { describe, expect, it } from "vitest";
import { addMonths, bucketStarts, localDate, presetDates, startOfLocalDay } from "./date-range";

describe("date ranges in a time zone", () => {
  it("finds local midnight across DST: Los Angeles' 25-hour day", () => {
    // 2026-11-01 is the day US clocks fall back.
    const start = startOfLocalDay("2026-11-01", "America/Los_Angeles");
    const next = startOfLocalDay("2026-11-02", "America/Los_Angeles");
    expect(new Date(start).toISOString()).toBe("2026-11-01T07:00:00.000Z");
    expect(next - start).toBe(25 * 3_600_000);
  });

  it("handles half-hour zones (Asia/Kolkata)", () => {
    expect(new Date(startOfLocalDay("2026-11-29", "Asia/Kolkata")).toISOString()).toBe("2026-11-28T18:30:00.000Z");
    expect(localDate(Date.parse("2026-11-28T18:29:59Z"), "Asia/Kolkata")).toBe("2026-11-28");
    expect(localDate(Date.parse("2026-11-28T18:30:00Z"), "Asia/Kolkata")).toBe("2026-11-29");
  });

  it("resolves presets inclusively", () => {
    expect(presetDates("7d", "2026-11-29")).toEqual({ from: "2026-11-23", to: "2026-11-29" });
    expect(presetDates("mtd", "2026-11-29")).toEqual({ from: "2026-11-01", to: "2026-11-29" });
    expect(presetDates("last_month", "2026-03-10")).toEqual({ from: "2026-02-01", to: "2026-02-28" });
    expect(presetDates("12m", "2026-11-29")).toEqual({ from: "2025-11-30", to: "2026-11-29" });
    expect(presetDates("ytd", "2026-11-29")).toEqual({ from: "2026-01-01", to: "2026-11-29" });
  });

  it("clamps month arithmetic to month ends", () => {
    expect(addMonths("2026-03-31", -1)).toBe("2026-02-28");
    expect(addMonths("2024-03-31", -1)).toBe("2024-02-29");
  });

  it("lists buckets: ISO weeks start on Monday, months on the 1st", () => {
    expect(bucketStarts("2026-11-25", "2026-12-02", "week")).toEqual(["2026-11-23", "2026-11-30"]);
    expect(bucketStarts("2026-10-15", "2026-12-01", "month")).toEqual(["2026-10-01", "2026-11-01", "2026-12-01"]);
    expect(bucketStarts("2026-11-28", "2026-11-30", "day")).toEqual(["2026-11-28", "2026-11-29", "2026-11-30"]);
  });
});
