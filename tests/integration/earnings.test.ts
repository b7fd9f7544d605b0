import { afterAll, describe, expect, it } from "vitest";
import { startTestSandbox } from "../support/sandbox";
import { provisionAccount } from "../support/workspace";

const sb = await startTestSandbox({ soloFans: 400 });
const { db } = await import("@/lib/server/db");
const { syncStream } = await import("@/lib/server/earnings/sync");
const { earningsReport } = await import("@/lib/server/earnings/report");
const { earningsCsv } = await import("@/lib/server/earnings/csv");
const { earningsQuerySchema } = await import("@/lib/schemas/earnings");

const luna = await provisionAccount(sb, "luna");
const creatorId = luna.creators.luna!.id;
await syncStream(creatorId, "earnings");
await syncStream(creatorId, "spending");

afterAll(async () => {
  await db.$disconnect();
  await sb.close();
});

type Truth = { gross: number; net: number; count: number; refunds: { gross: number; count: number } };
const truth = (start: string, end: string) =>
  sb.admin(
    `/truth/earnings?creator=luna&start=${encodeURIComponent(start)}&end=${encodeURIComponent(end)}`,
  ) as Promise<Truth>;

/** Sums a CSV column of decimal dollars as integer cents (no floats). */
function csvSum(csv: string, column: string) {
  const lines = csv.split("\n").filter((l) => l && !l.startsWith("#"));
  const cols = lines[0]!.split(",");
  const i = cols.indexOf(column);
  return lines.slice(1).reduce((sum, l) => {
    const [d, c = "0"] = l.split(",")[i]!.replace("-", "").split(".");
    const cents = Number(d) * 100 + Number(c.padEnd(2, "0"));
    return sum + (l.split(",")[i]!.startsWith("-") ? -cents : cents);
  }, 0);
}

const cases: Record<string, string>[] = [
  { range: "30d", tz: "UTC" },
  { range: "90d", tz: "Asia/Kolkata" },
  { range: "12m", tz: "UTC", granularity: "month" },
  { range: "custom", from: "2026-10-25", to: "2026-11-08", tz: "America/Los_Angeles" }, // US DST ends 2026-11-01
  { range: "custom", from: "2026-03-01", to: "2026-03-15", tz: "America/Los_Angeles", granularity: "week" }, // DST starts 2026-03-08
  { range: "ytd", tz: "Asia/Kolkata", granularity: "week" },
  { range: "all", tz: "Europe/Berlin", granularity: "month" },
];

describe("earnings from the synced ledger: totals against Fanvue's", () => {
  it("backfilled the whole history: the ledger equals Fanvue's rows", async () => {
    const all = await truth("2000-01-01T00:00:00Z", "2100-01-01T00:00:00Z");
    const agg = await db.earningRow.aggregate({ where: { creatorId }, _sum: { gross: true, net: true }, _count: true });
    expect(agg._count).toBe(all.count);
    expect(agg._sum.gross?.toString()).toBe(String(all.gross));
    expect(agg._sum.net?.toString()).toBe(String(all.net));
    expect(await db.spendingRow.count({ where: { creatorId } })).toBe(all.refunds.count);
  });

  it.each(cases)("API and CSV totals equal the sandbox's ground truth to the cent: %o", async (params) => {
    const q = earningsQuerySchema.parse(params);
    const report = await earningsReport([creatorId], [creatorId], q);
    const t = await truth(report.range.startUtc, report.range.endUtc);
    expect(report.totals.gross).toBe(t.gross);
    expect(report.totals.net).toBe(t.net);
    expect(report.totals.transactions).toBe(t.count);
    expect(report.refunds.count).toBe(t.refunds.count);
    // The chart's buckets add up to the totals.
    expect(report.series.reduce((s, b) => s + b.gross, 0)).toBe(t.gross);
    expect(report.bySource.reduce((s, b) => s + b.net, 0)).toBe(t.net);
    const csv = await earningsCsv([creatorId], q, "transactions", "@luna");
    expect(csvSum(csv, "gross_usd")).toBe(t.gross);
    expect(csvSum(csv, "net_usd")).toBe(t.net);
    expect(csv).toContain(`time zone ${q.tz}`);
    const buckets = await earningsCsv([creatorId], q, "buckets", "@luna");
    expect(csvSum(buckets, "net_usd")).toBe(t.net);
  });

  it("puts rows on the viewer's local day, DST included", async () => {
    const q = earningsQuerySchema.parse({
      range: "custom",
      from: "2026-11-01",
      to: "2026-11-01",
      tz: "America/Los_Angeles",
    });
    const report = await earningsReport([creatorId], [creatorId], q);
    expect(report.range.startUtc).toBe("2026-11-01T07:00:00.000Z");
    // Nov 1 lasts 25 hours in Los Angeles.
    expect(report.range.endUtc).toBe("2026-11-02T08:00:00.000Z");
    const t = await truth(report.range.startUtc, report.range.endUtc);
    expect(report.totals.gross).toBe(t.gross);
  });

  it("compares a running period like for like and marks it partial", async () => {
    const now = Date.now();
    const report = await earningsReport(
      [creatorId],
      [creatorId],
      earningsQuerySchema.parse({ range: "mtd", tz: "UTC" }),
      now,
    );
    expect(report.range.partial).toBe(true);
    expect(report.series.at(-1)!.partial).toBe(true);
    const elapsed = now - Date.parse(report.range.startUtc);
    expect(Date.parse(report.previous.effectiveEndUtc) - Date.parse(report.previous.startUtc)).toBe(elapsed);
    const t = await truth(report.previous.startUtc, report.previous.effectiveEndUtc);
    expect(report.previousTotals.gross).toBe(t.gross);
  });
});

