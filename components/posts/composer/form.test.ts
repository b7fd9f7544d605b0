import { describe, expect, it } from "vitest";
import type { PostView } from "@/lib/schemas/post-views";
import { emptyForm } from "@/lib/schemas/posts";
import { changesOf, errorsOfForm, fieldsOfForm, formOfPost, newPublishKey } from "./form";

const M1 = "11111111-1111-4111-8111-111111111111";
const M2 = "22222222-2222-4222-8222-222222222222";
const NOW = Date.parse("2026-11-30T10:00:00Z");
const post: PostView = {
  uuid: "p",
  text: "Hello",
  mediaUuids: [M1, M2],
  previewUuid: M1,
  audience: "subscribers",
  price: 1250,
  publishAt: "2026-12-01T08:00:00.000Z",
  publishedAt: null,
  expiresAt: null,
  authorName: null,
};

describe("composer form", () => {
  it("turns the typed price into cents and names form-only errors", () => {
    const f = { ...emptyForm(), text: "x", mediaUuids: [M1], ppv: true, price: "12.5" };
    expect(fieldsOfForm(f).fields.price).toBe(1250);
    expect(fieldsOfForm({ ...f, price: "12,50" }).fields.price).toBe(1250);
    expect(fieldsOfForm({ ...f, price: "$1,200" }).fields.price).toBe(120000);
    expect(fieldsOfForm({ ...f, price: "12,5€" }).formErrors.price).toBe("Enter the amount in US dollars.");
    expect(fieldsOfForm({ ...f, price: "1.234" }).formErrors.price).toMatch(/ambiguous/);
    expect(fieldsOfForm({ ...f, price: "  " }).formErrors.price).toBe("Enter a price of at least $3.00.");
    expect(errorsOfForm({ ...f, price: "2,50" }, NOW, null).price).toBe(
      "The lowest price Fanvue allows is $3.00 (you entered $2.50).",
    );
    expect(errorsOfForm({ ...f, schedule: "later", publishAt: null }, NOW, null).publishAt).toBe(
      "Pick a date and a time.",
    );
    expect(errorsOfForm(f, NOW, "1 item still processing").media).toBe("1 item still processing");
    expect(errorsOfForm(f, NOW, null)).toEqual({});
  });

  it("drops the preview of a free post, and keeps a scheduled time only when scheduling", () => {
    const f = { ...formOfPost(post), ppv: false };
    expect(fieldsOfForm(f).fields.previewUuid).toBeNull();
    expect(fieldsOfForm({ ...f, schedule: "now" }).fields.publishAt).toBeNull();
  });

  it("round-trips a post and sends only what changed", () => {
    const f = formOfPost(post);
    expect(f).toMatchObject({ ppv: true, price: "12.50", schedule: "later", publishAt: post.publishAt });
    expect(changesOf(post, f)).toEqual({});
    expect(changesOf(post, { ...f, publishAt: "2026-12-01T10:00:00.000Z" })).toEqual({
      publishAt: "2026-12-01T10:00:00.000Z",
    });
    expect(changesOf(post, { ...f, schedule: "now" })).toEqual({ publishAt: null });
    expect(changesOf(post, { ...f, mediaUuids: [M2, M1] })).toEqual({ mediaUuids: [M2, M1] });
    // A cancelled post is scheduled again even at the same time.
    expect(changesOf({ ...post, cancelledAt: "2026-11-29T00:00:00Z" }, f)).toEqual({
      publishAt: post.publishAt,
      expiresAt: null,
    });
  });

  it("makes unguessable, distinct idempotency keys", () => {
    const a = newPublishKey();
    expect(a).toMatch(/^pk-[0-9a-f]{36}$/);
    expect(newPublishKey()).not.toBe(a);
  });
});
