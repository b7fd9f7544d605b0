#!/usr/bin/env node
// First-load JS per app route (issue 23), gzipped, from a production build,
// next to a baseline measured in the same run: the framework chunks every
// route loads (Next's runtime + React: the build manifest's rootMainFiles),
// and a bare Next page (layout + page, no client code) built from the same
// node_modules in .next-bundles-bare (~10 s; BENCH_BARE=0 skips it).
//
// What a route loads on first paint, exactly as Next 16 (Turbopack) writes
// the page's <script> tags: rootMainFiles plus the entry chunks of every
// segment in the route's tree (root layout, error/loading/not-found
// boundaries, nested layouts, the page), listed per route in
// server/app/<route>/page_client-reference-manifest.js (`entryJSFiles`).
// Chunks loaded later (next/dynamic, React.lazy) are not in those lists.
// The nomodule polyfill is left out (modern browsers skip it).
//
//   node scripts/bench/bundles.mjs        (builds into .next-bundles if absent)
//   BENCH_BUILD=1   rebuild first          BENCH_BARE=0   skip the bare page
//   NEXT_DIST_DIR   build dir (default .next-bundles)
//
// Exits non-zero when a dashboard route is over BUNDLE_BUDGET_KB (180) and
// BUNDLE_ENFORCE=1 (set once the budget is met; until then it prints the gap).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import zlib from "node:zlib";
import { ROOT } from "../lib/stack.mjs";
import { buildBareApp } from "./bare-app.mjs";

const DIST = process.env.NEXT_DIST_DIR || ".next-bundles";
const BUDGET = Number(process.env.BUNDLE_BUDGET_KB ?? 180);
const NEXT_BIN = path.join(ROOT, "node_modules/next/dist/bin/next");

function build(cwd, distDir) {
  console.log(`bench: next build into ${path.relative(ROOT, path.join(cwd, distDir)) || distDir}…`);
  const env = { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1" };
  delete env.DATABASE_URL;
  const r = spawnSync(process.execPath, [NEXT_BIN, "build"], { cwd, stdio: ["ignore", "ignore", "inherit"], env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

/** Libraries recognised in a chunk by strings their code always carries. */
const MARKERS = {
  recharts: /recharts-(wrapper|surface|layer)/,
  zod: /\$ZodType|ZodError/,
  radix: /data-radix-|radix-/,
};

function chunkSizer(dir) {
  const cache = new Map();
  return (file) => {
    if (!cache.has(file)) {
      const buf = fs.readFileSync(path.join(dir, file));
      const text = buf.toString("utf8");
      cache.set(file, {
        gzip: zlib.gzipSync(buf, { level: 9 }).length,
        libs: Object.keys(MARKERS).filter((k) => MARKERS[k].test(text)),
      });
    }
    return cache.get(file);
  };
}

/** Every app route's manifest: route name → entry chunk files (deduped). */
function routeEntries(dir) {
  const out = new Map();
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name === "page_client-reference-manifest.js") {
        const ctx = { self: {}, globalThis: {} };
        ctx.globalThis = ctx.self;
        vm.runInNewContext(fs.readFileSync(p, "utf8"), ctx);
        const manifests = ctx.self.__RSC_MANIFEST ?? ctx.globalThis.__RSC_MANIFEST;
        for (const [route, m] of Object.entries(manifests)) {
          out.set(route.replace(/\/page$/, "") || "/", [...new Set(Object.values(m.entryJSFiles).flat())]);
        }
      }
    }
  };
  walk(path.join(dir, "server/app"));
  return out;
}

/** Framework chunks + per-route first-load JS of one build. */
function measure(dir) {
  const size = chunkSizer(dir);
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, "build-manifest.json"), "utf8"));
  const framework = manifest.rootMainFiles;
  const sum = (files) => files.reduce((a, f) => a + size(f).gzip, 0);
  const routes = [...routeEntries(dir)].map(([route, entries]) => {
    const files = [...new Set([...framework, ...entries])];
    const libs = {};
    for (const f of files) for (const l of size(f).libs) libs[l] = (libs[l] ?? 0) + size(f).gzip;
    return { route, gzip: sum(files), libs };
  });
  return { framework: sum(framework), routes: routes.sort((a, b) => a.route.localeCompare(b.route)) };
}

/** A bare Next page (layout + page, no client code) built with the same node_modules (bare-app.mjs). */
function bare() {
  return measure(buildBareApp());
}

const kB = (b) => (b / 1024).toFixed(1);
const dir = path.join(ROOT, DIST);
if (process.env.BENCH_BUILD === "1" || !fs.existsSync(path.join(dir, "BUILD_ID"))) build(ROOT, DIST);
const app = measure(dir);
const base = process.env.BENCH_BARE === "0" ? null : bare();

console.log(`First-load JS per route, gzip (level 9), build ${DIST}; budget ${BUDGET} kB per dashboard route`);
console.log(`baseline: framework chunks (Next runtime + React) every route loads: ${kB(app.framework)} kB`);
if (base) {
  const page = base.routes.find((r) => r.route === "/");
  console.log(`baseline: bare Next page (same node_modules), first-load: ${kB(page?.gzip ?? base.framework)} kB`);
  const client = base.routes.find((r) => r.route === "/table-client");
  if (client) console.log(`baseline: bare page fetching a table after hydration, first-load: ${kB(client.gzip)} kB`);
}
let over = 0;
const width = Math.max(...app.routes.map((r) => r.route.length));
console.log(`${"route".padEnd(width)}  ${"gzip".padStart(9)}  above framework`);
for (const r of app.routes) {
  const dashboard = r.route.startsWith("/(dashboard)");
  const flag = dashboard && r.gzip > BUDGET * 1024 ? `  OVER by ${kB(r.gzip - BUDGET * 1024)} kB` : "";
  if (flag) over++;
  const libs = Object.entries(r.libs)
    .map(([l, b]) => `${l} ${kB(b)}`)
    .join(", ");
  console.log(
    `${r.route.padEnd(width)}  ${kB(r.gzip).padStart(6)} kB  +${kB(r.gzip - app.framework).padStart(6)} kB${libs ? `  [chunks with ${libs}]` : ""}${flag}`,
  );
}
const dash = app.routes.filter((r) => r.route.startsWith("/(dashboard)")).map((r) => r.gzip);
console.log(
  `dashboard routes: ${kB(Math.min(...dash))}–${kB(Math.max(...dash))} kB; ${over} of ${dash.length} over ${BUDGET} kB`,
);
if (over && process.env.BUNDLE_ENFORCE === "1") process.exit(1);
