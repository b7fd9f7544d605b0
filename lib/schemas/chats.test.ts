import { describe, expect, it } from "vitest";
import { chatPatchSchema, sendBodySchema } from "./chats";
import { campaignBodySchema } from "./mass-messages";

const MEDIA = "0b0e6b55-2e7a-4b8c-9d6b-5d2d5c0e9a11";
const key = "key-12345678";
const message = (r: { success: boolean; error?: { issues: { message: string; path: PropertyKey[] }[] } }) =>
  r.success ? null : `${r.error!.issues[0]!.path.join(".")}: ${r.error!.issues[0]!.message}`;

describe("a chat message, before anything is sent", () => {
  it("refuses an empty message (blank text counts as empty)", () => {
    expect(message(sendBodySchema.safeParse({ idempotencyKey: key }))).toMatch(/^text: Write a message/);
    expect(message(sendBodySchema.safeParse({ idempotencyKey: key, text: "   " }))).toMatch(/^text: Write a message/);
  });

  it("refuses a price without media, or below $3", () => {
    expect(message(sendBodySchema.safeParse({ idempotencyKey: key, text: "hi", price: 500 }))).toMatch(
      /^price: A price needs media/,
    );
    expect(
      message(sendBodySchema.safeParse({ idempotencyKey: key, text: "hi", mediaUuids: [MEDIA], price: 299 })),
    ).toMatch(/^price: The lowest price/);
    expect(message(sendBodySchema.safeParse({ idempotencyKey: key, mediaUuids: [MEDIA], price: 12.5 }))).toMatch(
      /^price: price must be whole cents/,
    );
  });

  it("accepts text, media, a PPV of $3 or more, or a template", () => {
    expect(sendBodySchema.parse({ idempotencyKey: key, mediaUuids: [MEDIA], price: 300 })).toMatchObject({
      text: null,
      price: 300,
    });
    expect(sendBodySchema.parse({ idempotencyKey: key, templateUuid: MEDIA })).toMatchObject({
      templateUuid: MEDIA,
      mediaUuids: [],
    });
    expect(message(sendBodySchema.safeParse({ idempotencyKey: "short", text: "hi" }))).toMatch(/^idempotencyKey/);
  });

  it("a chat update must change something; nicknames are at most 30 characters", () => {
    expect(chatPatchSchema.safeParse({}).success).toBe(false);
    expect(chatPatchSchema.safeParse({ nickname: "x".repeat(31) }).success).toBe(false);
    expect(chatPatchSchema.parse({ isRead: false })).toEqual({ isRead: false });
  });
});

describe("a mass message, before it is recorded", () => {
  const base = { idempotencyKey: key, text: "New set", included: { smart: ["subscribers"] } };
  it("needs someone to send to and something to send", () => {
    expect(message(campaignBodySchema.safeParse({ ...base, included: { smart: [], custom: [] } }))).toMatch(
      /^included: Choose at least one list/,
    );
    expect(message(campaignBodySchema.safeParse({ ...base, text: null }))).toMatch(/^text: Write a message/);
  });

  it("applies the price rules, hold-out bounds and a future schedule", () => {
    expect(message(campaignBodySchema.safeParse({ ...base, price: 900 }))).toMatch(/^price: A price needs media/);
    expect(message(campaignBodySchema.safeParse({ ...base, holdoutPercent: 80 }))).toMatch(/^holdoutPercent/);
    expect(message(campaignBodySchema.safeParse({ ...base, scheduledAt: "2001-01-01T00:00:00Z" }))).toMatch(
      /^scheduledAt: Pick a time in the future/,
    );
    const later = new Date(Date.now() + 3_600_000).toISOString();
    expect(campaignBodySchema.parse({ ...base, holdoutPercent: 10, scheduledAt: later })).toMatchObject({
      holdoutPercent: 10,
      scheduledAt: later,
      excluded: { smart: [], custom: [] },
    });
  });
});
