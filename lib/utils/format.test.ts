import { describe, expect, it } from "vitest";
import { formatMoney, initials } from "./format";
import { safeCallbackPath } from "./safe-redirect";

describe("formatMoney", () => {
  it("formats integer cents with Intl", () => {
    expect(formatMoney(123456)).toBe("$1,234.56");
    expect(formatMoney(-300)).toBe("-$3.00");
    expect(formatMoney(123456, "EUR", "de-DE")).toBe("1.234,56\u00a0€");
  });
  it("refuses fractional cents", () => {
    expect(() => formatMoney(10.5)).toThrow(/integer cents/);
  });
});

describe("initials", () => {
  it("takes up to two letters", () => {
    expect(initials("Luna Vale")).toBe("LV");
    expect(initials("atlas")).toBe("A");
    expect(initials(null)).toBe("?");
  });
});

describe("safeCallbackPath", () => {
  it("keeps same-site paths", () => {
    expect(safeCallbackPath("/earnings?range=30d")).toBe("/earnings?range=30d");
  });
  it("drops absolute, protocol-relative and loop URLs", () => {
    expect(safeCallbackPath("https://evil.test/")).toBe("/");
    expect(safeCallbackPath("//evil.test")).toBe("/");
    expect(safeCallbackPath("/\\evil.test")).toBe("/");
    expect(safeCallbackPath("/sign-in?x=1")).toBe("/");
    expect(safeCallbackPath(undefined)).toBe("/");
  });
});
