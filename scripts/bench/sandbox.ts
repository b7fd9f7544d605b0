// Sandbox benchmarks (issue 3): start time and memory at the default size and
// at 100k fans (separate processes), and sustained requests per second on
// loopback against a bare node:http server measured in the same run.
import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { freePort } from "../lib/stack.mjs";
import { row } from "./harness";
import { authorize } from "../../sandbox/testing";

async function startProcess(fans: number) {
  const port = await freePort();
  const t = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", "sandbox/main.ts"], {
    env: {
      ...process.env,
      SANDBOX_PORT: String(port),
      SANDBOX_FANS: String(fans),
      SANDBOX_RATE_LIMIT: "1000000000",
      SANDBOX_REDIRECT_URIS: "http://localhost:3999/cb",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve) => child.stdout.on("data", (d) => String(d).includes("ready on") && resolve()));
  const ms = performance.now() - t;
  const rss = Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${child.pid}/status`, "utf8"))![1]) / 1024;
  return { port, ms, rss, stop: () => child.kill("SIGTERM") };
}

/** Requests per second over `seconds` with `concurrency` keep-alive clients. */
async function load(url: string, headers: Record<string, string>, seconds: number, concurrency: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const until = Date.now() + seconds * 1000;
  let done = 0;
  let errors = 0;
  const one = () =>
    new Promise<void>((resolve) => {
      const req = http.get(url, { agent, headers }, (res) => {
        res.resume();
        res.on("end", () => {
          if (res.statusCode === 200) done++;
          else errors++;
          resolve();
        });
      });
      req.on("error", () => {
        errors++;
        resolve();
      });
    });
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < until) await one();
    }),
  );
  agent.destroy();
  return { rps: done / seconds, errors };
}

console.log("Sandbox");
for (const fans of [1200, 100_000]) {
  const p = await startProcess(fans);
  row(
    `start to ready, ${fans.toLocaleString()} fans (solo creator)`,
    `${(p.ms / 1000).toFixed(2)} s`,
    fans === 100_000 ? "target < 10 s" : "",
  );
  row(`resident memory after start, ${fans.toLocaleString()} fans`, `${p.rss.toFixed(0)} MB`);
  if (fans === 1200) {
    const base = `http://127.0.0.1:${p.port}`;
    const { tokens } = await authorize(
      base,
      { clientId: "vuedeck-sandbox", clientSecret: "sandbox-secret", redirectUri: "http://localhost:3999/cb" },
      "luna",
    );
    const h = { Authorization: `Bearer ${tokens.access_token}`, "X-Fanvue-API-Version": "2025-06-26" };
    const me = await load(`${base}/users/me`, h, 4, 32);
    const chats = await load(`${base}/chats?size=15`, h, 4, 32);
    const bare = http.createServer((_q, s) => s.end('{"ok":true}'));
    await new Promise<void>((r) => bare.listen(0, "127.0.0.1", r));
    const baseline = await load(`http://127.0.0.1:${(bare.address() as AddressInfo).port}/`, {}, 4, 32);
    bare.close();
    row("sustained req/s, GET /users/me (32 connections)", me.rps.toFixed(0), `errors ${me.errors}`);
    row("sustained req/s, GET /chats?size=15", chats.rps.toFixed(0), `errors ${chats.errors}`);
    row("baseline: bare node:http server, same run", baseline.rps.toFixed(0));
  }
  p.stop();
}
process.exit(0);
