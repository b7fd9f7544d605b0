// Earnings at any audience size (issue 23): the earnings report (as the
// page asks for it: 30 days by day, 12 months by month, in a zone with DST)
// for a creator with 1,000 fans and one with 100,000, each with 3 ledger
// rows a fan spread over the same last 365 days (so the big creator has 100×
// the transactions in any period), interleaved so drift hits both alike.
// Baseline in the same run: the bare GROUP BY the report needs (gross and net
// per local day and source over the range, straight from the ledger).
// The report's ledger part is memoized while the ledger is unchanged
// (lib/server/earnings/report-memo.ts): "as served" is every view but the
// first after a sync; "first view after a ledger change" recomputes it, and
// is compared with the bare GROUP BY (it also counts distinct paying fans and
// ranks top spenders, per-fan work that grows with the audience).
// Exits non-zero when the report as served at 100k costs more than 1.5× at 1k (p50).
// Run: node --conditions=react-server --import tsx scripts/bench/earnings-scale.ts [--samples 40]
import { parseArgs } from "node:util";
import { fmt, percentile, row, startBench } from "./harness";

const { values: args } = parseArgs({
  options: {
    samples: { type: "string", default: "40" },
    small: { type: "string", default: "1000" },
    large: { type: "string", default: "100000" },
  },
});
const SAMPLES = Number(args.samples);
const SIZES = [Number(args.small), Number(args.large)] as const;
const MAX_RATIO = 1.5;
const ROWS_PER_FAN = 3;
const TZ = "America/Los_Angeles";

const bench = await startBench();
const { db } = await import("@/lib/server/db");
const { earningsReport } = await import("@/lib/server/earnings/report");
const { earningsQuerySchema } = await import("@/lib/schemas/earnings");

const owner = await db.user.create({ data: { name: "Bench", handle: "bench" } });

