import { describe, expect, it } from "vitest";
import { addMonths, bucketStarts, localDate, offsetSpans, presetDates, startOfLocalDay } from "./date-range";

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

  it("splits days where the offset at local midnight changes (one fixed-offset request per span)", () => {
    // Los Angeles falls back on 1 Nov 2026 at 02:00: that day starts at -07:00 and ends at -08:00.
    expect(offsetSpans("2026-10-25", "2026-11-07", "America/Los_Angeles")).toEqual([
      {
        from: "2026-10-25",
        until: "2026-11-02",
        startDate: "2026-10-25T00:00:00-07:00",
        endDate: "2026-11-02T00:00:00-08:00",
      },
      {
        from: "2026-11-02",
        until: "2026-11-08",
        startDate: "2026-11-02T00:00:00-08:00",
        endDate: "2026-11-08T00:00:00-08:00",
      },
    ]);
    // Spring forward (8 Mar 2026): the 23-hour day ends at the next day's -07:00 midnight.
    expect(offsetSpans("2026-03-07", "2026-03-09", "America/Los_Angeles").map((s) => s.endDate)).toEqual([
      "2026-03-09T00:00:00-07:00",
      "2026-03-10T00:00:00-07:00",
    ]);
    expect(offsetSpans("2026-10-25", "2026-11-07", "Asia/Kolkata")).toEqual([
      {
        from: "2026-10-25",
        until: "2026-11-08",
        startDate: "2026-10-25T00:00:00+05:30",
        endDate: "2026-11-08T00:00:00+05:30",
      },
    ]);
  });
});
