// The earnings report's ledger part is memoized in Postgres while the ledger
// is unchanged (lib/server/earnings/report-memo.ts): a second read is served
// from the memo, and any write to the ledger (a sync's new rows, a refund, a
// status settling) makes the next report recompute.
import { afterAll, describe, expect, it } from "vitest";
import { startTestSandbox } from "../support/sandbox";
import { provisionAccount } from "../support/workspace";

const sb = await startTestSandbox({ soloFans: 200 });
const { db } = await import("@/lib/server/db");
const { syncStream } = await import("@/lib/server/earnings/sync");
const { earningsReport, rewarmEarningsReports } = await import("@/lib/server/earnings/report");
const { earningsQuerySchema } = await import("@/lib/schemas/earnings");

const luna = await provisionAccount(sb, "luna");
const creatorId = luna.creators.luna!.id;
await syncStream(creatorId, "earnings");
await syncStream(creatorId, "spending");

afterAll(async () => {
  await db.$disconnect();
  await sb.close();
});

const q = earningsQuerySchema.parse({ range: "30d", tz: "Europe/Berlin" });
const report = () => earningsReport([creatorId], [creatorId], q);
/** Marks the stored memo so a read served from it can be told from a recomputed one. */
const markMemo = () => db.$executeRaw`UPDATE "EarningsMemo" SET payload = jsonb_set(payload, '{payingFans}', '987654')`;

describe("earnings report memo", () => {
  it("serves an unchanged ledger from the memo, for the same query shape only", async () => {
    const first = await report();
    expect(await db.earningsMemo.count()).toBeGreaterThan(0);
    expect(await markMemo()).toBeGreaterThan(0);
    expect((await report()).totals.payingFans).toBe(987654);
    // Another zone is another shape: computed from the ledger, not the marked memo.
    const utc = await earningsReport([creatorId], [creatorId], { ...q, tz: "UTC" });
    expect(utc.totals.payingFans).not.toBe(987654);
    expect(first.totals.payingFans).toBeGreaterThan(0);
  });

  it("recomputes after a sync adds a row", async () => {
    const before = await report();
    await markMemo();
    await sb.admin("/simulate/tip", { creator: "luna", amount: 1234 });
    await syncStream(creatorId, "earnings");
    const after = await report();
    expect(after.totals.payingFans).not.toBe(987654);
    expect(after.totals.gross).toBe(before.totals.gross + 1234);
    expect(after.totals.transactions).toBe(before.totals.transactions + 1);
  });

  it("after a sync, the job recomputes the reports used lately: their next view reads the memo", async () => {
    const before = await report();
    await sb.admin("/simulate/tip", { creator: "luna", amount: 2500 });
    await syncStream(creatorId, "earnings");
    expect(await rewarmEarningsReports(creatorId)).toBeGreaterThan(0);
    // Nothing changed since the rewarm: a second one has nothing to do.
    expect(await rewarmEarningsReports(creatorId)).toBe(0);
    // Served from the rewarmed memo (marked), which already has the new tip.
    await markMemo();
    const after = await report();
    expect(after.totals.payingFans).toBe(987654);
    expect(after.totals.gross).toBe(before.totals.gross + 2500);
  });

  it("recomputes after a refund or a status update touches the ledger", async () => {
    await report();
    await markMemo();
    const row = (await db.earningRow.findFirst({ where: { creatorId }, orderBy: { occurredAt: "desc" } }))!;
    await db.earningRow.update({ where: { id: row.id }, data: { orderStatus: "availableForPayout" } });
    expect((await report()).totals.payingFans).not.toBe(987654);
    await markMemo();
    const refunds = (await report()).refunds.count;
    await db.spendingRow.create({
      data: { creatorId, dedupeKey: "memo-test", occurredAt: new Date(), gross: 500, net: 400, source: "refund" },
    });
    const after = await report();
    expect(after.totals.payingFans).not.toBe(987654);
    expect(after.refunds.count).toBe(refunds + 1);
  });
});

describe("earnings report: a running period's comparison", () => {
  it("a running period's previous figures equal the ledger's up to the same elapsed time", async () => {
    const noon = new Date();
    noon.setUTCHours(12, 0, 0, 0);
    const day = 86_400_000;
    // A fan who paid early in the previous week and again in its cut day, one only in the cut day.
    const row = (key: string, at: number, fanUuid: string) => ({
      creatorId,
      dedupeKey: `memo-${key}`,
      occurredAt: new Date(at),
      gross: 700,
      net: 560,
      currency: "USD",
      source: "tip",
      fanUuid,
    });
    await db.earningRow.createMany({
      data: [
        row("head", noon.getTime() - 10 * day, "memo-fan-a"),
        row("tail-a", noon.getTime() - 7 * day - 6 * 3_600_000, "memo-fan-a"),
        row("tail-b", noon.getTime() - 7 * day - 3_600_000, "memo-fan-b"),
      ],
    });
    for (const now of [noon.getTime(), noon.getTime() + 3_600_000]) {
      const r = await earningsReport(
        [creatorId],
        [creatorId],
        earningsQuerySchema.parse({ range: "7d", tz: "UTC" }),
        now,
      );
      expect(r.range.partial).toBe(true);
      const [t] = await db.$queryRaw<{ gross: bigint; n: bigint; fans: bigint }[]>`
        SELECT COALESCE(SUM(gross), 0)::bigint AS gross, COUNT(*)::bigint AS n, COUNT(DISTINCT "fanUuid")::bigint AS fans
        FROM "EarningRow" WHERE "creatorId" = ${creatorId}
          AND "occurredAt" >= ${new Date(r.previous.startUtc)} AND "occurredAt" < ${new Date(r.previous.effectiveEndUtc)}`;
      expect(r.previousTotals.gross).toBe(Number(t!.gross));
      expect(r.previousTotals.transactions).toBe(Number(t!.n));
      expect(r.previousTotals.payingFans).toBe(Number(t!.fans));
    }
  });

  it("answers from the ledger when the memo table cannot be used", async () => {
    const expected = (await report()).totals;
    await db.$executeRaw`ALTER TABLE "EarningsMemo" RENAME TO "EarningsMemoAway"`;
    try {
      expect((await report()).totals).toEqual(expected);
    } finally {
      await db.$executeRaw`ALTER TABLE "EarningsMemoAway" RENAME TO "EarningsMemo"`;
    }
  });
});
