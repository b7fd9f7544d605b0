// The full export through the real route in the real server (issue 22):
// `next start` on a production build, 100,000 ledger rows + 100,000 fans for
// one creator, the owner downloads GET /api/workspaces/:id/export while other
// requests (GET /api/me, a workspace's creators) are sent every 100 ms. The
// server process's RSS is read from /proc every 100 ms. Baseline in the same
// run: the same requests and RSS with no export running. Then a slow reader
// (1 MB/s, then a stall): the server must stop producing (backpressure).
// Fails when the server's peak RSS reaches 400 MB, the other requests' p95
// passes 300 ms (in either of two exports), the zip is wrong, or the server
// works on for a stalled reader.
// Run: NEXT_DIST_DIR=.next-x npm run bench -- export-server
import path from "node:path";
import { setTimeout as pause } from "node:timers/promises";
import { seedLedgerAndFans } from "../../tests/support/export-seed";
import { abandonedRead, downloadTo, throttledRead, verifyExportZip } from "./export-download";
import { fmt, row } from "./harness";
import { signInLuna, startProdStack, stopProdStack } from "./prod-stack";
import {
  cpuSec,
  kernelQueuedBytes,
  median,
  paceRequests,
  sampleRss,
  serverPid,
  summary,
  untilIdle,
} from "./server-sampler";

const ROWS = 100_000;
const RSS_LIMIT_MB = 400;
const P95_LIMIT_MS = 300;
/** The slow reader: 1 MB/s for 5 s, then no reading for 3 s. */
const SLOW = { bytesPerSec: 1_000_000, readMs: 5_000, stallMs: 3_000 };

const prod = await startProdStack("export-server");
const { stack, dataDir } = prod;

/** Luna (the owner) signed in, with a session like Auth.js stores it; her ledger and roster seeded. */
async function signedInOwner() {
  const { db, user, creator, cookie } = await signInLuna(prod);
  const t = performance.now();
  await seedLedgerAndFans(db, creator.id, ROWS);
  await db.$executeRawUnsafe(`ANALYZE "EarningRow"; ANALYZE "AudienceFan"; ANALYZE "FanInsight"`);
  row(
    "seeded ledger rows + fans (one creator)",
    `${ROWS.toLocaleString()} + ${ROWS.toLocaleString()}`,
    fmt(performance.now() - t),
  );
  return { db, user, creator, headers: { Cookie: cookie, Accept: "application/json" } };
}

console.log("Full export through the server (next start)");
const { db, user, creator, headers } = await signedInOwner();
const pid = serverPid(stack.children.app!.pid!);
const exportUrl = `${stack.appUrl}/api/workspaces/${creator.workspaceId}/export`;
const probeUrls = [`${stack.appUrl}/api/me`, `${stack.appUrl}/api/workspaces/${creator.workspaceId}/creators`];
const failures: string[] = [];

/** Runs `work` while the other requests go every 100 ms and the server's RSS is sampled. */
async function underWatch<T>(work: () => Promise<T>) {
  const rss = sampleRss(pid);
  const probes = paceRequests(probeUrls, headers);
  const cpu0 = cpuSec(pid);
  const t = performance.now();
  const result = await work();
  const ms = performance.now() - t;
  const cpu = cpuSec(pid) - cpu0;
  return { result, ms, cpu, rss: rss.stop(), probes: summary(await probes.stop()) };
}

const show = (s: ReturnType<typeof summary>) => `${fmt(s.p50)} / ${fmt(s.p95)} / ${fmt(s.max)}`;

// Warm-up: the probe routes and the export route's module (a refused scope loads it, exports nothing).
for (let i = 0; i < 20; i++)
  await Promise.all(probeUrls.map((u) => fetch(u, { headers }).then((r) => r.arrayBuffer())));
await fetch(`${exportUrl}?creatorId=none`, { headers }).then((r) => r.arrayBuffer());

const idle = await underWatch(() => pause(5_000));
const baseRss = median(idle.rss);
row("server pid (the next-server process)", String(pid), `launched ${stack.children.app!.pid}`);
row("baseline, no export: server RSS median / max", `${baseRss.toFixed(0)} / ${Math.max(...idle.rss).toFixed(0)} MB`);
row("baseline: other requests p50 / p95 / max", show(idle.probes), `${idle.probes.n} requests`);

