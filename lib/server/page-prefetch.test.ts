import { describe, expect, it, vi } from "vitest";
import { requestContext } from "@/lib/server/api/request-context";
import { asJson, asMemberRead, searchParamsOf, settleWithin } from "./page-prefetch";

// The membership count behind "shared budget" is a database read.
vi.mock("@/lib/server/workspaces/access", () => ({ workspaceIsShared: async (id: string) => id === "shared" }));

describe("page prefetch helpers", () => {
  it("reads searchParams as the browser does (a repeated key: its first value)", () => {
    const sp = searchParamsOf({ view: "all", tag: ["a", "b"], none: undefined, "seg.min": "5" });
    expect(sp.toString()).toBe("view=all&tag=a&seg.min=5");
  });

  it("gives what Response.json would have: ISO dates, no undefined fields, null for nothing", async () => {
    const at = new Date("2026-01-02T03:04:05.000Z");
    expect(await asJson(Promise.resolve({ at, gone: undefined, n: 1 }))).toEqual({ at: at.toISOString(), n: 1 });
    expect(await asJson(Promise.resolve(undefined))).toBeNull();
  });

  it("waits for the prefetches, but never past the budget", async () => {
    let done = false;
    const started = Date.now();
    await settleWithin(50, [new Promise((r) => setTimeout(r, 5_000)), Promise.reject(new Error("x"))]);
    expect(Date.now() - started).toBeLessThan(1_000);
    await settleWithin(5_000, [new Promise((r) => setTimeout(r, 10)).then(() => (done = true))]);
    expect(done).toBe(true);
  });

  it("runs a page's reads as the member's GET would (their share of a shared budget)", async () => {
    const ctx = await asMemberRead({ workspace: { id: "shared" } } as never, { id: "u1" }, async () =>
      requestContext.getStore(),
    );
    // One request: its own memo of reads made once (perRequest).
    expect(ctx).toEqual({ mutating: false, userId: "u1", sharedBudget: true, memo: new Map() });
    const alone = await asMemberRead({ workspace: { id: "solo" } } as never, { id: "u1" }, async () =>
      requestContext.getStore(),
    );
    expect(alone?.sharedBudget).toBe(false);
  });
});
