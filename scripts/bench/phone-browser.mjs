// The browser half of the phone benchmark: time to main content on an
// emulated phone, cold, in the project's Chromium (Playwright + DevTools
// protocol). Each page names a selector for its real content (never a
// skeleton); the time is taken in the page, on the animation frame that
// first shows it, from the navigation's start (performance.now()).
import { chromium } from "@playwright/test";

/** Lighthouse's "slow 4G" (mobile): 150 ms round trip, 1.6 Mbps down, 750 kbps up. DevTools applies
 * the latency to every request, and throttles bytes per second. CPU 4× slower, as Lighthouse's
 * mobile preset (a mid-range phone against a desktop). */
export const SLOW_4G = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
};
export const CPU_SLOWDOWN = 4;
export const PHONE = { width: 390, height: 844, deviceScaleFactor: 3 };
const TIMEOUT_MS = 90_000;
const ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-sync"];

export const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN;
};

/** Runs in the page on every frame: the first element matching `sel` that is laid out (and, for an
 * image, decoded) ends the wait. Not necessarily in the first screenful: on a phone the overview's
 * figures sit below the getting-started card of a new account. Returns the time and what had been transferred. */
function mainContentShown({ sel, image }) {
  const el = [...document.querySelectorAll(sel)].find((e) => {
    const r = e.getBoundingClientRect();
    const laidOut = r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== "hidden";
    return laidOut && (!image || (e.complete && e.naturalWidth > 0));
  });
  if (!el) return false;
  const now = performance.now();
  const nav = performance.getEntriesByType("navigation")[0];
  const res = performance.getEntriesByType("resource").filter((r) => r.responseEnd <= now);
  return {
    ms: now,
    htmlMs: nav ? nav.responseEnd : NaN,
    requests: res.length + 1,
    bytes: res.reduce((n, r) => n + r.transferSize, nav ? nav.transferSize : 0),
  };
}

async function phoneContext(browser, cookie, origin) {
  const ctx = await browser.newContext({
    viewport: { width: PHONE.width, height: PHONE.height },
    deviceScaleFactor: PHONE.deviceScaleFactor,
    // The zone the phone reports in its cookie (phone.ts): the server renders what the browser shows.
    timezoneId: "UTC",
    isMobile: true,
    hasTouch: true,
  });
  if (cookie) {
    const pairs = cookie.split("; ").map((kv) => [kv.slice(0, kv.indexOf("=")), kv.slice(kv.indexOf("=") + 1)]);
    await ctx.addCookies(pairs.map(([name, value]) => ({ name, value, url: origin })));
  }
  return ctx;
}

/** One cold load of `page` (fresh context, cache off) under slow 4G and a 4× slower CPU. */
async function coldRun(browser, target) {
  const ctx = await phoneContext(browser, target.cookie, new URL(target.url).origin);
  try {
    const page = await ctx.newPage();
    const cdp = await ctx.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    await cdp.send("Network.emulateNetworkConditions", SLOW_4G);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
    await page.goto(target.url, { waitUntil: "commit", timeout: TIMEOUT_MS });
    const handle = await page.waitForFunction(mainContentShown, target, { polling: "raf", timeout: TIMEOUT_MS });
    return await handle.jsonValue();
  } catch (err) {
    return { ms: NaN, error: err.message.split("\n")[0] };
  } finally {
    await ctx.close();
  }
}

/** One unthrottled load of each page first: the server's routes are loaded and its first syncs
 * done (the same for the bare pages), so the runs measure the page, not a cold server. */
async function warm(browser, target) {
  const ctx = await phoneContext(browser, target.cookie, new URL(target.url).origin);
  const page = await ctx.newPage();
  try {
    await page.goto(target.url, { waitUntil: "commit", timeout: TIMEOUT_MS });
    await page.waitForFunction(mainContentShown, target, { polling: 200, timeout: TIMEOUT_MS });
  } catch (err) {
    const text = await page
      .evaluate(() => document.body?.innerText.replace(/\s+/g, " ").slice(0, 1500))
      .catch(() => "");
    throw new Error(
      `${target.name}: main content (${target.sel}) never showed at ${page.url()}: ${err.message.split("\n")[0]}\npage text: ${text}`,
      { cause: err },
    );
  } finally {
    await ctx.close();
  }
}

/** Median of `runs` cold loads per target; runs are interleaved (run 1 of every page, then run 2…)
 * so a burst of load on the machine falls on every page alike. */
export async function measureTtmc({ executablePath, targets, runs, afterWarmUp = async () => undefined }) {
  const browser = await chromium.launch({ executablePath, args: ARGS });
  try {
    for (const t of targets) await warm(browser, t);
    await afterWarmUp();
    const out = new Map(targets.map((t) => [t.name, []]));
    for (let i = 0; i < runs; i++) {
      for (const t of targets) out.get(t.name).push(await coldRun(browser, t));
    }
    return targets.map((t) => {
      const rs = out.get(t.name);
      const m = (k) => median(rs.map((r) => r[k]));
      const errors = rs.filter((r) => r.error).map((r) => r.error);
      return {
        name: t.name,
        ms: m("ms"),
        htmlMs: m("htmlMs"),
        requests: m("requests"),
        bytes: m("bytes"),
        runs: rs.map((r) => r.ms),
        errors,
      };
    });
  } finally {
    await browser.close();
  }
}
