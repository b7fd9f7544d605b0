import { describe, expect, it } from "vitest";
import { linkNameError, trackingLinkCreateSchema } from "./tracking-links";

// The create form checks names without zod (linkNameError); the server's schema decides.
describe("linkNameError", () => {
  it.each(["", "   ", "Spring promo", "  padded  ", "x".repeat(100), "x".repeat(101), ` ${"y".repeat(100)} `])(
    "answers as trackingLinkCreateSchema does for %j",
    (name) => {
      const parsed = trackingLinkCreateSchema.safeParse({ name, platform: "instagram" });
      expect(linkNameError(name)).toBe(parsed.success ? null : (parsed.error.issues[0]?.message ?? "?"));
    },
  );
});
