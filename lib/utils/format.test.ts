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
  it("sees paths the way a browser resolves them (tab, CR, LF dropped; backslash is a slash)", () => {
    for (const v of [
      "/\t/evil.example/phish",
      "/\n/evil.example",
      "/\r\n/evil.example",
      "/\t\\evil.example",
      "/ /evil.example",
    ]) {
      const out = safeCallbackPath(v);
      expect(new URL(out, "https://app.test").origin, JSON.stringify(v)).toBe("https://app.test");
    }
    expect(safeCallbackPath("/\t/evil.example/phish")).toBe("/");
  });
  it("returns a header-safe, percent-encoded path", () => {
    expect(safeCallbackPath("/\u3002x")).toBe("/%E3%80%82x");
    expect(safeCallbackPath("/c/abc?tab=a b#x")).toBe("/c/abc?tab=a%20b#x");
    // eslint-disable-next-line no-control-regex -- control characters are the input under test
    expect(safeCallbackPath("/a\nb")).not.toMatch(/[\u0000-\u001f\u007f-\uffff]/);
  });
});
