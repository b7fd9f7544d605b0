// Fan-panel burst (issue 23): 25 clients × 20 lookups over 250 distinct fans
// (each asked twice) in a shuffled order, every lookup fired at its own random
// moment; upstream batch calls (floor: ceil(250/100) = 3), the warm repeat,
// wall time and per-lookup latency, for today's loader (batches by fan set)
// against the loader before issue 23 (flush by arrival time, 15-ms window,
// frozen in ./baseline), in the same run on the same sandbox and database.
// Besides the 0–30 ms burst of the target, the same lookups spread
// over 0.3, 1 and 2.5 s (a server busy with other work hands them to the
// loader over a longer time).
// Run: node --conditions=react-server --import tsx scripts/bench/insight-burst.ts
import { burstPlan, runBurst, type BurstOutcome } from "../../tests/support/insight-burst";
import { fmt, percentile, row, startBench } from "./harness";

// A budget far above the calls made: the limiter never holds a call back,
// so the figures are the loaders' own.
const bench = await startBench({ soloFans: 300, agencyFans: [1, 1, 1], rateLimit: { limit: 10_000, windowSec: 60 } });
const { InsightLoader } = await import("@/lib/server/fans/insights/insight-loader");
const { InsightLoader: ArrivalLoader } = await import("./baseline/insight-loader-by-arrival");
const { subjectOf } = await import("@/lib/server/fans/insights/insights");
type View = { state: string };
type Load = (s: ReturnType<typeof subjectOf>, uuids: string[]) => Promise<Map<string, View>>;

const { workspace, connection, creators, account } = await bench.provision("luna");
const luna = creators.luna!;
const subject = subjectOf({
  workspace: { id: workspace.id, kind: workspace.kind, name: workspace.name, connectionId: connection.id },
  creator: { id: luna.id, fanvueUuid: luna.fanvueUuid, handle: luna.handle, displayName: luna.displayName },
} as Parameters<typeof subjectOf>[0]);
const fans = bench.sb.state.world.creators
  .get(account.uuid)!
  .fans.slice(0, 250)
  .map((f) => f.uuid);
const batchCalls = async () =>
  ((await bench.admin(`/calls?summary=1&path=${encodeURIComponent("/insights/fans/batch")}`)) as { total: number })
    .total;

/** One burst on a cold cache (its own creator id); calls, then the same again warm. */
async function measure(load: Load, creatorId: string, spreadMs: number, seed: number) {
  const s = { ...subject, creatorId };
  const plan = (k: number) => burstPlan(fans, k, { clients: 25, perClient: 20, times: 2, maxDelayMs: spreadMs });
  const ask = async (fan: string) => (await load(s, [fan])).get(fan)!;
  await bench.admin("/calls", undefined, "DELETE");
  const cold = await runBurst(plan(seed), ask);
  const coldCalls = await batchCalls();
  await bench.admin("/calls", undefined, "DELETE");
  const warm = await runBurst(plan(seed + 1), ask);
  return { cold, coldCalls, warm, warmCalls: await batchCalls() };
}

const failed = (o: BurstOutcome<View>) => o.answers.filter((a) => a.error || a.value?.state !== "ok").length;
const lat = (o: BurstOutcome<View>) =>
  `p50 ${fmt(percentile(o.latenciesMs, 50))}, p95 ${fmt(percentile(o.latenciesMs, 95))}`;

console.log("Fan-panel burst: 500 lookups of 250 distinct fans by 25 clients (floor 3 batch calls)");
console.log("  previous loader: flush by arrival (15-ms window); fan-set loader: 100 fans, 40 ms quiet or 250 ms");
// A fresh instance per measurement, as a server process starts with.
const loaders: [string, () => Load][] = [
  [
    "previous loader",
    () => {
      const l = new ArrivalLoader({});
      return (s, u) => l.load(s, u);
    },
  ],
  [
    "fan-set loader",
    () => {
      const l = new InsightLoader({});
      return (s, u) => l.load(s, u);
    },
  ],
];
// Warm-up (JIT, connection pool), not measured: the first loader would pay it.
await measure(loaders[1]![1](), "burst-warmup", 30, 1);
for (const [i, spreadMs] of [30, 300, 1000, 2500].entries()) {
  console.log(`  lookups fired over 0–${spreadMs} ms:`);
  for (const [j, [name, make]] of loaders.entries()) {
    const m = await measure(make(), `burst-${i}-${j}`, spreadMs, 23 + i);
    const bad = failed(m.cold) + failed(m.warm);
    row(
      `  ${name}: batch calls, cold / warm repeat`,
      `${m.coldCalls} / ${m.warmCalls}`,
      bad ? `${bad} lookups failed` : "",
    );
    row(`  ${name}: burst wall time (cold)`, fmt(m.cold.wallMs), `per lookup ${lat(m.cold)}`);
  }
}
await bench.stop();
process.exit(0);
