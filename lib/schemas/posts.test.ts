import { describe, expect, it } from "vitest";
import { checkPost, draftFormSchema, emptyForm, textLength, type PostFields } from "./posts";

const M1 = "11111111-1111-4111-8111-111111111111";
const M2 = "22222222-2222-4222-8222-222222222222";
const NOW = Date.parse("2026-11-30T10:00:00Z");
const ok: PostFields = {
  text: "Hi",
  mediaUuids: [M1, M2],
  previewUuid: M1,
  audience: "subscribers",
  price: 1200,
  publishAt: "2026-12-01T08:00:00Z",
  expiresAt: null,
};

// Typed prices: parseMoney, tested in lib/utils/money.test.ts.

describe("checkPost", () => {
  it("accepts a valid scheduled PPV post", () => {
    expect(checkPost(ok, NOW)).toEqual({});
  });

  it("names the field of every bad input", () => {
    expect(checkPost({ ...ok, price: 299 }, NOW)).toEqual({
      price: "The lowest price Fanvue allows is $3.00 (you entered $2.99).",
    });
    expect(checkPost({ ...ok, mediaUuids: [], previewUuid: null }, NOW).price).toMatch(/needs at least one media item/);
    expect(checkPost({ ...ok, publishAt: "2026-11-30T09:59:00Z" }, NOW).publishAt).toMatch(/future/);
    expect(checkPost({ ...ok, publishAt: "2026-11-30T10:00:30Z" }, NOW, 60_000).publishAt).toMatch(/at least a minute/);
    expect(checkPost({ ...ok, expiresAt: "2026-12-01T07:00:00Z" }, NOW).expiresAt).toMatch(/after the publish time/);
    expect(checkPost({ ...ok, publishAt: null, expiresAt: "2026-11-30T09:00:00Z" }, NOW).expiresAt).toMatch(
      /after the publish time/,
    );
    expect(checkPost({ ...ok, text: "x".repeat(5003) }, NOW).text).toBe(
      "Text is 3 characters over Fanvue's 5,000 limit.",
    );
    expect(checkPost({ ...ok, text: null, mediaUuids: [], previewUuid: null, price: null }, NOW).text).toMatch(
      /cannot be empty/,
    );
    expect(checkPost({ ...ok, previewUuid: "33333333-3333-4333-8333-333333333333" }, NOW).preview).toMatch(
      /one of the attached/,
    );
    expect(checkPost({ ...ok, mediaUuids: [M1, M1] }, NOW).media).toMatch(/twice/);
  });

  it("counts text as Fanvue does: an emoji is two, never split", () => {
    expect(textLength("👋🏽")).toBe(4);
    const text = "a".repeat(4998) + "😀";
    expect(textLength(text)).toBe(5000);
    expect(checkPost({ ...ok, text }, NOW).text).toBeUndefined();
    expect(checkPost({ ...ok, text: text + "!" }, NOW).text).toBe("Text is 1 character over Fanvue's 5,000 limit.");
  });
});

describe("emptyForm", () => {
  it("is the draft form schema's defaults (written out so the composer bundles no zod)", () => {
    expect(emptyForm()).toEqual(draftFormSchema.parse({}));
  });
});
