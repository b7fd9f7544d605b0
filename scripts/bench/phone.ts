// Phone benchmark (issue 23): the pages a creator opens on a phone, cold, on
// emulated slow 4G with a 4× slower CPU, next to a bare Next app built from
// the same node_modules and measured in the same run (bare-app.mjs):
//   1. time to main content: navigation start → the page's real content on
//      screen (a selector per page, never a skeleton), median of PHONE_RUNS
//      (3) cold loads; target ≤ 1.5× the bare server-rendered table page;
//   2. Lighthouse (mobile preset), performance and accessibility, median of
//      PHONE_LH_RUNS (1), the bare page run again before every other page (its
//      score: the median of those runs); targets: performance within 10
//      points of the bare page, accessibility ≥ 95.
// Pages: sign-in, and for Luna (signed in, with the device-zone cookie a
// phone has after its first page): overview, earnings, fans, chats, vault. Production build in NEXT_DIST_DIR (built if absent), fresh database.
// Exits non-zero on a crash; on a missed target only with PHONE_ENFORCE=1.
import os from "node:os";
import { buildBareApp, startBareApp } from "./bare-app.mjs";
import { measureTtmc } from "./phone-browser.mjs";
import { measureLighthouse } from "./phone-lighthouse.mjs";
import { printReport, type Target } from "./phone-report";
import { signInLuna, startProdStack, stopProdStack } from "./prod-stack";
import { DEVICE_ZONE_COOKIE } from "@/lib/utils/viewer-cookie";
import { freePort } from "../lib/stack.mjs";

const CHROMIUM = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE || "/usr/bin/chromium";
const RUNS = Number(process.env.PHONE_RUNS ?? 3);
const LH_RUNS = Number(process.env.PHONE_LH_RUNS ?? 1);
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");

function targets(bareUrl: string, appUrl: string, creatorId: string, cookie: string): Target[] {
  const c = `${appUrl}/c/${creatorId}`;
  return [
    { name: "bare: server-rendered table", url: `${bareUrl}/table`, sel: '[data-testid="bare-row"]', baseline: true },
    { name: "bare: table fetched on client", url: `${bareUrl}/table-client`, sel: '[data-testid="bare-row"]' },
    { name: "sign-in", url: `${appUrl}/sign-in`, sel: '[data-testid="sign-in-fanvue"]' },
    { name: "overview", url: c, sel: '[data-testid="overview-30d"]', cookie },
    { name: "earnings", url: `${c}/earnings`, sel: '[data-testid="kpi-gross"]', cookie },
    { name: "fans", url: `${c}/fans`, sel: '[data-testid="fans-table"] [data-testid^="fan-row-"]', cookie },
    { name: "chats", url: `${c}/chats`, sel: '[data-testid="chat-row"]', cookie },
    { name: "vault", url: `${c}/vault`, sel: 'img[data-testid="tile-thumb"]', image: true, cookie },
  ];
}

async function main() {
  const started = Date.now();
  buildBareApp(undefined, { reuse: true });
  const prod = await startProdStack("phone");
  const bare = await startBareApp(await freePort());
  try {
    const luna = await signInLuna(prod);
    // What a phone that has opened a page since signing in sends: the session and the device's
    // zone (components/viewer writes it; a page renders zoned figures on the server only with it).
    const cookie = `${luna.cookie}; ${DEVICE_ZONE_COOKIE}=UTC`;
    const { creator } = luna;
    const list = targets(bare.url, prod.stack.appUrl, creator.id, cookie);
    console.log(`bench: load average ${load()} on ${os.cpus().length} cores; Chromium ${CHROMIUM}`);
    console.log(`bench: time to main content, ${RUNS} cold runs per page (after one warm-up load each)…`);
    // The app runs no worker (nothing competing with the measurement); this process works the
    // queue during the warm-up loads only, so the first imports (earnings, fans, chats) are done.
    const { startWorker } = await import("@/lib/server/jobs/worker");
    const worker = startWorker({ concurrency: 3, pollMs: 200, onError: () => undefined });
    const ttmc = await measureTtmc({
      executablePath: CHROMIUM,
      targets: list,
      runs: RUNS,
      afterWarmUp: () => worker.stop(),
    });
    console.log(`bench: Lighthouse 12.8.2 mobile, ${LH_RUNS} run(s) per page, the bare page before each…`);
    const lh = await measureLighthouse({ chromePath: CHROMIUM, targets: list, runs: LH_RUNS });
    const missed = printReport(list, ttmc, lh);
    console.log(`bench: load average after ${load()}; ${((Date.now() - started) / 1000).toFixed(0)} s in all`);
    return missed;
  } finally {
    await bare.stop();
    await stopProdStack(prod);
  }
}

main().then(
  (missed) => process.exit(missed && process.env.PHONE_ENFORCE === "1" ? 1 : 0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
