import { describe, expect, it, vi } from "vitest";

// Next.js can load a module twice in one process (instrumentation and route
// bundles). An error made by one copy must still be recognised by the other,
// or a rate-limit refusal from the shared limiter becomes a 500.
describe("error classes across duplicate module copies", () => {
  it("FanvueError and ApiError from one copy are instances for another", async () => {
    const a = await import("./errors");
    const apiA = await import("@/lib/server/api/errors");
    vi.resetModules();
    const b = await import("./errors");
    const apiB = await import("@/lib/server/api/errors");
    expect(a.FanvueError).not.toBe(b.FanvueError);
    const err = new a.FanvueError("rate_limited", "used up", { retryAfterSec: 26 });
    expect(err instanceof b.FanvueError).toBe(true);
    expect(new apiA.ApiError("not_found", "x") instanceof apiB.ApiError).toBe(true);
    // And the route error model maps it instead of "something went wrong".
    const res = apiB.toErrorResponse(err, "test");
    expect(res.status).toBe(429);
    expect(res.headers.get("Retry-After")).toBe("26");
    // Plain errors are not mistaken for them.
    expect(new Error("x") instanceof b.FanvueError).toBe(false);
    expect((null as unknown as object) instanceof b.FanvueError).toBe(false);
  });
});
