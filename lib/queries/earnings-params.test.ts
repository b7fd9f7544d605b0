import { describe, expect, it } from "vitest";
import { earningsUrlSchema } from "@/lib/schemas/earnings";
import { readUrlState } from "@/lib/url-state/codec";
import { earningsApiParams, overviewEarningsParams, resolveEarningsParams } from "./earnings-params";

// The earnings page's query key is its API query string: the client hook and the
// pages' server prefetch must build the very same one from the same URL.

const apiOf = (url: string, zone: string) =>
  earningsApiParams(resolveEarningsParams(readUrlState(earningsUrlSchema, new URLSearchParams(url)), zone)).toString();

describe("earnings API params", () => {
  it("uses the viewer's zone unless the URL names one", () => {
    expect(apiOf("range=90d", "Europe/Berlin")).toBe("range=90d&tz=Europe%2FBerlin&granularity=day");
    expect(apiOf("range=90d&tz=Asia%2FKolkata", "Europe/Berlin")).toBe("range=90d&tz=Asia%2FKolkata&granularity=day");
  });

  it("leaves out what is not a query (basis) and keeps from/to only for a custom range", () => {
    expect(apiOf("basis=net&from=2026-01-01&to=2026-01-31", "UTC")).toBe("range=30d&tz=UTC&granularity=day");
    expect(apiOf("range=custom&from=2026-01-01&to=2026-01-31&sources=tip,post&granularity=week", "UTC")).toBe(
      "range=custom&tz=UTC&granularity=week&from=2026-01-01&to=2026-01-31&sources=tip%2Cpost",
    );
  });

  it("a bad value falls back to its default, as the client reads it", () => {
    expect(apiOf("range=forever&granularity=hour", "UTC")).toBe("range=30d&tz=UTC&granularity=day");
  });

  it("the overview's line is the earnings page's default range in the same zone", () => {
    expect(overviewEarningsParams("Europe/Berlin").toString()).toBe(apiOf("", "Europe/Berlin"));
  });
});
