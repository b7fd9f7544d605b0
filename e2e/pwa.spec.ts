import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, expect, test, type APIRequestContext, type Page } from "./fixtures/test";
import { precacheUrls } from "../scripts/lib/pwa-version.mjs";
import { titleWithUnread, totalUnread } from "../lib/utils/unread-title";
import { signInWhenFanvueAllows } from "./chats-fixtures";
import { workspaceOf } from "./fixtures/db";
import { budgetLeft, sandboxAdmin } from "./fixtures/sandbox";
import { screenshots } from "./screenshot";

// The installable app: a manifest with icons that load for anyone, a service
// worker that keeps only the offline page and the icons (never a page or an
// API answer), the offline page when the network is gone and the app again
// when it is back, and the unread count in the tab title and the app badge.

test.beforeEach(() => budgetLeft("luna"));

const PRECACHE = precacheUrls(fs.readFileSync("public/sw.js", "utf8"));

type Icon = { src: string; sizes: string; type: string; purpose?: string };

/** GET as a visitor without a session: 200 (not a redirect to sign-in), with its body. */
async function fetchPublic(request: APIRequestContext, url: string) {
  const res = await request.get(url, { maxRedirects: 0 });
  expect(res.status(), url).toBe(200);
  return { body: await res.body(), type: res.headers()["content-type"] ?? "" };
}

/** Width × height from a PNG's IHDR. */
const pngSize = (b: Buffer) => `${b.readUInt32BE(16)}x${b.readUInt32BE(20)}`;

async function expectIconLoads(request: APIRequestContext, icon: Icon) {
  const { body, type } = await fetchPublic(request, icon.src);
  expect(type, icon.src).toContain(icon.type);
  if (icon.type === "image/png") expect(pngSize(body), icon.src).toBe(icon.sizes);
  else expect(body.toString("utf8"), icon.src).toContain("<svg");
}

