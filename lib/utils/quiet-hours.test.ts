import { describe, expect, it } from "vitest";
import { inWindow, quietUntil } from "./quiet-hours";

const NY = "America/New_York";
const at = (iso: string) => Date.parse(iso);

describe("quiet hours", () => {
  it("knows a window that wraps past midnight", () => {
    expect(inWindow(23 * 60, 22 * 60, 8 * 60)).toBe(true);
    expect(inWindow(7 * 60 + 59, 22 * 60, 8 * 60)).toBe(true);
    expect(inWindow(8 * 60, 22 * 60, 8 * 60)).toBe(false);
    expect(inWindow(12 * 60, 9 * 60, 17 * 60)).toBe(true);
  });

  it("ends a 22:00–08:00 window at 08:00 local, on a normal night", () => {
    // 23:30 in New York (EDT, UTC-4) → 08:00 the next morning = 12:00Z.
    expect(quietUntil(at("2026-06-11T03:30:00Z"), NY, 22 * 60, 8 * 60)).toBe(at("2026-06-11T12:00:00Z"));
    // 02:00 local, after midnight → 08:00 the same local day.
    expect(quietUntil(at("2026-06-11T06:00:00Z"), NY, 22 * 60, 8 * 60)).toBe(at("2026-06-11T12:00:00Z"));
    expect(quietUntil(at("2026-06-11T13:00:00Z"), NY, 22 * 60, 8 * 60)).toBeNull();
  });

  it("keeps wall-clock 08:00 across both DST changes", () => {
    // Spring forward (8 Mar 2026): 23:00 EST on the 7th → 08:00 EDT on the 8th = 12:00Z (a 23-hour day).
    expect(quietUntil(at("2026-03-08T04:00:00Z"), NY, 22 * 60, 8 * 60)).toBe(at("2026-03-08T12:00:00Z"));
    // Fall back (1 Nov 2026): 23:00 EDT on Oct 31 → 08:00 EST on Nov 1 = 13:00Z (a 25-hour day).
    expect(quietUntil(at("2026-11-01T03:00:00Z"), NY, 22 * 60, 8 * 60)).toBe(at("2026-11-01T13:00:00Z"));
  });

  it("has no quiet hours when none are set", () => {
    expect(quietUntil(at("2026-06-11T03:30:00Z"), NY, null, null)).toBeNull();
  });
});
