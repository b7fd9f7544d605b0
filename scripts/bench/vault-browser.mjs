// The browser half of the vault benchmark: cold page loads in Chromium with
// the network watched through the DevTools protocol.
import { chromium } from "@playwright/test";

/** No new request for this long after the first screen: the load is over. */
const QUIET_MS = 1_000;
const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN;
};

async function signIn(browser, appUrl) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(`${appUrl}/sign-in?login_hint=luna`);
  await page.getByTestId("sign-in-fanvue").click();
  await page.waitForURL(/\/oauth2\/auth/);
  await page.getByRole("button", { name: "Allow" }).click();
  await page.waitForURL(/\/c\/[^/]+$/);
  const creatorId = new URL(page.url()).pathname.split("/")[2];
  const storage = await ctx.storageState();
  await ctx.close();
  return { storage, vaultUrl: `${appUrl}/c/${creatorId}/vault` };
}

/** Runs in the page on every frame: done when every ready tile in view shows its thumbnail. */
function firstScreen() {
  const tiles = [...document.querySelectorAll('[data-testid="vault-tile"]')];
  const inView = tiles.filter((t) => {
    const r = t.getBoundingClientRect();
    return r.top < innerHeight && r.bottom > 0;
  });
  const imgs = inView.map((t) => t.querySelector('img[data-testid="tile-thumb"]')).filter(Boolean);
  const shown = imgs.filter((i) => i.complete && i.naturalWidth > 0);
  if (shown.length && !window.__firstThumbMs) window.__firstThumbMs = performance.now();
  if (!imgs.length || shown.length < imgs.length) return false;
  return { screenMs: performance.now(), firstThumbMs: window.__firstThumbMs, visibleTiles: inView.length };
}

function watchNetwork(cdp) {
  const reqs = new Map();
  let last = Date.now();
  cdp.on("Network.requestWillBeSent", (e) => {
    last = Date.now();
    reqs.set(e.requestId, { url: e.request.url, type: e.type, bytes: 0, timing: null, start: e.timestamp, end: null });
  });
  cdp.on("Network.responseReceived", (e) => {
    const r = reqs.get(e.requestId);
    if (r) r.timing = e.response.timing;
  });
  cdp.on("Network.loadingFinished", (e) => {
    last = Date.now();
    const r = reqs.get(e.requestId);
    if (r) Object.assign(r, { bytes: e.encodedDataLength, end: e.timestamp });
  });
  return { reqs, quietFor: () => Date.now() - last };
}

function summarize(reqs, appUrl) {
  const all = [...reqs.values()];
  const sum = (xs) => xs.reduce((n, r) => n + r.bytes, 0);
  const thumbs = all.filter((r) => r.url.includes("/__media/") && /\/thumbnail(_gallery)?\./.test(r.url));
  const mains = all.filter((r) => r.url.includes("/__media/") && /\/(main|blurred)\./.test(r.url));
  // The first page is rendered into the streamed HTML; an API call for it
  // would mean the prefetch failed (it is counted, to show that).
  const api = all.filter((r) => r.url.startsWith(`${appUrl}/api/creators/`) && /\/media\?/.test(r.url));
  const doc = all.find((r) => r.type === "Document");
  const shell = all.filter((r) => r.url.startsWith(appUrl) && ["Script", "Stylesheet", "Font"].includes(r.type));
  return {
    thumbCount: thumbs.length,
    thumbBytes: sum(thumbs),
    mainCount: mains.length,
    mainBytes: sum(mains),
    apiCalls: api.length,
    docBytes: doc?.bytes ?? NaN,
    docFirstByteMs: doc?.timing ? doc.timing.receiveHeadersEnd : NaN,
    docDoneMs: doc?.end ? (doc.end - doc.start) * 1000 : NaN,
    shellBytes: sum(shell),
  };
}

async function coldRun(browser, session, width, height, appUrl) {
  const ctx = await browser.newContext({ storageState: session.storage, viewport: { width, height } });
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  const net = watchNetwork(cdp);
  await page.goto(session.vaultUrl, { waitUntil: "commit" });
  const handle = await page.waitForFunction(firstScreen, null, { polling: "raf", timeout: 60_000 });
  const screen = await handle.jsonValue();
  while (net.quietFor() < QUIET_MS) await page.waitForTimeout(100);
  await ctx.close();
  return { ...screen, ...summarize(net.reqs, appUrl) };
}

async function searchRun(browser, session, sandboxUrl) {
  const ctx = await browser.newContext({ storageState: session.storage, viewport: { width: 1280, height: 800 } });
  const page = await ctx.newPage();
  await page.goto(session.vaultUrl);
  await page.getByTestId("vault-tile").first().waitFor();
  await fetch(`${sandboxUrl}/__sandbox/calls`, { method: "DELETE" });
  let requests = 0;
  page.on("request", (r) => /\/media\?.*q=/.test(r.url()) && requests++);
  const started = Date.now();
  await page.getByTestId("vault-search").fill("no such media zz");
  await page.getByTestId("scan-status").filter({ hasText: "(all)" }).waitFor({ timeout: 120_000 });
  const ms = Date.now() - started;
  const text = await page.getByTestId("scan-status").textContent();
  const calls = await (await fetch(`${sandboxUrl}/__sandbox/calls?path=/media&summary=1`)).json();
  await ctx.close();
  return {
    ms,
    requests,
    fanvueCalls: calls.total,
    checked: Number(text.match(/([\d,]+) vault items/)[1].replace(/,/g, "")),
  };
}

export async function measureVault({ appUrl, sandboxUrl, chromium: exe, runs }) {
  const browser = await chromium.launch({ executablePath: exe, args: ARGS });
  try {
    const session = await signIn(browser, appUrl);
    const widths = [];
    for (const [name, width, height] of [
      ["desktop", 1280, 800],
      ["phone", 390, 844],
    ]) {
      const out = [];
      for (let i = 0; i < runs; i++) out.push(await coldRun(browser, session, width, height, appUrl));
      widths.push({ name, width, height, runs: out });
    }
    const search = await searchRun(browser, session, sandboxUrl).catch((err) => ({
      error: err.message.split("\n")[0],
    }));
    return { widths, search };
  } finally {
    await browser.close();
  }
}