test("manifest, icons and favicon load for anyone, at their declared sizes", async ({ request, page }) => {
  const { body, type } = await fetchPublic(request, "/manifest.webmanifest");
  expect(type).toContain("application/manifest+json");
  const manifest = JSON.parse(body.toString("utf8"));
  expect(manifest).toMatchObject({
    name: "Vuedeck",
    short_name: "Vuedeck",
    start_url: "/",
    scope: "/",
    display: "standalone",
    theme_color: "#068447",
    background_color: "#f6f7f9",
  });
  const icons = manifest.icons as Icon[];
  for (const purpose of ["any", "maskable"])
    for (const sizes of ["192x192", "512x512"])
      expect(icons.filter((i) => i.purpose === purpose && i.sizes === sizes && i.type === "image/png")).toHaveLength(1);
  for (const icon of icons) await expectIconLoads(request, icon);

  const ico = (await fetchPublic(request, "/favicon.ico")).body;
  expect([ico.readUInt16LE(0), ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([0, 1, 3]);
  expect(pngSize((await fetchPublic(request, "/apple-icon.png")).body)).toBe("180x180");

  // Every page links them (Next's metadata files); the sign-in page needs no session and shows no count.
  await page.goto("/sign-in");
  await expect(page).toHaveTitle("Sign in · Vuedeck");
  for (const rel of ["manifest", "icon", "apple-touch-icon"]) {
    const hrefs = await page
      .locator(`head link[rel="${rel}"]`)
      .evaluateAll((ls) => ls.map((l) => l.getAttribute("href")!));
    expect(hrefs.length, rel).toBeGreaterThan(0);
    for (const href of hrefs) await fetchPublic(request, href);
  }
});

test("installable as Chromium itself judges it (the checks Lighthouse's installable audit ran)", async ({
  browserName,
  baseURL,
}, testInfo) => {
  expect(browserName).toBe("chromium");
  // A persistent profile: the test's usual context is incognito, where Chromium installs nothing.
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "vuedeck-pwa-"));
  const context = await chromium.launchPersistentContext(profile, {
    ...testInfo.project.use.launchOptions,
    baseURL,
  });
  try {
    const page = await context.newPage();
    await page.goto("/sign-in");
    await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toMatch(/\/sw\.js$/);
    const cdp = await context.newCDPSession(page);
    const manifest = (await cdp.send("Page.getAppManifest")) as { url: string; errors: { message: string }[] };
    expect(manifest.url).toMatch(/\/manifest\.webmanifest$/);
    expect(manifest.errors).toEqual([]);
    // Chromium's own verdict: manifest fields, icons that load, a service worker controlling the start URL.
    const { installabilityErrors } = (await cdp.send("Page.getInstallabilityErrors")) as {
      installabilityErrors: { errorId: string }[];
    };
    expect(installabilityErrors.map((e) => e.errorId)).toEqual([]);
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
});

/** Paths of everything in the origin's caches. */
const cachedPaths = (page: Page) =>
  page.evaluate(async () => {
    const paths: string[] = [];
    for (const name of await caches.keys())
      for (const req of await (await caches.open(name)).keys()) paths.push(new URL(req.url).pathname);
    return paths.sort();
  });

/** Signs in through the worker, which controls the page on a second visit (a reload). */
async function signInUnderServiceWorker(page: Page) {
  const res = await page.goto("/sign-in");
  // The page's CSP names it (the nonce-based script-src alone reads differently across browsers).
  expect(res?.headers()["content-security-policy"]).toContain("worker-src 'self'");
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  expect(scope).toBe(new URL("/", page.url()).href);
  // It takes over the open page at once (clients.claim), so the OAuth round trip below passes through it.
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toMatch(/\/sw\.js$/);
  await signInWhenFanvueAllows(page, "luna");
  // Fanvue's code was exchanged exactly once: a second exchange would revoke the tokens.
  await expect(page.getByTestId("overview-display-name")).toHaveText("Luna Vale");
  await expect(page.getByTestId("reconnect-banner")).toHaveCount(0);
  await page.reload();
  expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toMatch(/\/sw\.js$/);
  return (await workspaceOf("luna")).creators.luna!;
}

async function expectOfflinePage(page: Page) {
  await expect(page.getByRole("heading", { name: "Vuedeck is offline" })).toBeVisible();
  await expect(page.getByText("will load when the connection is back")).toBeVisible();
  await expect(page).toHaveTitle("Offline · Vuedeck");
}

test("service worker: controls the app, stores no page or API answer, offline page when the network is gone, the app again when it is back", async ({
  page,
  context,
}) => {
  const luna = await signInUnderServiceWorker(page);
  // Pages full of money and fans' messages, and the API answers behind them…
  await page.goto(`/c/${luna}/earnings`);
  await expect(page.getByTestId("sync-status").first()).toBeVisible();
  await page.goto(`/c/${luna}/chats`);
  await expect(page.getByTestId("chat-row").first()).toBeVisible();
  // …and yet the caches hold the precached static files, nothing else.
  expect(await cachedPaths(page)).toEqual([...PRECACHE].sort());

  await context.setOffline(true);
  const res = await page.goto(`/c/${luna}/fans`);
  expect(res?.fromServiceWorker()).toBe(true);
  await expectOfflinePage(page);
  await expect(page).toHaveURL(new RegExp(`/c/${luna}/fans$`));
  await screenshots(page, "offline");
  // Retry while still offline: it says so, and stays.
  await page.getByRole("button", { name: "Retry" }).click();
  await expect(page.getByRole("status")).toHaveText(/^Still offline\./);
  await expectOfflinePage(page);

  // Back online: the page reloads by itself and the app is there, with fresh data.
  await context.setOffline(false);
  await expect(page.getByRole("heading", { name: "Vuedeck is offline" })).toHaveCount(0);
  await expect(page).toHaveTitle(/Fans · Vuedeck$/);
  await expect(page.getByRole("navigation", { name: "Main" }).first()).toBeVisible();
  expect(await cachedPaths(page)).toEqual([...PRECACHE].sort());
});

/** Records what the app asks of the Badging API (Chromium grants it only to installed apps). */
async function spyOnAppBadge(page: Page) {
  await page.addInitScript(() => {
    const calls: number[] = [];
    Object.assign(window, { __badge: calls });
    Object.defineProperty(Navigator.prototype, "setAppBadge", {
      configurable: true,
      value: (n?: number) => (calls.push(n ?? 0), Promise.resolve()),
    });
    Object.defineProperty(Navigator.prototype, "clearAppBadge", {
      configurable: true,
      value: () => (calls.push(0), Promise.resolve()),
    });
  });
}

test("unread chats: the count in front of each page's own title, and on the app badge", async ({ page }) => {
  await sandboxAdmin("/simulate/message", { creator: "luna", text: `Still there? ${Date.now()}` });
  await spyOnAppBadge(page);
  // The count the page itself last received (refreshed every minute and on live events).
  let unread: number | null = null;
  page.on("response", (r) => {
    if (new URL(r.url()).pathname !== "/api/me/unread" || !r.ok()) return;
    // A page left before its answer was read keeps the count from before.
    r.json().then(
      (body) => (unread = totalUnread(body)),
      () => {},
    );
  });
  await signInWhenFanvueAllows(page, "luna");
  const luna = (await workspaceOf("luna")).creators.luna!;
  await page.goto(`/c/${luna}/chats`);
  await expect.poll(() => unread).toBeGreaterThan(0);
  const titled = (page: Page, title: string) =>
    expect
      .poll(async () => {
        const [shown, want] = [await page.title(), titleWithUnread(title, unread!)];
        return shown === want ? "as expected" : `"${shown}", expected "${want}"`;
      })
      .toBe("as expected");
  await titled(page, "Chats · Vuedeck");
  expect(await page.title()).toMatch(/^\(\d+\+?\) Chats · Vuedeck$/);
  await expect.poll(() => page.evaluate(() => (window as any).__badge.at(-1))).toBe(unread);
  // Another page keeps its own title (the metadata template), with the count in front.
  await page.getByRole("link", { name: "Fans", exact: true }).first().click();
  await expect(page).toHaveURL(/\/fans/);
  await titled(page, "Fans · Vuedeck");
});