/** A creator with `n` fans' worth of ledger: 3n rows over the last 365 days, a synced ledger. */
async function creatorWith(n: number) {
  const conn = await db.fanvueConnection.create({
    data: {
      userId: owner.id,
      fanvueUserUuid: `bench-${n}`,
      scope: "read",
      accessTokenCipher: "x",
      accessTokenExpiresAt: new Date(),
    },
  });
  const ws = await db.workspace.create({ data: { connectionId: conn.id, kind: "creator", name: `bench ${n}` } });
  const creator = await db.creator.create({
    data: { workspaceId: ws.id, fanvueUuid: `bench-${n}`, handle: `bench${n}`, displayName: "Bench" },
  });
  const t = performance.now();
  const total = n * ROWS_PER_FAN;
  await db.$executeRaw`
    INSERT INTO "EarningRow" (id, "creatorId", "dedupeKey", "occurredAt", gross, net, currency, source, "fanUuid", "fanHandle")
    SELECT ${creator.id} || '-e' || j, ${creator.id}, 'k' || j,
           now() - (j::float8 / ${total}::int) * interval '365 days',
           (j % 997) * 100 + 500, ((j % 997) * 100 + 500) * 0.8, 'USD',
           (ARRAY['subscription','renewal','tip','message','post'])[1 + j % 5], md5(${creator.id} || (j % ${n}::int))::uuid::text,
           'fan' || (j % ${n}::int)
    FROM generate_series(0, ${total}::int - 1) AS j`;
  const ledger = { status: "idle", watermark: new Date(), backfilledAt: new Date() };
  await db.syncState.create({ data: { creatorId: creator.id, stream: "earnings", ...ledger } });
  console.log(
    `  seeded ${total.toLocaleString()} ledger rows for ${n.toLocaleString()} fans in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );
  return { n, id: creator.id };
}

console.log(
  `Earnings at ${SIZES.map((n) => n.toLocaleString()).join(" vs ")} fans (${ROWS_PER_FAN} ledger rows a fan over 365 days), ${SAMPLES} samples each`,
);
const creators = [await creatorWith(SIZES[0]), await creatorWith(SIZES[1])];
await db.$executeRaw`VACUUM ANALYZE`;
type Creator = (typeof creators)[number];

const q30 = earningsQuerySchema.parse({ range: "30d", tz: TZ, granularity: "day" });
const q12 = earningsQuerySchema.parse({ range: "12m", tz: TZ, granularity: "month" });
const groupBy = (c: Creator, days: number, unit: string) => db.$queryRaw`
  SELECT date_trunc(${unit}, "occurredAt" AT TIME ZONE ${TZ}) AS bucket, source, SUM(gross), SUM(net), COUNT(*)
  FROM "EarningRow" WHERE "creatorId" = ${c.id} AND "occurredAt" >= now() - ${days} * interval '1 day'
  GROUP BY 1, 2`;

/** A ledger write, as a sync makes one: the next report recomputes the ledger's part. */
const touch = (c: Creator) =>
  db.$executeRaw`UPDATE "LedgerVersion" SET version = version + 1 WHERE "creatorId" = ${c.id}`;
const cases: [string, (c: Creator) => Promise<unknown>, "baseline" | "served" | "cold"][] = [
  ["baseline: bare GROUP BY day × source, 30 days", (c) => groupBy(c, 30, "day"), "baseline"],
  ["baseline: bare GROUP BY month × source, 12 months", (c) => groupBy(c, 365, "month"), "baseline"],
  ["earnings report, 30 days by day, as served", (c) => earningsReport([c.id], [c.id], q30), "served"],
  ["earnings report, 12 months by month, as served", (c) => earningsReport([c.id], [c.id], q12), "served"],
  // Timed with the write: the write is one indexed UPDATE (≈0.1 ms), the same at both sizes.
  [
    "  first view after a ledger change, 30 days",
    (c) => touch(c).then(() => earningsReport([c.id], [c.id], q30)),
    "cold",
  ],
  [
    "  first view after a ledger change, 12 months",
    (c) => touch(c).then(() => earningsReport([c.id], [c.id], q12)),
    "cold",
  ],
];

// Two passes: the cold cases write to the ledger, which would make every
// served case of the same round a first view too.
const times = cases.map(() => creators.map(() => [] as number[]));
for (const pass of [["baseline", "served"], ["cold"]])
  for (let i = -3; i < SAMPLES; i++)
    for (const [k, [, run, kind]] of cases.entries())
      for (const [j, c] of creators.entries()) {
        if (!pass.includes(kind)) continue;
        const t = performance.now();
        await run(c);
        if (i >= 0) times[k]![j]!.push(performance.now() - t);
      }

let failed = 0;
const p50s = times.map((t) => t.map((s) => percentile(s, 50)));
for (const [k, [label, , kind]] of cases.entries()) {
  const [small, large] = times[k]!.map((t) => ({ p50: percentile(t, 50), p95: percentile(t, 95) }));
  const ratio = large!.p50 / small!.p50;
  const over = kind === "served" && ratio > MAX_RATIO;
  if (over) failed++;
  // A cold report is compared with the bare GROUP BY of the same range, at the same size.
  const vsBare = kind === "cold" ? `; ${(large!.p50 / p50s[k - 4]![1]!).toFixed(1)}× the bare GROUP BY at 100k` : "";
  row(
    `${label}, p50`,
    `${fmt(small!.p50)} → ${fmt(large!.p50)}`,
    `${ratio.toFixed(2)}×${over ? "  ← OVER 1.5×" : ""}${vsBare}`,
  );
  row("  p95", `${fmt(small!.p95)} → ${fmt(large!.p95)}`);
}
row(
  `target: the report at ${SIZES[1]!.toLocaleString()} ≤ ${MAX_RATIO}× at ${SIZES[0]!.toLocaleString()}`,
  failed ? "FAIL" : "ok",
);
await bench.stop();
process.exit(failed ? 1 : 0);
