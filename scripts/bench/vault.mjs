#!/usr/bin/env node
// Vault benchmark: a 5,000-item vault on an in-process sandbox, the real app
// (production build) and Chromium. Prints the time to the first thumbnails
// and the bytes the first screen costs (thumbnails only; main variants must
// be 0), at desktop and phone widths, plus a search over the whole vault.
//
//   node scripts/bench/vault.mjs            (builds into .next-bench first)
//   BENCH_SKIP_BUILD=1 node scripts/bench/vault.mjs   (reuses that build)
//   BENCH_RUNS=5 BENCH_ITEMS=5000                      (defaults)
// The vault page against a bare Next page (time to the first thumbnail on a
// slow-4G phone, Lighthouse): `npm run bench -- phone`.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { tsImport } from "tsx/esm/api";
import { findChromium } from "../lib/browser.mjs";
import { freePort, ROOT, startStack } from "../lib/stack.mjs";
import { measureVault, median } from "./vault-browser.mjs";

const ITEMS = Number(process.env.BENCH_ITEMS ?? 5_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const DIST = process.env.NEXT_DIST_DIR || ".next-bench";
const CLIENT = { clientId: "vuedeck-bench", clientSecret: "bench-secret" };

function build() {
  if (process.env.BENCH_SKIP_BUILD === "1" && fs.existsSync(path.join(ROOT, DIST))) return;
  console.log(`bench: building the app into ${DIST}…`);
  const env = { ...process.env, NEXT_DIST_DIR: DIST, NEXT_TELEMETRY_DISABLED: "1" };
  delete env.DATABASE_URL;
  const r = spawnSync(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "build"], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "inherit"],
    env,
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

/** Fills @luna's vault up to `total` items, newest first like a real vault. */
function growVault(sb, total) {
  const c = [...sb.state.world.creators.values()].find((x) => x.account.handle === "luna");
  const oldest = Math.min(...c.media.map((m) => m.createdAt));
  const add = Math.max(0, total - c.media.length);
  for (let i = 0; i < add; i++) {
    const r = (i * 7919) % 100;
    const mediaType = r < 68 ? "image" : r < 93 ? "video" : "audio";
    const portrait = i % 10 < 7;
    const m = {
      uuid: crypto.randomUUID(),
      name: `${mediaType === "image" ? "IMG" : mediaType === "video" ? "VID" : "AUD"}_${9000 + i}.${mediaType === "image" ? "jpg" : mediaType === "video" ? "mp4" : "m4a"}`,
      caption: i % 3 ? `Archive set ${i % 97}` : null,
      description: null,
      mediaType,
      status: "ready",
      createdAt: oldest - (i + 1) * 3_600_000,
      readyAt: null,
      width: mediaType === "audio" ? null : portrait ? 1080 : 1920,
      height: mediaType === "audio" ? null : portrait ? 1350 : 1080,
      lengthMs: mediaType === "image" ? null : 10_000 + (i % 300) * 1000,
      sizeBytes: 2_000_000,
      recommendedPrice: null,
      usage: new Set(),
      hue: (i * 37) % 360,
    };
    c.media.unshift(m);
    c.mediaIndex.set(m.uuid, m);
  }
  return c.media.length;
}

async function main() {
  build();
  // Figures depend on what else the machine is doing: print it with them.
  console.log(
    `bench: load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")} on ${os.cpus().length} cores`,
  );
  const appPort = await freePort();
  const appUrl = `http://localhost:${appPort}`;
  const { createSandbox } = await tsImport("../../sandbox/server.ts", import.meta.url);
  const sb = await createSandbox({
    port: 0,
    clients: [{ ...CLIENT, redirectUris: [`${appUrl}/api/auth/callback/fanvue`], name: "Vuedeck bench" }],
  });
  const size = growVault(sb, ITEMS);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vuedeck-bench-"));
  fs.chmodSync(dataDir, 0o755);
  const env = {
    ...process.env,
    NEXT_DIST_DIR: DIST,
    FANVUE_CLIENT_ID: CLIENT.clientId,
    FANVUE_CLIENT_SECRET: CLIENT.clientSecret,
    FANVUE_API_BASE_URL: sb.url,
    FANVUE_AUTH_BASE_URL: sb.url,
  };
  for (const k of ["DATABASE_URL", "APP_URL"]) delete env[k];
  const stack = await startStack({
    mode: "prod",
    dataDir,
    appPort,
    sandboxPort: await freePort(),
    env,
    fastPostgres: true,
    onAppLine: () => undefined,
  });
  try {
    console.log(`bench: vault of ${size.toLocaleString("en-US")} items, app ${appUrl}, ${RUNS} cold runs per width\n`);
    const results = await measureVault({
      appUrl,
      sandboxUrl: sb.url,
      chromium: findChromium(),
      runs: RUNS,
      sandbox: sb,
    });
    report(results);
    console.log(
      `bench: load average after ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")}`,
    );
  } finally {
    await stack.stop();
    await sb.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
function report({ widths, search }) {
  for (const w of widths) {
    const m = (k) => median(w.runs.map((r) => r[k]));
    console.log(`${w.name} (${w.width}×${w.height}), median of ${w.runs.length}:`);
    console.log(`  first thumbnail shown          ${m("firstThumbMs").toFixed(0)} ms after navigation start`);
    console.log(`  first screen of thumbnails     ${m("screenMs").toFixed(0)} ms (${m("visibleTiles")} tiles in view)`);
    console.log(
      `  HTML with the first page       ${kb(m("docBytes"))}, first byte ${m("docFirstByteMs").toFixed(0)} ms, complete ${m("docDoneMs").toFixed(0)} ms (${m("apiCalls")} API calls for page 1)`,
    );
    console.log(`  thumbnails transferred         ${m("thumbCount")} files, ${kb(m("thumbBytes"))}`);
    console.log(`  main variants transferred      ${m("mainCount")} files, ${kb(m("mainBytes"))}`);
    console.log(`  app JS and CSS                 ${kb(m("shellBytes"))} (cold cache)\n`);
  }
  if (search.error) return console.log(`search over the whole vault: failed (${search.error})`);
  console.log(
    `search with no match over the whole vault: ${(search.ms / 1000).toFixed(2)} s, ${search.requests} API requests, ${search.fanvueCalls} Fanvue calls, ${search.checked.toLocaleString("en-US")} items checked`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
