import { describe, expect, it } from "vitest";
import { sentences } from "./sentences";

describe("sentences", () => {
  it("ends each part before the next starts", () => {
    expect(sentences("Fanvue revoked access; reconnect to continue", "Data shown may be out of date.")).toBe(
      "Fanvue revoked access; reconnect to continue. Data shown may be out of date.",
    );
    expect(sentences("Fanvue sent an unexpected response for /chats", "Try again in a moment.")).toBe(
      "Fanvue sent an unexpected response for /chats. Try again in a moment.",
    );
  });

  it("keeps a part's own ending, trims, and leaves out empty parts", () => {
    expect(sentences("Done!", "  Really?  ", null, "", undefined, false, "Next")).toBe("Done! Really? Next.");
    expect(sentences("Synced (3 of 4)")).toBe("Synced (3 of 4)");
    expect(sentences()).toBe("");
  });
});
