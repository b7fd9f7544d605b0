import { describe, expect, it } from "vitest";
import type { ContractHandler } from "@/lib/server/api/route";
import type { callApi } from "@/lib/queries/call";
import { pathOf, urlOf, type ResponseOf } from "./contract";
import { creatorEarnings, earningsSyncNow } from "./earnings";

// The contract is what both sides compile against: these lines are checked
// by `tsc` (npm test's typecheck); each @ts-expect-error fails the build if
// the mistake it marks ever compiles.

type CreatorReport = ResponseOf<typeof creatorEarnings>;

describe("route contracts", () => {
  it("type the answer for callers, so a wrong field does not compile", () => {
    const r = { totals: { gross: 1 } } as unknown as CreatorReport;
    // @ts-expect-error a creator's report has no per-creator rows (that is the agency route's)
    void r.creators;
    expect(r.totals.gross).toBe(1);
  });

  it("type the handler's answer, so a handler answering another shape does not compile", () => {
    // @ts-expect-error the sync route answers { jobId, status }
    const wrong: ContractHandler<typeof earningsSyncNow> = () => ({ job: "x" });
    const right: ContractHandler<typeof earningsSyncNow> = () => ({ jobId: "j", status: "queued" });
    expect([typeof wrong, typeof right]).toEqual(["function", "function"]);
  });

  it("type the inputs: the path's parameters and the query schema's input", () => {
    type Input = Parameters<typeof callApi<typeof creatorEarnings>>[1];
    // @ts-expect-error the creator route's parameter is creatorId
    const badParams: Input = { params: { workspaceId: "w" } };
    // @ts-expect-error range is one of the presets
    const badQuery: Input = { params: { creatorId: "c" }, query: { range: "fortnight" } };
    const good: Input = { params: { creatorId: "c" }, query: { range: "90d", tz: "Asia/Kolkata" } };
    expect([badParams, badQuery, good]).toHaveLength(3);
  });

  it("build the URL from the path, encoding each parameter; empty query values are left out", () => {
    expect(pathOf(creatorEarnings, { creatorId: "a b/c" })).toBe("/api/creators/a%20b%2Fc/earnings");
    expect(urlOf(creatorEarnings, { creatorId: "c1" }, { range: "7d", tz: "Asia/Kolkata", from: "" })).toBe(
      "/api/creators/c1/earnings?range=7d&tz=Asia%2FKolkata",
    );
    expect(urlOf(creatorEarnings, { creatorId: "c1" }, { sources: ["tips", "posts"] } as never)).toBe(
      "/api/creators/c1/earnings?sources=tips&sources=posts",
    );
    expect(() => pathOf(creatorEarnings, {})).toThrow(/missing path parameter creatorId/);
  });
});
