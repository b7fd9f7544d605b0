import { expect, test, type Browser, type BrowserContext, type Page } from "./fixtures/test";
import { signInAs } from "./fixtures/auth";
import { budgetLeft, sandboxAdmin } from "./fixtures/sandbox";
import { screenshots } from "./screenshot";
import { recordHydrationErrors, withoutScriptFiles } from "./fixtures/first-html";

// Issue 23, "data in the first HTML": earnings, the creator overview and the
// posts page arrive with their figures and rows in the server's HTML (read
// here with JavaScript off: streamed inside the page's Suspense boundary, in
// the document but hidden until React's inline swap runs), show them before
// any script file has arrived, and the browser, once its JavaScript runs, does
// not ask our API again for what came with the page.

const TZ = "Europe/Berlin";
test.use({ timezoneId: TZ, locale: "en-US" });
test.beforeEach(() => budgetLeft("luna"));

const money = (c: number) => new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(c / 100);
const count = (n: number) => new Intl.NumberFormat("en-US").format(n);

type Report = { totals: { gross: number }; provisional: { gross: number }; range: { tz: string } };

/** Signs Luna in with JavaScript on (the sign-in needs it; the device tells the
 * server its zone on the way), then answers a JavaScript-off browser with her
 * session and that zone cookie, and her overview's path. */
async function signedIn(browser: Browser, page: Page, cookies: "with-zone" | "without-zone" = "with-zone") {
  await signInAs(page, "luna");
  const creatorPath = new URL(page.url()).pathname.match(/^\/c\/[^/]+/)![0];
  await expect.poll(async () => (await page.context().cookies()).some((c) => c.name === "vd_tz")).toBe(true);
  const state = await page.context().storageState();
  if (cookies === "without-zone") state.cookies = state.cookies.filter((c) => c.name !== "vd_tz");
  const off = await browser.newContext({ javaScriptEnabled: false, storageState: state, timezoneId: TZ });
  const api = creatorPath.replace("/c/", "/api/creators/");
  await ledgerSettled(page, api);
  return { off, creatorPath, api };
}

/** The first import of Luna's earnings runs after her sign-in: until it is done the figures grow between two reads. */
async function ledgerSettled(page: Page, api: string) {
  await expect
    .poll(
      async () => {
        const { sync } = (await (await page.request.get(`${api}/earnings?range=today`)).json()) as {
          sync: { state: string; lastSyncedAt: string | null };
        };
        return sync.state === "idle" && sync.lastSyncedAt !== null;
      },
      { timeout: 90_000, intervals: [1_000] },
    )
    .toBe(true);
}

/** Opens `path` without JavaScript until `check` passes on what the server sent (figures may move between a read of
 * the API and the page's render when a sync lands in between: both are read again). */
async function openOff(off: BrowserContext, path: string, check: (page: Page) => Promise<void>) {
  const page = await off.newPage();
  await expect(async () => {
    await page.goto(path);
    await check(page);
  }).toPass({ timeout: 30_000 });
  return page;
}

test("earnings, overview and posts are in the server's HTML (JavaScript off)", async ({ browser, page }) => {
  test.setTimeout(180_000);
  const { off, creatorPath, api } = await signedIn(browser, page);
  const get = async <T>(url: string) => (await off.request.get(url)).json() as Promise<T>;

  // Earnings: the URL's range, in the viewer's zone (the cookie her device set), as the API answers it.
  const earnings = await openOff(off, `${creatorPath}/earnings?range=90d`, async (p) => {
    const r = await get<Report>(`${api}/earnings?range=90d&tz=${encodeURIComponent(TZ)}&granularity=day`);
    await expect(p.getByTestId("kpi-gross")).toContainText(money(r.totals.gross + r.provisional.gross), {
      timeout: 1_000,
    });
  });
  await expect(earnings.getByText(`in ${TZ}`).first()).toBeAttached();

  // Overview: Fanvue's audience (its 30 s snapshot) and the money line of the last 30 days.
  const overview = await openOff(off, creatorPath, async (p) => {
    const o = await get<{ data: { subscribers: number | null } }>(`${api}/overview`);
    const r = await get<Report>(`${api}/earnings?range=30d&tz=${encodeURIComponent(TZ)}&granularity=day`);
    await expect(p.getByTestId("stat-subscribers")).toContainText(count(o.data.subscribers!), { timeout: 1_000 });
    await expect(p.getByTestId("overview-30d")).toHaveText(money(r.totals.gross + r.provisional.gross), {
      timeout: 1_000,
    });
  });
  await expect(overview.getByTestId("overview-display-name")).toHaveText("Luna Vale");

  // Posts: the first page of recent posts, each with its text.
  const posts = await openOff(off, `${creatorPath}/posts`, async (p) => {
    const h = await get<{ items: { uuid: string; text: string | null }[] }>(
      `${api}/posts/history?range=30d&tz=${encodeURIComponent(TZ)}`,
    );
    const first = h.items.find((i) => i.text?.trim());
    expect(first, "Luna has published posts with text").toBeTruthy();
    await expect(p.getByTestId("history-item")).toHaveCount(h.items.length, { timeout: 1_000 });
    const row = p.locator(`[data-testid="history-item"][data-id="${first!.uuid}"]`);
    await expect(row).toContainText(
      first!
        .text!.split("\n")
        .find((l) => l.trim())!
        .trim(),
      { timeout: 1_000 },
    );
  });
  await expect(posts.getByTestId("history-earned-note")).toBeAttached();
  await off.close();
});

