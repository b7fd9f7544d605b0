// Earnings benchmarks (issue 6): API time over 50,000 ledger rows vs the bare
// GROUP BY it needs, in the same run; budget use and 429s of a full backfill.
import { fmt, row, startBench, timeIt } from "./harness";

const bench = await startBench({ soloFans: 1200, rateLimit: { limit: 40, windowSec: 10 } });
const { db } = await import("@/lib/server/db");
const { earningsReport } = await import("@/lib/server/earnings/report");
const { earningsQuerySchema } = await import("@/lib/schemas/earnings");
const { syncStream } = await import("@/lib/server/earnings/sync");

console.log("Earnings");
const { creators } = await bench.provision("luna");
const luna = creators.luna!;

// 1. Backfill within the rate budget (scaled-down bucket: 40 per 10 s),
//    starting on a fresh window so per-window figures line up with Fanvue's.
const { limiter } = await import("@/lib/server/fanvue/request");
const conn = (await db.workspace.findUniqueOrThrow({ where: { id: luna.workspaceId } })).connectionId;
await new Promise((r) => setTimeout(r, Math.max(0, limiter.snapshot(conn).resetAt - Date.now() + 100)));
await bench.admin("/calls", undefined, "DELETE");
const t0 = Date.now();
const res = await syncStream(luna.id, "earnings");
const elapsed = (Date.now() - t0) / 1000;
const calls = (await bench.admin("/calls")) as {
  total: number;
  byStatus: Record<string, number>;
  calls: { at: string }[];
};
// Budget use per 10 s window of the sandbox's bucket (windows start at the
// first call); the last window is cut short by the end of the work.
const times = calls.calls.map((c) => Date.parse(c.at));
const perWindow = new Map<number, number>();
for (const t of times)
  perWindow.set(Math.floor((t - times[0]!) / 10_000), (perWindow.get(Math.floor((t - times[0]!) / 10_000)) ?? 0) + 1);
const full = [...perWindow.entries()]
  .sort((a, b) => a[0] - b[0])
  .slice(0, -1)
  .map(([, c]) => c / 40);
const used = full.length ? full.reduce((a, b) => a + b, 0) / full.length : 1;
row("full backfill: rows / pages", `${res.rows} / ${res.pages}`);
row("full backfill: upstream calls, 429s", `${calls.total}, ${calls.byStatus["429"] ?? 0}`);
row(
  "full backfill: budget used per full window (40 / 10 s)",
  `${(used * 100).toFixed(1)} %`,
  `target ≥ 90 %; windows: ${[...perWindow.values()].join(", ")}`,
);
row("full backfill: wall time", `${elapsed.toFixed(1)} s`);

// 2. 50,000 rows: API for a 1-year range vs a bare count in the same run.
const existing = await db.earningRow.count({ where: { creatorId: luna.id } });
const extra = 50_000 - existing;
const now = Date.now();
const sources = ["tip", "message", "post", "renewal", "subscription", "referral"];
for (let i = 0; i < extra; i += 5000) {
  await db.earningRow.createMany({
    data: Array.from({ length: Math.min(5000, extra - i) }, (_, k) => ({
      creatorId: luna.id,
      dedupeKey: `bench:${i + k}`,
      occurredAt: new Date(now - Math.floor(((i + k) / extra) * 2 * 365 * 86_400_000)),
      gross: 500 + ((i + k) % 2000),
      net: 400 + ((i + k) % 1600),
      currency: "USD",
      source: sources[(i + k) % sources.length]!,
      fanUuid: `fan-${(i + k) % 3000}`,
    })),
  });
}
const total = await db.earningRow.count({ where: { creatorId: luna.id } });
const q = earningsQuerySchema.parse({ range: "12m", tz: "America/Los_Angeles", granularity: "day" });
await earningsReport([luna.id], [luna.id], q); // warm
// The first view after a ledger change computes the ledger's part (the memo
// is stale); later views read it. Both are timed; the baseline is the bare
// GROUP BY the report needs (gross, net, count per local day and source).
const bump = () => db.$executeRaw`UPDATE "LedgerVersion" SET version = version + 1 WHERE "creatorId" = ${luna.id}`;
const cold = await timeIt(30, async () => {
  await bump();
  await earningsReport([luna.id], [luna.id], q);
});
const warm = await timeIt(30, () => earningsReport([luna.id], [luna.id], q));
const bare = await timeIt(
  30,
  () => db.$queryRaw`
  SELECT date_trunc('day', "occurredAt" AT TIME ZONE 'America/Los_Angeles') AS day, source, SUM(gross), SUM(net), COUNT(*)
  FROM "EarningRow" WHERE "creatorId" = ${luna.id} AND "occurredAt" >= now() - interval '365 days' GROUP BY 1, 2`,
);
row("ledger rows", total.toLocaleString());
row(
  "earnings report, 1-year range, first view after a sync, p50 / p95",
  `${fmt(cold.p50)} / ${fmt(cold.p95)}`,
  `${(cold.p50 / bare.p50).toFixed(2)}× the GROUP BY`,
);
row(
  "earnings report, 1-year range, later views (memo), p50 / p95",
  `${fmt(warm.p50)} / ${fmt(warm.p95)}`,
  "target p50 < 150 ms",
);
row("baseline: bare GROUP BY local day × source, 1 year, p50", fmt(bare.p50));
await bench.stop();
process.exit(0);
