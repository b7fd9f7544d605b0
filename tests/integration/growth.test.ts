import { TZDate } from "@date-fns/tz";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSandbox } from "../support/sandbox";
import { provisionAccount } from "../support/workspace";

// Growth analytics against the sandbox's synced ledger, each figure equal to
// one this test builds from the raw rows with its own zone arithmetic:
// - best times: the weekday × hour grid, cell for cell, in zones west and
//   east of UTC and across the fall-back DST change; the cells add up to the
//   range's total;
// - retention: the monthly cohort triangle, in a zone west and one east of UTC.

const sb = await startTestSandbox();
const { db } = await import("@/lib/server/db");
const { syncStream } = await import("@/lib/server/earnings/sync");
const { getBestTimes } = await import("@/lib/server/growth/best-times");
const { getRetention } = await import("@/lib/server/growth/retention");
const { bestTimesQuerySchema, retentionQuerySchema } = await import("@/lib/schemas/growth");
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

const monthOf = (ms: number, tz: string) => {
  const d = new TZDate(ms, tz);
  return d.getFullYear() * 12 + d.getMonth();
};
const label = (n: number) => `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, "0")}`;

/** cohort "YYYY-MM" → retained[k], from the raw rows. */
async function expected(tz: string, months: number, now: number) {
  const rows = await db.earningRow.findMany({
    where: { creatorId, fanUuid: { not: null }, source: { in: ["subscription", "renewal"] }, gross: { gt: 0 } },
  });
  const byFan = new Map<string, Set<number>>();
  for (const r of rows) {
    const s = byFan.get(r.fanUuid!) ?? new Set<number>();
    s.add(monthOf(r.occurredAt.getTime(), tz));
    byFan.set(r.fanUuid!, s);
  }
  const current = monthOf(now, tz);
  const out = new Map<string, number[]>();
  for (let c = current - months + 1; c <= current; c++) out.set(label(c), Array(current - c + 1).fill(0));
  for (const set of byFan.values()) {
    const cohort = Math.min(...set);
    const line = out.get(label(cohort));
    if (!line) continue;
    for (const m of set) line[m - cohort]! += 1;
  }
  return out;
}

describe("retention", () => {
  it.each(["America/Los_Angeles", "Asia/Kolkata"])("equals the raw rows' own triangle in %s", async (tz) => {
    const now = Date.now();
    const r = await getRetention([creatorId], retentionQuerySchema.parse({ months: 12, tz }), now);
    const want = await expected(tz, 12, now);
    expect(r.cohorts.map((c) => c.month)).toEqual([...want.keys()]);
    for (const c of r.cohorts) {
      expect(c.retained, c.month).toEqual(want.get(c.month));
      expect(c.size).toBe(c.retained[0]);
    }
    expect(r.cohorts.reduce((s, c) => s + c.size, 0)).toBeGreaterThan(10);
    expect(r.firstMonthChurn).not.toBeNull();
  });
});
