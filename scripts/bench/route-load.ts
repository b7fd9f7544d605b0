// Load and baselines for the route benchmark (routes.ts): a closed-loop load
// at N concurrent connections, the bare baselines (a bare Next route handler
// built from the same node_modules, and a node:http server in this process,
// each answering one database query), and the database statements a page
// render costs (the server counts them with VUEDECK_COUNT_QUERIES=1).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { freePort, ROOT } from "../lib/stack.mjs";
import { percentile } from "./harness";

export type Load = { p50: number; p95: number; rps: number };
type Sample = { times: number[]; secs: number };

/** `connections` loops, each sending a request as soon as its last one is answered, for `ms`. */
async function burst(url: string, headers: Record<string, string>, connections: number, ms: number, into: Sample) {
  const end = performance.now() + ms;
  const loop = async () => {
    while (performance.now() < end) {
      const t = performance.now();
      const res = await fetch(url, { headers });
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`${url}: ${res.status}`);
      into.times.push(performance.now() - t);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: connections }, loop));
  into.secs += (performance.now() - started) / 1000;
}

/** Every target at `connections`, interleaved: `rounds` bursts of `ms` each in turn, so the
 * machine's drifting load (other work on it) falls on all of them alike. */
export async function loadInterleaved(
  targets: { url: string; headers: Record<string, string> }[],
  connections: number,
  rounds = 5,
  ms = 500,
): Promise<Load[]> {
  const samples: Sample[] = targets.map(() => ({ times: [], secs: 0 }));
  for (let r = 0; r < rounds; r++)
    for (const [i, t] of targets.entries()) await burst(t.url, t.headers, connections, ms, samples[i]!);
  return samples.map((s) => ({
    p50: percentile(s.times, 50),
    p95: percentile(s.times, 95),
    rps: s.times.length / s.secs,
  }));
}

const BARE_DIR = path.join(ROOT, ".next-routes-bare");
const BARE_ROUTE = `import pg from "pg";
export const dynamic = "force-dynamic";
// One pool per process, 10 connections like the app's (lib/server/db.ts).
const pool = (globalThis.benchPool ??= new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 }));
export async function GET() {
  const r = await pool.query('SELECT "id", "name" FROM "User" WHERE "id" = $1', [process.env.BENCH_USER_ID]);
  return Response.json(r.rows[0] ?? null, { headers: { "Cache-Control": "no-store" } });
}
`;

/** A bare Next app (same node_modules) whose one route handler runs one query
 * with node-postgres, the driver under the app's Prisma adapter. Built once
 * into .next-routes-bare (~20 s), then `next start`. */
export async function startBareNext(databaseUrl: string, userId: string) {
  fs.mkdirSync(path.join(BARE_DIR, "app/bare"), { recursive: true });
  const routeFile = path.join(BARE_DIR, "app/bare/route.js");
  const stale = !fs.existsSync(routeFile) || fs.readFileSync(routeFile, "utf8") !== BARE_ROUTE;
  fs.writeFileSync(routeFile, BARE_ROUTE);
  fs.writeFileSync(path.join(BARE_DIR, "next.config.mjs"), "export default { distDir: '.next' };\n");
  const next = path.join(ROOT, "node_modules/next/dist/bin/next");
  if (stale || !fs.existsSync(path.join(BARE_DIR, ".next/BUILD_ID"))) {
    const b = spawnSync(process.execPath, [next, "build"], { cwd: BARE_DIR, stdio: "ignore" });
    if (b.status !== 0) throw new Error("bare next build failed");
  }
  const port = await freePort();
  const env = { ...process.env, DATABASE_URL: databaseUrl, BENCH_USER_ID: userId, NODE_ENV: "production" };
  const child = spawn(process.execPath, [next, "start", "-p", String(port)], { cwd: BARE_DIR, env, stdio: "ignore" });
  const url = `http://localhost:${port}/bare`;
  for (let i = 0; i < 200; i++) {
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { url, stop: () => stopChild(child) };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error("bare next start did not answer");
}

const stopChild = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });

/** node:http in this process, one Prisma query per request (the app's own client and driver). */
export async function startBarePrisma(userId: string) {
  const { db } = await import("@/lib/server/db");
  const server = http.createServer((_req, res) => {
    void db.user.findUnique({ where: { id: userId }, select: { id: true, name: true } }).then((u) => {
      res.writeHead(200, { "Content-Type": "application/json", "Cache-Control": "no-store" });
      res.end(JSON.stringify(u));
    });
  });
  const port = await freePort();
  await new Promise<void>((r) => server.listen(port, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${port}/`, stop: () => new Promise<void>((r) => server.close(() => r())) };
}

/** The server's statement count so far, from GET /api/me's Server-Timing (VUEDECK_COUNT_QUERIES=1). */
async function dbTotal(appUrl: string, cookie: string) {
  const res = await fetch(`${appUrl}/api/me`, { headers: { Cookie: cookie } });
  await res.arrayBuffer();
  const total = /dbtotal;desc="(\d+) queries"/.exec(res.headers.get("server-timing") ?? "");
  if (!total) throw new Error("no query count: is VUEDECK_COUNT_QUERIES=1 reaching the server?");
  return Number(total[1]);
}

/** Database statements of one request (a page's full HTML, or an API call),
 * from the server's running total read before and after it (the reading
 * request's own cost, measured twice in a row, taken off). `idleMs` first
 * lets the per-process caches expire (a cold request). */
export async function serverQueries(appUrl: string, cookie: string, path: string, idleMs = 0) {
  const before = await dbTotal(appUrl, cookie);
  if (idleMs) await new Promise((r) => setTimeout(r, idleMs));
  const res = await fetch(`${appUrl}${path}`, { headers: { Cookie: cookie } });
  await res.text();
  if (!res.ok) throw new Error(`${path}: ${res.status}`);
  // Work the request started without awaiting (a refresh it queued) lands before the count is read.
  await new Promise((r) => setTimeout(r, 250));
  const after = await dbTotal(appUrl, cookie);
  const reading = (await dbTotal(appUrl, cookie)) - after;
  return after - before - reading;
}
