import { TZDate } from "@date-fns/tz";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSandbox } from "../support/sandbox";
import { provisionAccount } from "../support/workspace";

// Best times: the weekday × hour grid of the sandbox's synced ledger in the
// viewer's zone equals a grid this test builds itself from the raw rows (its
// own zone arithmetic), cell for cell, in zones west and east of UTC and
// across the fall-back DST change; the cells add up to the range's total.

const sb = await startTestSandbox();
const { db } = await import("@/lib/server/db");
const { syncStream } = await import("@/lib/server/earnings/sync");
const { getBestTimes } = await import("@/lib/server/growth/best-times");
const { bestTimesQuerySchema } = await import("@/lib/schemas/growth");
const { SOURCES } = await import("@/lib/schemas/earnings");

let creatorId: string;
beforeAll(async () => {
  const p = await provisionAccount(sb, "luna");
  creatorId = p.creators.luna!.id;
  await syncStream(creatorId, "earnings");
});
afterAll(async () => {
  await db.$disconnect();
  await sb.close();
});

const NAMED: string[] = SOURCES.filter((s) => s !== "others");

/** The grid from the raw rows, with date-fns' zone arithmetic: "weekday-hour" → [gross, sales]. */
async function expectedGrid(startUtc: string, endUtc: string, tz: string, source: string) {
  const rows = await db.earningRow.findMany({
    where: { creatorId, occurredAt: { gte: new Date(startUtc), lt: new Date(endUtc) } },
  });
  const grid = new Map<string, [number, number]>();
  for (const r of rows) {
    if (source !== "all" && (source === "others" ? NAMED.includes(r.source) : r.source !== source)) continue;
    const d = new TZDate(r.occurredAt.getTime(), tz);
    const key = `${d.getDay() === 0 ? 7 : d.getDay()}-${d.getHours()}`;
    const [g, n] = grid.get(key) ?? [0, 0];
    grid.set(key, [g + Number(r.gross), n + 1]);
  }
  return grid;
}

const CASES = [
  { tz: "America/Los_Angeles", range: "90d" },
  { tz: "Asia/Kolkata", range: "90d" },
  // Two weeks around the fall-back night in Los Angeles (1 Nov 2026).
  { tz: "America/Los_Angeles", range: "custom", from: "2026-10-25", to: "2026-11-07" },
  { tz: "Asia/Kolkata", range: "custom", from: "2026-10-25", to: "2026-11-07", source: "tip" },
  { tz: "America/Los_Angeles", range: "90d", source: "others" },
];

describe("best times", () => {
  it.each(CASES)("equals the raw rows' own grid: $tz $range $source", async (c) => {
    const q = bestTimesQuerySchema.parse(c);
    const b = await getBestTimes([creatorId], q);
    const want = await expectedGrid(b.range.startUtc, b.range.endUtc, c.tz, q.source);
    const got = new Map(b.cells.map((x) => [`${x.weekday}-${x.hour}`, [x.gross, x.sales] as [number, number]]));
    expect(got).toEqual(want);
    // The cells add up to the range's total, exactly (gross is whole cents).
    const total = [...want.values()].reduce((s, [g]) => s + g, 0);
    expect(b.total.gross).toBe(total);
    expect(b.total.sales).toBe([...want.values()].reduce((s, [, n]) => s + n, 0));
    if (q.source === "all") expect(b.total.sales).toBeGreaterThan(50);
  });
});
