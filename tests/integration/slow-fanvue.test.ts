import { afterAll, afterEach, describe, expect, it } from "vitest";
import { creatorWorkspace } from "../support/fans";
import { startTestSandbox } from "../support/sandbox";

// Pages when Fanvue fails or is slow: the fans page's roster stands in
// within the page's budget (never a minute of skeleton behind 15 s timeouts
// retried) and says why; the vault says "slow" within its budget.
const sb = await startTestSandbox({ soloFans: 300 });
const { db } = await import("@/lib/server/db");
const { listFans } = await import("@/lib/server/fans/table");
const { fansQuerySchema } = await import("@/lib/schemas/fans");
const { listVault } = await import("@/lib/server/media/vault-list");
const { vaultQuerySchema } = await import("@/lib/schemas/media");

const luna = await creatorWorkspace(sb, "luna");
const q = () => fansQuerySchema.parse({ list: "subscribers", size: 25 });

afterEach(async () => {
  await sb.admin("/faults", undefined, "DELETE");
});
afterAll(async () => {
  await db.$disconnect();
  await sb.close();
});

describe("vault when Fanvue is slow", () => {
  it("answers 'slow to answer' within its budget instead of waiting out three 15 s timeouts", async () => {
    await sb.admin("/faults", { path: "/media", latencyMs: 20_000 });
    const t = Date.now();
    await expect(listVault(luna.access, vaultQuerySchema.parse({}))).rejects.toMatchObject({ kind: "timeout" });
    expect(Date.now() - t).toBeLessThan(6_000);
  }, 20_000);
});

describe("fans page when Fanvue fails", () => {
  it("a slow Fanvue: the roster within seconds, saying Fanvue is slow", async () => {
    const first = await listFans(luna.access, q(), luna.user);
    expect(first).toMatchObject({ mode: "live", fallback: null });
    await sb.admin("/faults", { path: "/**", latencyMs: 20_000 });
    const t = Date.now();
    const page = await listFans(luna.access, q(), luna.user);
    expect(Date.now() - t).toBeLessThan(4_000);
    expect(page.mode).toBe("roster");
    expect(page.fallback).toMatch(/slow/i);
    // The fans the first look recorded, from Postgres.
    const seen = new Set(first.rows.map((r) => r.uuid));
    expect(page.rows.length).toBeGreaterThan(20);
    expect(page.rows.every((r) => seen.has(r.uuid))).toBe(true);
  }, 20_000);

  it("a rate limit with a roster to show: the roster, saying why", async () => {
    await sb.admin("/faults", { path: "/subscribers", status: 429, headers: { "Retry-After": "60" } });
    const page = await listFans(luna.access, q(), luna.user);
    expect(page.mode).toBe("roster");
    expect(page.fallback).toMatch(/rate limit/i);
    expect(page.rows.length).toBeGreaterThan(0);
  });
});
