import { describe, expect, it } from "vitest";
import { exactDollars, exactDollarsOfText } from "./money";

describe("exactDollarsOfText", () => {
  it("writes what exactDollars writes for NUMERIC(16,4) cents as Postgres prints them", () => {
    const cases = [
      "0.0000",
      "5.0000",
      "99.0000",
      "100.0000",
      "1234.5600",
      "1234.5000",
      "799.4000",
      "0.0001",
      "0.1000",
      "-5.0000",
      "-1234.5678",
      "-0.0100",
      "123456789012.3456",
      "10000.0000",
    ];
    let x = 0x9e3779b9;
    for (let i = 0; i < 5000; i++) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      const n = (x >>> 0) % 100_000_000;
      const scaled = String(n).padStart(5, "0");
      cases.push(`${i % 7 === 0 ? "-" : ""}${scaled.slice(0, -4).replace(/^0+(?=\d)/, "")}.${scaled.slice(-4)}`);
    }
    for (const c of cases) expect(exactDollarsOfText(c), c).toBe(exactDollars(c));
  });

  it("shows a fraction of a cent and two decimals otherwise", () => {
    expect(exactDollarsOfText("799.4000")).toBe("7.994");
    expect(exactDollarsOfText("1250.0000")).toBe("12.50");
    expect(exactDollarsOfText("-1250.0000")).toBe("-12.50");
    expect(exactDollarsOfText("0.0000")).toBe("0.00");
  });
});
