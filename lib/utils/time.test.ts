import { describe, expect, it } from "vitest";
import {
  formatDuration,
  canonicalLocale,
  dayHeading,
  formatAgo,
  formatDate,
  formatDateTime,
  formatDay,
  formatListTime,
  formatTime,
  isTimeZone,
  localeFromAcceptLanguage,
  offsetLabel,
} from "./time";

const AT = "2026-12-04T20:05:00.000Z"; // Fri 21:05 in Berlin, 12:05 in Los Angeles, Sat 01:35 in Kolkata
const NOW = Date.parse("2026-12-06T10:00:00Z");

describe("one formatter, the viewer's zone and locale", () => {
  it("shows the same instant in each viewer's zone and words", () => {
    expect(formatDateTime(AT, { zone: "Europe/Berlin", locale: "en-GB" })).toBe("4 Dec 2026, 21:05");
    expect(formatDateTime(AT, { zone: "America/Los_Angeles", locale: "en-US" })).toBe("Dec 4, 2026, 12:05 PM");
    expect(formatDateTime(AT, { zone: "Asia/Kolkata", locale: "de-DE" })).toBe("05.12.2026, 01:35");
    expect(formatDate(AT, { zone: "Asia/Kolkata", locale: "en-GB" })).toBe("5 Dec 2026");
    expect(formatTime(AT, { zone: "Asia/Kathmandu", locale: "en-GB" })).toBe("01:50");
  });

  it("a list time: the time today, the weekday this week, day and month this year, else the date", () => {
    const v = { zone: "Europe/Berlin", locale: "en-GB" };
    expect(formatListTime("2026-12-06T08:30:00Z", v, NOW)).toBe("09:30");
    expect(formatListTime(AT, v, NOW)).toBe("Fri");
    expect(formatListTime("2026-03-02T08:30:00Z", v, NOW)).toBe("2 Mar");
    expect(formatListTime("2025-03-02T08:30:00Z", v, NOW)).toBe("2 Mar 2025");
    // Just after local midnight in Kolkata it is already "today" there, not in UTC.
    expect(formatListTime("2026-12-05T18:40:00Z", { zone: "Asia/Kolkata", locale: "en-GB" }, NOW)).toBe("00:10");
  });

  it("ago, then the date", () => {
    const v = { zone: "UTC", locale: "en-GB" };
    expect(formatAgo(NOW - 20_000, v, NOW)).toBe("just now");
    expect(formatAgo(NOW - 5 * 60_000, v, NOW)).toBe("5 min ago");
    expect(formatAgo(NOW - 3 * 3_600_000, v, NOW)).toBe("3 h ago");
    expect(formatAgo(NOW - 50 * 3_600_000, v, NOW)).toBe("2 d ago");
    expect(formatAgo(NOW - 40 * 86_400_000, v, NOW)).toBe("27 Oct 2026");
    expect(formatAgo(NOW + 5_000, v, NOW)).toBe("just now");
  });

  it("local calendar days are shown as that day, whatever the zone", () => {
    expect(formatDay("2026-12-06", "en-GB")).toBe("Sun 6 Dec");
    expect(formatDay("2026-12-06", "en-US", "dayMonth")).toBe("Dec 6");
    expect(formatDay("2026-12-06", "en-GB", "long")).toBe("Sunday 6 December");
    // 10:00 UTC on the 6th is 23:45 in Chatham (the 7th is tomorrow) and 23:00 on the 5th in Pago Pago.
    expect(dayHeading("2026-12-07", { zone: "Pacific/Chatham", locale: "en-GB" }, NOW)).toBe("Tomorrow · Mon 7 Dec");
    expect(dayHeading("2026-12-07", { zone: "Pacific/Pago_Pago", locale: "en-GB" }, NOW)).toBe("Mon 7 Dec");
    expect(dayHeading("2026-12-05", { zone: "Pacific/Pago_Pago", locale: "en-GB" }, NOW)).toBe("Today · Sat 5 Dec");
  });

  it("zones and offsets for the picker, including half and three-quarter hours", () => {
    expect(offsetLabel("Asia/Kathmandu", NOW)).toBe("+05:45");
    expect(offsetLabel("Pacific/Chatham", NOW)).toBe("+13:45");
    expect(offsetLabel("America/St_Johns", NOW)).toBe("-03:30");
    expect(offsetLabel("UTC", NOW)).toBe("+00:00");
    expect(isTimeZone("Australia/Adelaide")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
    expect(isTimeZone("")).toBe(false);
  });

  it("locales: canonical tags, Accept-Language by quality", () => {
    expect(canonicalLocale("en-gb")).toBe("en-GB");
    expect(canonicalLocale("not a locale!")).toBeNull();
    expect(localeFromAcceptLanguage("fr-CH, fr;q=0.9, en;q=0.8, *;q=0.5")).toBe("fr-CH");
    expect(localeFromAcceptLanguage("en;q=0.4, de-DE;q=0.9")).toBe("de-DE");
    expect(localeFromAcceptLanguage("*")).toBeNull();
    expect(localeFromAcceptLanguage(null)).toBeNull();
  });
});

describe("durations", () => {
  it("rounds to the unit a reader needs", () => {
    expect(formatDuration(0)).toBe("0 s");
    expect(formatDuration(41_600)).toBe("42 s");
    expect(formatDuration(7 * 60_000 + 59_000)).toBe("7 min");
    expect(formatDuration(65 * 60_000)).toBe("1 h 05 min");
    expect(formatDuration(51 * 3_600_000)).toBe("2 d 3 h");
    expect(formatDuration(-5)).toBe("0 s");
  });
});
