import { describe, expect, it } from "vitest";
import { composeError, priceCents } from "./composer";

const MEDIA = ["11111111-1111-4111-8111-111111111111"];

// The chat and mass-message composers read prices with the one parser
// (parseMoney, lib/utils/money.ts): "12,50" and "12.50" are both $12.50.
describe("chat composer price", () => {
  it("reads typed prices into integer cents", () => {
    expect(priceCents("3")).toBe(300);
    expect(priceCents("12.5")).toBe(1250);
    expect(priceCents("19,99")).toBe(1999);
    expect(priceCents("$9.99")).toBe(999);
    expect(priceCents("1,200")).toBe(120000);
    expect(priceCents("")).toBeNull();
    expect(priceCents("abc")).toBeNull();
  });

  it("names what is wrong with a price", () => {
    expect(composeError("hi", MEDIA, "")).toBeNull();
    expect(composeError("hi", MEDIA, "12,50")).toBeNull();
    expect(composeError("hi", MEDIA, "2")).toBe("The lowest price Fanvue allows is $3.00 (you entered $2.00).");
    expect(composeError("hi", MEDIA, "-3")).toMatch(/negative/);
    expect(composeError("hi", MEDIA, "1.234")).toMatch(/ambiguous/);
    expect(composeError("hi", [], "5")).toBe("A price needs media: attach something to unlock.");
  });
});
