import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { seedLedgerAndFans } from "../support/export-seed";
import { secondDatabase } from "../support/second-database";
import { startTestSandbox } from "../support/sandbox";
import { provisionAccount } from "../support/workspace";

// `npm run export` of 100,000 ledger rows and 100,000 fans through the real
// CLI (a child process on this test's database): its resident memory must
// grow by less than 400 MB (the export streams, it never holds a table), and
// `npm run import` of the file into an empty database restores the same rows.
// And while the same export runs inside this process (as the route runs it in
// the server), other database requests keep answering within 300 ms.
const sb = await startTestSandbox();
const { db } = await import("@/lib/server/db");
const luna = await provisionAccount(sb, "luna");
const creator = luna.creators.luna!;
const ROWS = 100_000;
/** Skipped, not failed, on a machine too slow to export in this time. */
const BUDGET_MS = 120_000;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vuedeck-export-mem-"));
await seedLedgerAndFans(db, creator.id, ROWS);

afterAll(async () => {
  await db.$disconnect();
  await sb.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Resident set size (KiB) of a process, read from /proc while it runs; a
 * sample is marked once the export has begun (`started()`: the CLI has
 * loaded its modules and connected), the baseline of the growth. */
function watchRss(pid: number, started: () => boolean) {
  const samples: { kib: number; started: boolean }[] = [];
  const read = () => {
    const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    if (m) samples.push({ kib: Number(m[1]), started: started() });
  };
  const timer = setInterval(() => {
    try {
      read();
    } catch {
      clearInterval(timer);
    }
  }, 50);
  return { stop: () => clearInterval(timer), samples };
}

/** The flags `npm run export` runs node with (package.json). */
const EXPORT_FLAGS = ["--max-semi-space-size=32", "--max-old-space-size=256"];

function runCli(args: string[], databaseUrl: string, flags: string[] = []) {
  const child = spawn(process.execPath, [...flags, "--conditions=react-server", "--import", "tsx", ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  const done = new Promise<number>((resolve) => child.on("exit", (code) => resolve(code ?? -1)));
  return { child, done, stderr: () => stderr };
}

it("exports 100,000 ledger rows + 100,000 fans with RSS growth under 400 MB, and imports them back", async (ctx) => {
  const out = path.join(dir, "big.zip");
  const run = runCli(
    ["scripts/export.ts", "--workspace", luna.workspace.id, "--out", out],
    process.env.DATABASE_URL!,
    EXPORT_FLAGS,
  );
  const rss = watchRss(run.child.pid!, () => run.stderr().includes("Exported:"));
  const timeout = new Promise<"slow">((r) => setTimeout(() => r("slow"), BUDGET_MS).unref());
  const result = await Promise.race([run.done, timeout]);
  rss.stop();
  if (result === "slow") {
    run.child.kill("SIGKILL");
    ctx.skip();
  }
  expect(result, run.stderr()).toBe(0);
  const during = rss.samples.filter((s) => s.started).map((s) => s.kib);
  expect(during.length).toBeGreaterThan(5);
  const peakMb = (Math.max(...during) - during[0]!) / 1024;
  expect(peakMb).toBeLessThan(400);

  const target = await secondDatabase();
  try {
    const imported = runCli(["scripts/import.ts", out], target.url);
    expect(await imported.done, imported.stderr()).toBe(0);
    expect(await target.client.earningRow.count()).toBe(ROWS);
    expect(await target.client.audienceFan.count()).toBe(ROWS);
  } finally {
    await target.client.$disconnect();
  }
}, 480_000);

it("keeps other requests answering within 300 ms while an export streams in the same process", async (ctx) => {
  const { exportZip, resolveScope } = await import("@/lib/server/data-export/export");
  const scope = await resolveScope(db, { workspaceId: luna.workspace.id });
  let running = true;
  const latencies: number[] = [];
  // A request every 50 ms (pacing, not waiting for a condition), as the overview would ask.
  const probe = (async () => {
    while (running) {
      const t = performance.now();
      await db.creator.findMany({ where: { workspaceId: luna.workspace.id } });
      latencies.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  const started = Date.now();
  let bytes = 0;
  for await (const chunk of exportZip(db, scope, { appVersion: "test" })) {
    bytes += chunk.length;
    if (Date.now() - started > BUDGET_MS) break;
  }
  running = false;
  await probe;
  if (Date.now() - started > BUDGET_MS) ctx.skip();
  expect(bytes).toBeGreaterThan(1_000_000);
  expect(latencies.length).toBeGreaterThan(20);
  // Requests answer within 300 ms while it streams (95th percentile: one probe may meet a GC pause
  // or a neighbour's burst on a 2-core machine), and none waits anywhere near the 5–6 s stall a
  // synchronous whole-file export caused.
  const sorted = [...latencies].sort((a, b) => a - b);
  expect(sorted[Math.floor(sorted.length * 0.95)]).toBeLessThan(300);
  expect(sorted.at(-1)).toBeLessThan(1_000);
}, 480_000);
