// Earnings CSV export benchmark: the all-time export of 100,000 ledger rows
// over HTTP from this process, while a probe request (a 7-day earnings
// report, what the earnings page asks for) runs every 20 ms against the same
// process. Baselines in the same run: the probe with no export running, and
// the previous export (whole file built in memory, TZDate + date-fns per row).
// Run: node --conditions=react-server --import tsx scripts/bench/export.ts
import http from "node:http";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { Readable } from "node:stream";
import { setTimeout as pause } from "node:timers/promises";
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { fmt, percentile, row, startBench } from "./harness";

const ROWS = 100_000;
const bench = await startBench({ soloFans: 20 });
const { db } = await import("@/lib/server/db");
const { exportEarnings } = await import("@/lib/server/earnings/export");
const { earningsReport } = await import("@/lib/server/earnings/report");
const { earningsQuerySchema } = await import("@/lib/schemas/earnings");
const { localDate } = await import("@/lib/utils/date-range");
const { exactDollars } = await import("@/lib/server/earnings/money");

console.log("Earnings CSV export");
const { creators, user } = await bench.provision("luna");
const luna = creators.luna!;
const t0 = performance.now();
// Two years of rows, several sources, a few hundred fans.
await db.$executeRaw`
  INSERT INTO "EarningRow" (id, "creatorId", "dedupeKey", "occurredAt", gross, net, currency, source, "fanUuid", "fanHandle")
  SELECT 'bench' || lpad(i::text, 7, '0'), ${luna.id}, 'bench:' || i, now() - (i * interval '631 seconds'),
         500 + i % 2000, 400 + i % 1600, 'USD', (ARRAY['tip','message','post','renewal','subscription','referral'])[1 + i % 6],
         'fan-' || (i % 3000), 'fan' || (i % 3000)
  FROM generate_series(1, ${ROWS}) AS i`;
await db.$executeRaw`ANALYZE "EarningRow"`;
row("ledger rows (one generate_series insert)", ROWS.toLocaleString(), fmt(performance.now() - t0));

const all = earningsQuerySchema.parse({ range: "all", tz: "America/Los_Angeles" });
const week = earningsQuerySchema.parse({ range: "7d", tz: "America/Los_Angeles" });
const users = [
  user.id,
  ...(await Promise.all([1, 2].map((k) => db.user.create({ data: { name: `bench${k}` } })))).map((u) => u.id),
];

/** The export before this change, for comparison: every row in memory, a TZDate and date-fns format per row. */
async function previousCsv() {
  const report = await earningsReport([luna.id], [luna.id], all);
  const r = report.range;
  const data = await db.earningRow.findMany({
    where: { creatorId: luna.id, occurredAt: { gte: new Date(r.startUtc), lt: new Date(r.endUtc) } },
    orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
  });
  const body = data.map((e) =>
    [
      format(new TZDate(e.occurredAt.getTime(), all.tz), "yyyy-MM-dd'T'HH:mm:ss.SSSxxx"),
      localDate(e.occurredAt.getTime(), all.tz),
      e.source,
      e.source,
      exactDollars(e.gross),
      exactDollars(e.net),
      e.currency,
      e.fanHandle,
      e.fanUuid,
      e.orderId,
      e.messageUuid,
      e.postUuid,
    ].join(","),
  );
  return body.join("\n");
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url!, "http://bench");
  const send = async () => {
    if (url.pathname === "/probe") {
      const report = await earningsReport([luna.id], [luna.id], week);
      return void res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(report.totals));
    }
    if (url.pathname === "/previous")
      return void res.writeHead(200, { "Content-Type": "text/csv" }).end(await previousCsv());
    const r = await exportEarnings({
      userId: url.searchParams.get("user")!,
      creatorIds: [luna.id],
      query: all,
      rows: "transactions",
      label: "@luna",
      fileName: "bench.csv",
    });
    res.writeHead(r.status, Object.fromEntries(r.headers));
    Readable.fromWeb(r.body! as import("node:stream/web").ReadableStream).pipe(res);
  };
  send().catch((err: unknown) => res.writeHead(500).end(String(err)));
});
await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
const agent = new http.Agent({ keepAlive: true });

/** A GET, body drained; resolves with [ms, bytes]. */
const get = (path: string) =>
  new Promise<[number, number]>((resolve, reject) => {
    const t = performance.now();
    let bytes = 0;
    http
      .get(`${base}${path}`, { agent }, (res) => {
        res.on("data", (d: Buffer) => (bytes += d.length));
        res.on("end", () =>
          res.statusCode === 200
            ? resolve([performance.now() - t, bytes])
            : reject(new Error(`${path}: ${res.statusCode}`)),
        );
      })
      .on("error", reject);
  });

/** Runs `work` while probing every 20 ms; probe latencies and the event loop's delay. */
async function underLoad(work: () => Promise<unknown>) {
  const loop = monitorEventLoopDelay({ resolution: 5 });
  const probes: number[] = [];
  let running = true;
  const probing = (async () => {
    while (running) {
      probes.push((await get("/probe"))[0]);
      await pause(20);
    }
  })();
  loop.enable();
  const t = performance.now();
  const result = await work();
  const ms = performance.now() - t;
  running = false;
  await probing;
  loop.disable();
  return { ms, result, probes, loopP99: loop.percentile(99) / 1e6, loopMax: loop.max / 1e6 };
}

for (let i = 0; i < 20; i++) await get("/probe"); // warm
const idle = await underLoad(() => pause(3_000));
row(
  "baseline: probe (7-day report), no export, p50 / p95",
  `${fmt(percentile(idle.probes, 50))} / ${fmt(percentile(idle.probes, 95))}`,
);
row("baseline: event-loop delay, no export, max", fmt(idle.loopMax));

await get(`/export?user=${users[0]}`); // warm
const one = await underLoad(() => get(`/export?user=${users[0]}`));
const [, bytes] = one.result as [number, number];
row("export, 100k rows all-time: total time", fmt(one.ms), `${(bytes / 1e6).toFixed(1)} MB`);
row("export: rows per second", Math.round(ROWS / (one.ms / 1000)).toLocaleString());
row("export: event-loop delay p99 / max", `${fmt(one.loopP99)} / ${fmt(one.loopMax)}`, "target max < 300 ms");
row(
  "export: concurrent probe p50 / p95 / max",
  `${fmt(percentile(one.probes, 50))} / ${fmt(percentile(one.probes, 95))} / ${fmt(Math.max(...one.probes))}`,
  `${one.probes.length} probes`,
);

const three = await underLoad(() => Promise.all(users.map((u) => get(`/export?user=${u}`))));
row("3 exports at once (3 users): total time", fmt(three.ms));
row("3 exports: event-loop delay max; probe p95", `${fmt(three.loopMax)}; ${fmt(percentile(three.probes, 95))}`);

const previous = await underLoad(() => get("/previous"));
row("reference: previous export (whole file, TZDate per row)", fmt(previous.ms));
row(
  "reference: event-loop delay max; probe p95 / max",
  `${fmt(previous.loopMax)}; ${fmt(percentile(previous.probes, 95))} / ${fmt(Math.max(...previous.probes))}`,
);

agent.destroy();
server.close();
await bench.stop();
process.exit(0);
