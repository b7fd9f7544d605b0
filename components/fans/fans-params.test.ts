import { describe, expect, it } from "vitest";
import { fansQuerySchema, fansUrlSchema } from "@/lib/schemas/fans";
import { readUrlState } from "@/lib/url-state/codec";
import { fansApiParams, fansStateOf, segKeyOf } from "./fans-params";

// The fans page's server render and its client derive the table's query key
// from the URL through these; the route then parses it with fansQuerySchema.
const apiParamsOf = (qs: string) => {
  const sp = new URLSearchParams(qs);
  return fansApiParams(fansStateOf(readUrlState(fansUrlSchema, sp), segKeyOf(sp)));
};

describe("fans URL → table request", () => {
  it("carries every filter, the sort and the segment's parameters", () => {
    const p = apiParamsOf("view=all&q=anna&sort=spend&dir=asc&tag=vip&segment=whales&seg.min=50&page=3&fan=x");
    expect(p).toEqual({
      list: "all",
      page: "3",
      size: "25",
      search: "anna",
      sort: "spend",
      dir: "asc",
      tag: "vip",
      segment: "whales",
      "seg.min": "50",
    });
    // What the route reads from it (seg.* ride along for the segment).
    expect(fansQuerySchema.parse(p)).toMatchObject({ list: "all", page: 3, size: 25, sort: "spend", "seg.min": "50" });
  });

  it("leaves defaults out and reads the renewals tab's table as subscribers", () => {
    expect(apiParamsOf("")).toEqual({ list: "subscribers", page: "1", size: "25" });
    expect(apiParamsOf("view=renewals")).toEqual({ list: "subscribers", page: "1", size: "25" });
  });

  it("falls back to the default for a bad value, keeping the rest", () => {
    expect(apiParamsOf("view=nope&page=-4&q=bo")).toEqual({ list: "subscribers", page: "1", size: "25", search: "bo" });
  });
});
