import { describe, expect, it } from "vitest";
import { readUrlState, writeUrlState } from "./codec";
import { int, isIn, list, oneOf, text, urlSchema } from "./fields";

const schema = urlSchema({
  range: oneOf(["7d", "30d", "90d"], "30d"),
  tz: text({ max: 64 }),
  page: int({ min: 1, max: 1000, fallback: 1 }),
  sources: list(isIn(["tips", "posts", "messages"]), 3),
  net: oneOf(["0", "1"], "0"),
});
const sp = (s: string) => new URLSearchParams(s);

describe("URL state through one schema", () => {
  it("reads each field on its own: a bad value falls back to its default, the rest stay", () => {
    expect(readUrlState(schema, sp("range=90d&page=3&sources=tips,posts&tz=Asia/Kolkata"))).toEqual({
      range: "90d",
      tz: "Asia/Kolkata",
      page: 3,
      sources: ["tips", "posts"],
      net: "0",
    });
    expect(readUrlState(schema, sp("range=fortnight&page=-2&sources=tips,bogus"))).toEqual({
      range: "30d",
      tz: undefined,
      page: 1,
      sources: [],
      net: "0",
    });
    expect(readUrlState(schema, sp(""))).toEqual({ range: "30d", tz: undefined, page: 1, sources: [], net: "0" });
  });

  it("writes only what differs from the default, and keeps keys it does not own", () => {
    expect(writeUrlState(schema, sp("fan=abc&range=90d"), { range: "30d", page: 2 }).toString()).toBe("fan=abc&page=2");
    expect(writeUrlState(schema, sp(""), { sources: ["tips", "messages"], tz: "Europe/Berlin" }).toString()).toBe(
      "sources=tips%2Cmessages&tz=Europe%2FBerlin",
    );
    expect(writeUrlState(schema, sp("tz=UTC&page=4"), { tz: "", page: 1 }).toString()).toBe("");
  });

  it("round-trips: what is written reads back as the same state", () => {
    const state = {
      range: "7d" as const,
      tz: "Pacific/Chatham",
      page: 5,
      sources: ["posts" as const],
      net: "1" as const,
    };
    expect(readUrlState(schema, writeUrlState(schema, sp(""), state))).toEqual(state);
  });
});
