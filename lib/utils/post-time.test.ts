import { describe, expect, it } from "vitest";
import { fromLocalInputs, publishLabel, toLocalInputs } from "./post-time";
import { dayHeading, formatWhen, zoneAbbr } from "./time";

const BERLIN_GB = { zone: "Europe/Berlin", locale: "en-GB" };

const FRI_21_BERLIN = "2026-12-04T20:00:00.000Z";
const NOW = Date.parse("2026-11-30T10:00:00Z"); // Monday

describe("zone names", () => {
  it("uses the common abbreviation where there is one", () => {
    expect(zoneAbbr(Date.parse(FRI_21_BERLIN), "Europe/Berlin")).toBe("CET");
    expect(zoneAbbr(Date.parse("2026-07-01T12:00:00Z"), "Europe/Berlin")).toBe("CEST");
    expect(zoneAbbr(Date.parse(FRI_21_BERLIN), "America/New_York")).toBe("EST");
    expect(zoneAbbr(Date.parse(FRI_21_BERLIN), "Asia/Tokyo")).toBe("GMT+9");
    expect(zoneAbbr(Date.parse(FRI_21_BERLIN), "UTC")).toBe("UTC");
  });
});

describe("local inputs ↔ UTC", () => {
  it("round-trips in the viewer's zone", () => {
    expect(fromLocalInputs("2026-12-04", "21:00", "Europe/Berlin")).toBe(FRI_21_BERLIN);
    expect(toLocalInputs(FRI_21_BERLIN, "Europe/Berlin")).toEqual({ date: "2026-12-04", time: "21:00" });
    expect(toLocalInputs(FRI_21_BERLIN, "America/Los_Angeles")).toEqual({ date: "2026-12-04", time: "12:00" });
  });

  it("follows summer time: 09:00 in Berlin is 07:00 UTC in July, 08:00 in December", () => {
    expect(fromLocalInputs("2026-07-01", "09:00", "Europe/Berlin")).toBe("2026-07-01T07:00:00.000Z");
    expect(fromLocalInputs("2026-12-01", "09:00", "Europe/Berlin")).toBe("2026-12-01T08:00:00.000Z");
  });

  it("is null while incomplete or impossible", () => {
    expect(fromLocalInputs("2026-12-04", "", "Europe/Berlin")).toBeNull();
    expect(fromLocalInputs("", "09:00", "Europe/Berlin")).toBeNull();
    expect(fromLocalInputs("2026-02-30", "09:00", "Europe/Berlin")).toBeNull();
    expect(fromLocalInputs("2026-12-04", "25:00", "Europe/Berlin")).toBeNull();
  });
});

describe("wording", () => {
  it("says exactly when, in the viewer's zone", () => {
    expect(formatWhen(FRI_21_BERLIN, BERLIN_GB, NOW)).toBe("Fri 21:00 CET");
    expect(formatWhen("2026-12-11T20:00:00.000Z", BERLIN_GB, NOW)).toBe("Fri 11 Dec, 21:00 CET");
    expect(formatWhen("2027-01-08T20:00:00.000Z", BERLIN_GB, NOW)).toBe("Fri 8 Jan 2027, 21:00 CET");
    expect(
      publishLabel({ mode: "create", publishAt: FRI_21_BERLIN, wasScheduled: false, viewer: BERLIN_GB, now: NOW }),
    ).toBe("Schedule for Fri 21:00 CET");
    expect(publishLabel({ mode: "create", publishAt: null, wasScheduled: false, viewer: BERLIN_GB, now: NOW })).toBe(
      "Publish now",
    );
    expect(publishLabel({ mode: "edit", publishAt: null, wasScheduled: true, viewer: BERLIN_GB, now: NOW })).toBe(
      "Publish now",
    );
  });

  it("names days relative to today", () => {
    expect(dayHeading("2026-11-30", BERLIN_GB, NOW)).toBe("Today · Mon 30 Nov");
    expect(dayHeading("2026-12-01", BERLIN_GB, NOW)).toBe("Tomorrow · Tue 1 Dec");
    expect(dayHeading("2026-12-03", BERLIN_GB, NOW)).toBe("Thu 3 Dec");
  });
});
