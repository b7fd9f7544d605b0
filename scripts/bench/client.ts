// Fanvue client benchmarks (issue 4): upstream calls per 1,000 UI requests,
// and how fully bulk work uses the rate budget without a 429.
import { row, startBench } from "./harness";

const bench = await startBench({ soloFans: 20_000, agencyFans: [50, 50, 50], rateLimit: { limit: 60, windowSec: 10 } });
const { fanvueClient } = await import("@/lib/server/fanvue/client");
const { getCreatorOverview } = await import("@/lib/server/creators/overview");
const { earningsReport } = await import("@/lib/server/earnings/report");
const { earningsQuerySchema } = await import("@/lib/schemas/earnings");
const { upstreamStats, limiter } = await import("@/lib/server/fanvue/request");

console.log("Fanvue client");
const { workspace, connection, creators, account } = await bench.provision("luna");
const luna = creators.luna!;
const access = {
  workspace: { id: workspace.id, kind: workspace.kind, name: workspace.name, connectionId: connection.id },
  membership: { id: "bench", role: "owner" as const, allCreators: true, creatorIds: [] },
  creator: {
    id: luna.id,
    fanvueUuid: luna.fanvueUuid,
    handle: luna.handle,
    displayName: luna.displayName,
    avatarUrl: luna.avatarUrl,
  },
};

// 1. A page's worth of UI traffic: overview and earnings, 1,000 requests in
//    bursts of 50 (a busy team with several tabs open).
await bench.admin("/calls", undefined, "DELETE");
const q = earningsQuerySchema.parse({ range: "30d", tz: "UTC" });
for (let i = 0; i < 20; i++) {
  await Promise.all(
    Array.from({ length: 50 }, (_, k) =>
      k % 2 ? getCreatorOverview(access) : earningsReport([luna.id], [luna.id], q),
    ),
  );
}
const calls = (await bench.admin("/calls?summary=1")) as { total: number };
row("upstream calls per 1,000 UI requests", String(calls.total), "overview cached 30 s; earnings from the ledger");

// 2. Bulk: fan insights for 20,000 fans in batches of 100 on the background
//    priority, scaled-down bucket (60 per 10 s).
// Start on a fresh bucket window so per-window figures line up with Fanvue's.
await new Promise((r) => setTimeout(r, Math.max(0, limiter.snapshot(connection.id).resetAt - Date.now() + 100)));
await bench.admin("/calls", undefined, "DELETE");
const world = bench.sb.state.world.creators.get(account.uuid)!;
const client = fanvueClient({ connectionId: connection.id });
const started = Date.now();
const before429 = limiter.stats.throttled429;
await Promise.all(
  Array.from({ length: 200 }, (_, i) =>
    client.selfOnly("POST", "/insights/fans/batch", {
      body: { userUuids: world.fans.slice(i * 100, i * 100 + 100).map((f) => f.uuid) },
      priority: "background",
      idempotent: true,
    }),
  ),
);
const seconds = (Date.now() - started) / 1000;
const log = (await bench.admin("/calls")) as { byStatus: Record<string, number>; calls: { at: string }[] };
const times = log.calls.map((c) => Date.parse(c.at));
const perWindow = new Map<number, number>();
for (const t of times)
  perWindow.set(Math.floor((t - times[0]!) / 10_000), (perWindow.get(Math.floor((t - times[0]!) / 10_000)) ?? 0) + 1);
const full = [...perWindow.entries()]
  .sort((a, b) => a[0] - b[0])
  .slice(0, -1)
  .map(([, c]) => c / 60);
row(
  "bulk: 200 batch calls (20,000 fans), wall time",
  `${seconds.toFixed(1)} s`,
  `theoretical minimum ${(Math.ceil(200 / 60) - 1) * 10} s + last window`,
);
row(
  "bulk: budget used per full window (60 / 10 s)",
  `${((full.reduce((a, b) => a + b, 0) / full.length) * 100).toFixed(1)} %`,
  `target ≥ 90 %; windows: ${[...perWindow.values()].join(", ")}`,
);
row(
  "bulk: 429 answers upstream",
  String((log.byStatus["429"] ?? 0) + (limiter.stats.throttled429 - before429)),
  "target 0",
);
row("upstream retries (whole run)", String(upstreamStats.retries));
await bench.stop();
process.exit(0);
