import { TZDate, tzOffset } from "@date-fns/tz";
import { format } from "date-fns";
import { describe, expect, it } from "vitest";
import { localDate } from "./date-range";
import { zonedFormatter } from "./zoned-time";

// The CSV's cached formatter must write exactly what the per-row TZDate +
// date-fns formatting wrote (the export stays byte-identical).
const slow = (ms: number, tz: string) => format(new TZDate(ms, tz), "yyyy-MM-dd'T'HH:mm:ss.SSSxxx");

const ZONES = [
  "UTC",
  "America/Los_Angeles",
  "Europe/Berlin",
  "Asia/Kolkata",
  "Asia/Kathmandu", // +05:45
  "Australia/Lord_Howe", // DST of 30 minutes
  "Pacific/Chatham", // +12:45 / +13:45
  "America/St_Johns", // -03:30 / -02:30
  "Africa/Casablanca", // DST suspended for Ramadan: several changes a year
  "Pacific/Apia", // skipped a whole day (2011-12-30)
  "Europe/Dublin", // negative DST in the tz database
  "Africa/Monrovia", // -00:44:30 until 1972 (an offset with seconds)
];

/** Deterministic pseudo-random instants (no flaky seeds). */
function* instants(n: number, from: number, to: number) {
  let x = 0x2545f491;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    yield from + Math.floor(((x >>> 0) / 2 ** 32) * (to - from));
  }
}

describe("zonedFormatter", () => {
  it.each(ZONES)("matches TZDate + date-fns for random instants 1965–2040 in %s", (tz) => {
    const f = zonedFormatter(tz);
    const sorted = [...instants(1500, Date.UTC(1965, 0, 1), Date.UTC(2040, 0, 1))].sort((a, b) => a - b);
    for (const ms of sorted) {
      expect(f.iso(ms), `${tz} ${new Date(ms).toISOString()}`).toBe(slow(ms, tz));
      expect(f.date(ms)).toBe(localDate(ms, tz));
    }
  });

  it.each(ZONES)("matches minute by minute around every offset change of 2025–2026 in %s", (tz) => {
    const f = zonedFormatter(tz);
    // Every hour whose offset differs from the hour before, then each minute (and odd ms) in it.
    const offset = (ms: number) => tzOffset(tz, new Date(ms));
    for (let h = Date.UTC(2025, 0, 1); h < Date.UTC(2027, 0, 1); h += 3_600_000) {
      if (offset(h) === offset(h - 1) && offset(h + 3_599_999) === offset(h)) continue;
      for (let ms = h - 3_600_000; ms < h + 7_200_000; ms += 60_000 + 7) {
        expect(f.iso(ms), `${tz} ${new Date(ms).toISOString()}`).toBe(slow(ms, tz));
        expect(f.date(ms)).toBe(localDate(ms, tz));
      }
    }
  });

  it("writes the DST changes of Los Angeles as the earnings tests expect", () => {
    const f = zonedFormatter("America/Los_Angeles");
    // 2026-11-01: 01:30 happens twice.
    expect(f.iso(Date.parse("2026-11-01T08:30:00Z"))).toBe("2026-11-01T01:30:00.000-07:00");
    expect(f.iso(Date.parse("2026-11-01T09:30:00Z"))).toBe("2026-11-01T01:30:00.000-08:00");
    // 2026-03-08: 02:00–03:00 does not exist.
    expect(f.iso(Date.parse("2026-03-08T09:59:59.999Z"))).toBe("2026-03-08T01:59:59.999-08:00");
    expect(f.iso(Date.parse("2026-03-08T10:00:00Z"))).toBe("2026-03-08T03:00:00.000-07:00");
    expect(zonedFormatter("UTC").iso(0)).toBe("1970-01-01T00:00:00.000+00:00");
    // An offset with seconds (-00:44:30, which tzOffset reads with the wrong
    // sign): the same reading, shifted by the seconds, shown in whole minutes.
    const monrovia = Date.parse("1968-06-01T12:00:00Z");
    expect(zonedFormatter("Africa/Monrovia").iso(monrovia)).toBe(slow(monrovia, "Africa/Monrovia"));
  });

  it("works in any order (rows of several zones or an unsorted caller)", () => {
    const f = zonedFormatter("Europe/Berlin");
    const times = [...instants(500, Date.UTC(2020, 0, 1), Date.UTC(2030, 0, 1))];
    for (const ms of times) expect(f.iso(ms)).toBe(slow(ms, "Europe/Berlin"));
  });
});
