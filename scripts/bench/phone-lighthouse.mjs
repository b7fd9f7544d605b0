// The Lighthouse half of the phone benchmark: Lighthouse's mobile preset
// (Moto G Power screen, simulated slow 4G and 4× CPU), performance and
// accessibility, in the project's Chromium through chrome-launcher. Runs
// offline: Lighthouse loads only the page under test.
//
// lighthouse is pinned at 12.8.2: 13.x requires Node >= 22.19 and we run 20.
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { median } from "./phone-browser.mjs";

const METRICS = {
  fcp: "first-contentful-paint",
  lcp: "largest-contentful-paint",
  tbt: "total-blocking-time",
  cls: "cumulative-layout-shift",
  si: "speed-index",
};

function summarize(lhr) {
  const score = (c) => (lhr.categories[c]?.score == null ? NaN : Math.round(lhr.categories[c].score * 100));
  const metrics = Object.fromEntries(
    Object.entries(METRICS).map(([k, id]) => [k, lhr.audits[id]?.numericValue ?? NaN]),
  );
  // Accessibility audits that failed: what to fix, with the elements they name.
  const a11yFails = lhr.categories.accessibility.auditRefs
    .map((ref) => lhr.audits[ref.id])
    .filter((a) => a && a.score !== null && a.score < 1 && a.scoreDisplayMode === "binary")
    .map((a) => ({
      id: a.id,
      title: a.title,
      nodes: (a.details?.items ?? []).slice(0, 3).map((i) => i.node?.snippet ?? i.node?.selector ?? ""),
    }));
  return {
    finalUrl: lhr.finalDisplayedUrl,
    performance: score("performance"),
    accessibility: score("accessibility"),
    metrics,
    a11yFails,
    // What moved the most (Lighthouse's layout-shifts audit): where a CLS comes from.
    shifts: (lhr.audits["layout-shifts"]?.details?.items ?? [])
      .slice(0, 2)
      .map((i) => `${i.node?.selector ?? "?"} (${(i.score ?? 0).toFixed(3)})`),
    // The element Lighthouse took as the largest paint: where a late LCP comes from.
    lcpElement: firstNode(lhr.audits["largest-contentful-paint-element"]?.details),
    error: lhr.runtimeError?.message,
  };
}

/** The first DOM node a Lighthouse details tree names, as "selector (snippet)". */
function firstNode(details) {
  const stack = [details];
  while (stack.length) {
    const d = stack.shift();
    if (!d || typeof d !== "object") continue;
    if (d.type === "node") return `${d.selector ?? "?"} ${(d.snippet ?? "").slice(0, 80)}`;
    stack.push(...Object.values(d));
  }
  return "";
}

async function runOnce(port, t) {
  const flags = {
    port,
    output: "json",
    logLevel: "error",
    onlyCategories: ["performance", "accessibility"],
    ...(t.cookie ? { extraHeaders: { Cookie: t.cookie } } : {}),
  };
  try {
    const r = summarize((await lighthouse(t.url, flags)).lhr);
    // A lost session would score the sign-in page under this page's name.
    const landed = new URL(r.finalUrl).pathname;
    return landed === new URL(t.url).pathname ? r : { ...r, error: `ended on ${landed}, not the page asked for` };
  } catch (err) {
    return { performance: NaN, accessibility: NaN, metrics: {}, a11yFails: [], error: err.message.split("\n")[0] };
  }
}

/** `runs` Lighthouse runs per target (median scores), in one Chromium. The baseline runs again
 * before every other target: on a shared machine the load swings within minutes, and Lighthouse's
 * simulation scales what it observed, so the baseline is the median over the whole phase. */
export async function measureLighthouse({ chromePath, targets, runs }) {
  const chrome = await chromeLauncher.launch({
    chromePath,
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu"],
    logLevel: "silent",
  });
  try {
    const base = targets.find((t) => t.baseline);
    const results = new Map(targets.map((t) => [t.name, []]));
    for (let i = 0; i < runs; i++) {
      for (const t of targets) {
        if (t === base) continue;
        if (base) results.get(base.name).push(await runOnce(chrome.port, base));
        results.get(t.name).push(await runOnce(chrome.port, t));
      }
    }
    return targets.map((t) => {
      const rs = results.get(t.name);
      const m = (f) => median(rs.map(f));
      return {
        name: t.name,
        performance: m((r) => r.performance),
        accessibility: m((r) => r.accessibility),
        performanceRuns: rs.map((r) => r.performance),
        metrics: Object.fromEntries(Object.keys(METRICS).map((k) => [k, m((r) => r.metrics[k])])),
        a11yFails: rs.at(-1)?.a11yFails ?? [],
        shifts: rs.at(-1)?.shifts ?? [],
        lcpElement: rs.at(-1)?.lcpElement ?? "",
        errors: rs.map((r) => r.error).filter(Boolean),
      };
    });
  } finally {
    await chrome.kill();
  }
}
