import { describe, expect, it } from "vitest";
import { CLOCK_SKEW_MS, findSent, isSameMessage } from "./send-match";

const attemptAt = new Date("2026-03-01T12:00:00.000Z");
const shape = { text: "hello", mediaUuids: ["m2", "m1"], price: 500, attemptAt };
const msg = (over: Partial<Parameters<typeof isSameMessage>[0]> = {}) => ({
  uuid: "u1",
  fromCreator: true,
  text: "hello",
  mediaUuids: ["m1", "m2"],
  price: 500,
  sentAt: "2026-03-01T12:00:01.000Z",
  ...over,
});

describe("finding a send in the conversation", () => {
  it("matches the creator's message with the same text, media (any order) and price", () => {
    expect(isSameMessage(msg(), shape)).toBe(true);
  });

  it("does not match another text, price, media set, the fan's message, or an older message", () => {
    expect(isSameMessage(msg({ text: "hello!" }), shape)).toBe(false);
    expect(isSameMessage(msg({ price: null }), shape)).toBe(false);
    expect(isSameMessage(msg({ mediaUuids: ["m1"] }), shape)).toBe(false);
    expect(isSameMessage(msg({ fromCreator: false }), shape)).toBe(false);
    expect(
      isSameMessage(msg({ sentAt: new Date(attemptAt.getTime() - CLOCK_SKEW_MS - 1000).toISOString() }), shape),
    ).toBe(false);
    expect(isSameMessage(msg({ sentAt: null }), shape)).toBe(false);
  });

  it("skips messages claimed by other sends and takes the oldest remaining", () => {
    const list = [
      msg({ uuid: "new", sentAt: "2026-03-01T12:00:05.000Z" }),
      msg({ uuid: "old", sentAt: "2026-03-01T12:00:02.000Z" }),
    ];
    expect(findSent(list, shape, new Set())?.uuid).toBe("old");
    expect(findSent(list, shape, new Set(["old"]))?.uuid).toBe("new");
    expect(findSent(list, shape, new Set(["old", "new"]))).toBeNull();
  });
});