const zipFile = path.join(dataDir, "export.zip");
/** One download of the full export, measured and held to the limits. */
async function measuredExport(label: string) {
  const run = await underWatch(() => downloadTo(exportUrl, headers, zipFile));
  const peak = Math.max(...run.rss);
  const mb = `${(run.result / 1e6).toFixed(1)} MB zip`;
  row(`${label}: duration`, fmt(run.ms), `${mb}, server CPU ${run.cpu.toFixed(1)} s`);
  row(
    `${label}: server RSS peak / growth`,
    `${peak.toFixed(0)} MB`,
    `+${(peak - baseRss).toFixed(0)} MB over baseline`,
  );
  row(`${label}: other requests p50 / p95 / max`, show(run.probes), `${run.probes.n} requests`);
  if (peak >= RSS_LIMIT_MB) failures.push(`${label}: peak server RSS ${peak.toFixed(0)} MB ≥ ${RSS_LIMIT_MB} MB`);
  if (run.probes.p95 > P95_LIMIT_MS)
    failures.push(`${label}: other requests' p95 ${fmt(run.probes.p95)} > ${P95_LIMIT_MS} ms`);
}
// The first export after the server starts also pays for loading and compiling its queries.
await measuredExport("export, first after start");
await measuredExport("export again");

const check = await verifyExportZip(zipFile, { EarningRow: ROWS, AudienceFan: ROWS });
row("zip: entries; ledger / fans lines (= manifest, SHA-256 ok)", check.summary);
failures.push(...check.problems);

await slowReader();

/** The slow reader, on an export too big to hide in the kernel's socket
 * buffers (up to ~4 MB each way on loopback; the seeded zip is only a few
 * MB): each fan gets 512 random hex characters as a nickname (~100 MB more
 * JSON and CSV that barely compresses). Read at 1 MB/s, then not at all: the
 * server must go idle (no CPU) and hold no more memory, rather than build
 * the rest of the zip for nobody. Then the rest is read, and a download that
 * is abandoned must give its export lease back. */
async function slowReader() {
  await db.$executeRaw`
    UPDATE "AudienceFan" f SET nickname = (SELECT string_agg(md5(random()::text || g || f."fanUuid"), '') FROM generate_series(1, 16) g)
    WHERE "creatorId" = ${creator.id}`;
  const rssBefore = median(sampleRss(pid).stop());
  const rss = sampleRss(pid);
  const reader = await throttledRead(exportUrl, headers, SLOW.bytesPerSec, SLOW.readMs);
  // The kernel's socket buffers go on filling after the reader stops; then the server must idle.
  const idleAfter = await untilIdle(pid);
  const cpu0 = cpuSec(pid);
  await pause(SLOW.stallMs);
  const cpuStall = cpuSec(pid) - cpu0;
  const inKernel = kernelQueuedBytes(Number(new URL(stack.appUrl).port), reader.localPort);
  const peakStalled = Math.max(...rss.stop());
  const cpu1 = cpuSec(pid);
  const total = await reader.rest();
  const cpuRest = cpuSec(pid) - cpu1;
  const unread = total - reader.read;
  const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;
  row("slow reader: read (≤ 1 MB/s) for 5 s, then stalled", mb(reader.read), `${mb(unread)} unread of ${mb(total)}`);
  row(
    "slow reader: server idle after the reader stopped",
    idleAfter === null ? "never" : fmt(idleAfter),
    `${mb(inKernel)} then in the kernel's socket buffers`,
  );
  row(
    "slow reader: server CPU in the 3 s stall / reading the rest",
    `${cpuStall.toFixed(2)} / ${cpuRest.toFixed(1)} s`,
    "the rest is built only once it is read",
  );
  row(
    "slow reader: server RSS before / peak while stalled",
    `${rssBefore.toFixed(0)} / ${peakStalled.toFixed(0)} MB`,
    `+${(peakStalled - rssBefore).toFixed(0)} MB`,
  );
  if (reader.ended) failures.push("the slow reader got the whole export in 5 s: nothing was held back");
  if (peakStalled >= RSS_LIMIT_MB) failures.push(`slow reader: peak server RSS ≥ ${RSS_LIMIT_MB} MB`);
  if (peakStalled - rssBefore > unread / 1e6 / 2) failures.push("slow reader: server RSS grew with the unread data");
  // Without backpressure the server would go on building the rest of the zip for nobody, and
  // would have it ready (no work left) once the reader came back.
  if (idleAfter === null || cpuStall > 0.15 * (SLOW.stallMs / 1000) || cpuRest < 1)
    failures.push(`server worked ahead of a stalled reader (${cpuStall.toFixed(2)} s CPU in 3 s)`);
  await abandonedRead(exportUrl, headers);
  const released = await leaseReleased(user.id);
  row("abandoned download: its export lease released", released ? "yes" : "NO");
  if (!released) failures.push("the export lease was not released after the reader went away");
}

/** Whether the user's export lease is gone within 10 s (the server cancels the stream). */
async function leaseReleased(userId: string) {
  for (const until = Date.now() + 10_000; Date.now() < until; await pause(100)) {
    if ((await db.exportLease.count({ where: { userId } })) === 0) return true;
  }
  return false;
}

for (const f of failures) console.error(`  FAIL: ${f}`);
await stopProdStack(prod);
process.exit(failures.length ? 1 : 0);
