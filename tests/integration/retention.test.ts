import { TZDate } from "@date-fns/tz";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSandbox } from "../support/sandbox";
import { provisionAccount } from "../support/workspace";

// Retention: the monthly cohort triangle from the synced ledger equals the
// one this test builds from the raw rows with its own month arithmetic, in a
// zone west and one east of UTC.

const sb = await startTestSandbox();
const { db } = await import("@/lib/server/db");
const { syncStream } = await import("@/lib/server/earnings/sync");
const { getRetention } = await import("@/lib/server/growth/retention");
const { retentionQuerySchema } = await import("@/lib/schemas/growth");

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