test("a device whose zone the server does not know yet gets no figures in a guessed zone", async ({
  browser,
  page,
}) => {
  const { off, creatorPath } = await signedIn(browser, page, "without-zone");
  const p = await off.newPage();
  // Its zone is known only in the browser: the figures wait for it (a skeleton), rather than show UTC's.
  await p.goto(`${creatorPath}/earnings`);
  await expect(p.locator("h1", { hasText: "Earnings" })).toBeAttached();
  await expect(p.getByTestId("kpi-gross")).toHaveCount(0);
  // A link that names its zone needs no guess.
  await p.goto(`${creatorPath}/earnings?tz=Asia%2FKolkata`);
  await expect(p.getByTestId("kpi-gross")).toBeAttached();
  await expect(p.getByText("in Asia/Kolkata").first()).toBeAttached();
  // The overview's audience does not depend on a zone; its money line does.
  await p.goto(creatorPath);
  await expect(p.getByTestId("stat-subscribers")).toBeAttached();
  await expect(p.getByTestId("overview-30d")).toHaveCount(0);
  await off.close();
});

test("an agency's All creators and all-earnings pages are in the server's HTML (JavaScript off)", async ({ page }) => {
  test.setTimeout(120_000);
  await signInAs(page, "atlas");
  const home = new URL(page.url()).pathname;
  expect(home).toMatch(/^\/w\/[^/]+$/);
  await expect.poll(async () => (await page.context().cookies()).some((c) => c.name === "vd_tz")).toBe(true);
  const off = await page
    .context()
    .browser()!
    .newContext({
      javaScriptEnabled: false,
      storageState: await page.context().storageState(),
      timezoneId: TZ,
    });
  const p = await off.newPage();
  await p.goto(home);
  await expect(p.getByTestId("creator-row-mia")).toBeAttached();
  await expect(p.getByTestId("creator-row-mia")).toContainText("Mia Rose");
  await p.goto(`${home}/earnings`);
  await expect(p.getByTestId("agency-earnings-table")).toContainText("Mia Rose");
  await expect(p.getByTestId("agency-earnings-table")).toContainText("Nova Lane");
  await off.close();
});

test("before any script file arrives, the figures and rows are on screen (screenshots)", async ({ page }) => {
  await signInAs(page, "luna");
  const creatorPath = new URL(page.url()).pathname.match(/^\/c\/[^/]+/)![0];
  await expect.poll(async () => (await page.context().cookies()).some((c) => c.name === "vd_tz")).toBe(true);
  // A phone before its JavaScript has arrived: React's small inline scripts still reveal what the server streamed.
  await withoutScriptFiles(page);
  await page.goto(`${creatorPath}/earnings`);
  await expect(page.getByTestId("kpi-gross")).toBeVisible();
  await screenshots(page, "first-html-earnings");
  await page.goto(creatorPath);
  await expect(page.getByTestId("stat-subscribers")).toBeVisible();
  await expect(page.getByTestId("overview-30d")).toBeVisible();
  await screenshots(page, "first-html-overview");
  await page.goto(`${creatorPath}/posts`);
  await expect(page.getByTestId("history-item").first()).toBeVisible();
  await screenshots(page, "first-html-posts");
});

/** Our API's paths the page asked for until the shell's own first query (the unread counts, asked on mount
 * beside the page's) was answered: by then any query the page's first render wanted to fetch has been sent. */
async function apiCallsOnFirstLoad(page: Page, path: string) {
  const calls: string[] = [];
  const record = (r: { url: () => string }) => {
    const u = new URL(r.url());
    if (u.pathname.startsWith("/api/")) calls.push(`${u.pathname}${u.search}`);
  };
  page.on("request", record);
  const shellAsked = page.waitForResponse((r) => new URL(r.url()).pathname === "/api/me/unread");
  await page.goto(path);
  await shellAsked;
  page.off("request", record);
  return calls;
}

test("with JavaScript on, nothing that came with the page is asked for again", async ({ page }) => {
  await signInAs(page, "luna");
  const creatorPath = new URL(page.url()).pathname.match(/^\/c\/[^/]+/)![0];
  const api = creatorPath.replace("/c/", "/api/creators/");
  await expect.poll(async () => (await page.context().cookies()).some((c) => c.name === "vd_tz")).toBe(true);
  const hydration = recordHydrationErrors(page);

  const earnings = await apiCallsOnFirstLoad(page, `${creatorPath}/earnings?range=90d`);
  expect(earnings.filter((c) => c.startsWith(`${api}/earnings`))).toEqual([]);
  await expect(page.getByTestId("kpi-gross")).toBeVisible();

  const overview = await apiCallsOnFirstLoad(page, creatorPath);
  expect(overview.filter((c) => c.startsWith(`${api}/overview`) || c.startsWith(`${api}/earnings`))).toEqual([]);
  await expect(page.getByTestId("overview-30d")).toBeVisible();

  // Two views within the list's 15 s: Fanvue's post list is read at most once for both (and for the prefetch).
  await sandboxAdmin("/calls", undefined, "DELETE");
  const posts = await apiCallsOnFirstLoad(page, `${creatorPath}/posts`);
  expect(posts.filter((c) => c.startsWith(`${api}/posts`))).toEqual([]);
  await expect(page.getByTestId("history-item").first()).toBeVisible();
  const firstView = await postListCalls();
  await page.reload();
  await expect(page.getByTestId("history-item").first()).toBeVisible();
  expect(await postListCalls()).toBe(firstView);
  // The server's HTML and the client's first render agree (else React throws the HTML away).
  expect(hydration).toEqual([]);
});

/** Reads of Luna's post list on the sandbox since its log was cleared. */
const postListCalls = async () =>
  (await sandboxAdmin<{ calls: { method: string }[] }>("/calls?path=/posts")).calls.filter((c) => c.method === "GET")
    .length;
