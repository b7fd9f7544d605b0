// The phone benchmark's printed tables: each page next to the bare
// server-rendered page measured in the same run, with the targets of issue 23.
import { CPU_SLOWDOWN, PHONE, SLOW_4G } from "./phone-browser.mjs";

export type Target = { name: string; url: string; sel: string; baseline?: boolean; image?: boolean; cookie?: string };
type Ttmc = {
  name: string;
  ms: number;
  htmlMs: number;
  requests: number;
  bytes: number;
  runs: number[];
  errors: string[];
};
type Lh = {
  name: string;
  performance: number;
  performanceRuns: number[];
  accessibility: number;
  metrics: Record<string, number>;
  a11yFails: { id: string; title: string; nodes: string[] }[];
  shifts: string[];
  lcpElement: string;
  errors: string[];
};

const TTMC_RATIO = 1.5; // main content ≤ 1.5× the bare server-rendered page
const PERF_POINTS = 10; // Lighthouse performance within 10 points of the bare page
const A11Y_MIN = 95;

const ms = (n: number) => (Number.isFinite(n) ? `${Math.round(n)} ms` : "—");
const pad = (s: string, n: number) => s.padEnd(n);
const lpad = (s: string, n: number) => s.padStart(n);

/** Prints the tables; returns how many targets an app page missed. */
export function printReport(targets: Target[], ttmc: Ttmc[], lh: Lh[]) {
  const base = targets.find((t) => t.baseline)!;
  const bT = ttmc.find((r) => r.name === base.name)!;
  const bL = lh.find((r) => r.name === base.name)!;
  const mbps = (b: number) => ((b * 8) / 1024 / 1024).toFixed(2);
  console.log(
    `\nPhone, cold cache: ${PHONE.width}×${PHONE.height} @${PHONE.deviceScaleFactor}x, ${SLOW_4G.latency} ms per request, ` +
      `${mbps(SLOW_4G.downloadThroughput)} Mbps down / ${mbps(SLOW_4G.uploadThroughput)} up, CPU ${CPU_SLOWDOWN}× slower`,
  );
  console.log(
    `targets: main content ≤ ${TTMC_RATIO}× the bare server-rendered page; Lighthouse performance ≥ bare − ${PERF_POINTS}; accessibility ≥ ${A11Y_MIN}\n`,
  );
  console.log(
    "main content: median from navigation start to the frame showing it; HTML done: the document's last byte;\n" +
      "reqs, KB: what had arrived by then (sizes of cross-origin files without Timing-Allow-Origin count 0)\n",
  );
  const w = Math.max(...targets.map((t) => t.name.length)) + 2;
  console.log(
    `${pad("page", w)}${lpad("main content", 13)}${lpad("× bare", 9)}${lpad("HTML done", 10)}${lpad("reqs", 6)}${lpad("KB", 7)}  │${lpad("LH perf", 8)}${lpad("vs bare", 9)}${lpad("a11y", 6)}  │ targets`,
  );
  let missed = 0;
  for (const t of targets) {
    const r = ttmc.find((x) => x.name === t.name)!;
    const l = lh.find((x) => x.name === t.name)!;
    const ratio = r.ms / bT.ms;
    const delta = l.performance - bL.performance;
    const app = !t.name.startsWith("bare");
    const misses = app
      ? [
          !(ratio <= TTMC_RATIO) && `main content ${ratio.toFixed(2)}× > ${TTMC_RATIO}×`,
          !(delta >= -PERF_POINTS) && `perf ${delta} < −${PERF_POINTS}`,
          !(l.accessibility >= A11Y_MIN) && `a11y ${l.accessibility} < ${A11Y_MIN}`,
        ].filter(Boolean)
      : [];
    missed += misses.length;
    const verdict = !app
      ? t.baseline
        ? "baseline"
        : "reference"
      : misses.length
        ? `MISSED: ${misses.join("; ")}`
        : "met";
    console.log(
      `${pad(t.name, w)}${lpad(ms(r.ms), 13)}${lpad(Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : "—", 9)}` +
        `${lpad(ms(r.htmlMs), 10)}${lpad(String(r.requests), 6)}${lpad((r.bytes / 1024).toFixed(0), 7)}  │` +
        `${lpad(String(l.performance), 8)}${lpad(t.baseline ? "" : `${delta >= 0 ? "+" : ""}${delta}`, 9)}${lpad(String(l.accessibility), 6)}  │ ${verdict}`,
    );
  }
  printDetails(targets, ttmc, lh);
  return missed;
}

function printDetails(targets: Target[], ttmc: Ttmc[], lh: Lh[]) {
  console.log(`\nruns (ms) and Lighthouse's simulated metrics; main content selectors:`);
  for (const t of targets) {
    const r = ttmc.find((x) => x.name === t.name)!;
    const l = lh.find((x) => x.name === t.name)!;
    const m = l.metrics;
    console.log(
      `  ${t.name}: runs ${r.runs.map((x) => (Number.isFinite(x) ? Math.round(x) : "failed")).join(" / ")}; ` +
        `LH perf ${l.performanceRuns.join(" / ")}, FCP ${ms(m.fcp!)}, LCP ${ms(m.lcp!)}, TBT ${ms(m.tbt!)}, SI ${ms(m.si!)}, CLS ${(m.cls ?? NaN).toFixed(3)}; ${t.sel}`,
    );
    for (const e of [...r.errors, ...l.errors]) console.log(`    error: ${e}`);
    if ((m.cls ?? 0) >= 0.1) console.log(`    layout shifts: ${l.shifts.join(", ") || "?"}`);
    if (l.lcpElement) console.log(`    largest paint: ${l.lcpElement}`);
    for (const f of l.a11yFails)
      console.log(`    a11y: ${f.id} (${f.title})${f.nodes.length ? `: ${f.nodes.join(" | ")}` : ""}`);
  }
}
