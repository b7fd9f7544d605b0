#!/usr/bin/env node
// `npm run bench`: every benchmark, each printing its figures next to a
// baseline measured in the same run. Needs no network; builds the app first
// if there is no production build (the route benchmark runs `next start`).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ROOT } from "./lib/stack.mjs";

process.env.NEXT_TELEMETRY_DISABLED = "1";
const only = process.argv.slice(2);
const ts = (file, extra = []) => ["--conditions=react-server", "--import", "tsx", `scripts/bench/${file}`, ...extra];
// name → command; order: quick ones first. `roster` syncs a 100,000-fan
// roster on a 200-calls-per-20-s budget (~5 min) and searches it; `fans`
// runs a 100,000-fan analysis at Fanvue's real rate budget (~15 min).
const benches = [
  ["sandbox", ["--import", "tsx", "scripts/bench/sandbox.ts"]],
  ["client", ts("client.ts")],
  ["bundles", ["scripts/bench/bundles.mjs"]],
  ["earnings", ts("earnings.ts")],
  ["earnings-scale", ts("earnings-scale.ts")],
  ["performance", ts("performance.ts")],
  ["growth", ts("growth.ts")],
  ["export", ts("export.ts")],
  ["export-server", ts("export-server.ts")],
  ["routes", ts("routes.ts")],
  ["fans-routes", ts("fans-routes.ts")],
  ["insight-burst", ts("insight-burst.ts")],
  ["fans-scale", ts("fans-scale.ts")],
  ["vault", ["scripts/bench/vault.mjs"]],
  ["phone", ts("phone.ts")],
  ["roster", ts("roster.ts")],
  ["fans", ts("fans.ts")],
];

const distDir = process.env.NEXT_DIST_DIR || ".next";
if ((!only.length || only.includes("routes")) && !fs.existsSync(path.join(ROOT, distDir, "BUILD_ID"))) {
  console.log("bench: no production build yet, running next build…");
  const b = spawnSync(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "build"], {
    cwd: ROOT,
    stdio: "inherit",
  });
  if (b.status !== 0) process.exit(b.status ?? 1);
}

let failed = 0;
for (const [name, args] of benches) {
  if (only.length && !only.includes(name)) continue;
  console.log(`\n── ${name} ${"─".repeat(60 - name.length)}`);
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: "inherit", env: process.env });
  if (r.status !== 0) {
    failed++;
    console.error(`bench ${name} failed (exit ${r.status})`);
  }
}
process.exit(failed ? 1 : 0);