describe("earnings from the synced ledger: syncs, filters, input", () => {
  it("an incremental sync adds new rows and never duplicates", async () => {
    const before = await db.earningRow.count({ where: { creatorId } });
    await sb.admin("/simulate/tip", { creator: "luna", amount: 1234 });
    await syncStream(creatorId, "earnings");
    await syncStream(creatorId, "earnings");
    expect(await db.earningRow.count({ where: { creatorId } })).toBe(before + 1);
    const newest = await db.earningRow.findFirst({ where: { creatorId }, orderBy: { occurredAt: "desc" } });
    expect(newest).toMatchObject({ source: "tip" });
    expect(newest!.gross.toString()).toBe("1234");
  });

  it("filters by source", async () => {
    const q = earningsQuerySchema.parse({ range: "90d", tz: "UTC", sources: "tip,message" });
    const report = await earningsReport([creatorId], [creatorId], q);
    expect(report.bySource.map((s) => s.source).sort()).toEqual(
      ["message", "tip"].filter((s) => report.bySource.some((b) => b.source === s)).sort(),
    );
    const t = (await truth(report.range.startUtc, report.range.endUtc)) as Truth & {
      bySource: Record<string, { gross: number }>;
    };
    expect(report.totals.gross).toBe((t.bySource.tip?.gross ?? 0) + (t.bySource.message?.gross ?? 0));
  });

  it("refuses bad input naming the parameter", () => {
    const bad = (p: Record<string, string>) => earningsQuerySchema.safeParse(p).error?.issues[0];
    expect(bad({ range: "custom", from: "2026-05-01", to: "2026-04-01" })).toMatchObject({
      path: ["to"],
      message: "to must be on or after from",
    });
    expect(bad({ range: "custom", from: "2015-01-01", to: "2026-04-01" })).toMatchObject({
      path: ["from"],
      message: "the range must be at most 5 years",
    });
    expect(bad({ tz: "Mars/Olympus" })?.path).toEqual(["tz"]);
    expect(bad({ sources: "tip,bitcoin" })?.path).toEqual(["sources"]);
    expect(bad({ range: "custom", from: "2026-02-30", to: "2026-03-01" })?.path).toEqual(["from"]);
  });

  // Last: it leaves fractional amounts in the ledger that the cases above assume away.
  it("keeps a fraction of a cent exactly and rounds a sum once (Fanvue types money as number)", async () => {
    const net = async () => (await db.earningRow.aggregate({ where: { creatorId }, _sum: { net: true } }))._sum.net!;
    const before = await net();
    for (let i = 0; i < 3; i++) await sb.admin("/simulate/tip", { creator: "luna", amount: 999, net: 799.4 });
    await syncStream(creatorId, "earnings");
    // Exact: rounding each row first would have made it 2397.
    expect((await net()).minus(before).toString()).toBe("2398.2");
    const q = earningsQuerySchema.parse({ range: "7d", tz: "UTC" });
    const report = await earningsReport([creatorId], [creatorId], q);
    const t = await truth(report.range.startUtc, report.range.endUtc);
    expect(Number.isInteger(t.net)).toBe(false);
    expect(report.totals.net).toBe(Math.round(t.net));
    const csv = await earningsCsv([creatorId], q, "transactions", "@luna");
    expect(csv.split("\n").filter((l) => l.includes(",tip,") && l.includes(",7.994,")).length).toBe(3);
  });
});
