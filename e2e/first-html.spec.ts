import { expect, test, type Browser, type BrowserContext, type Page, type Request } from "./fixtures/test";
import { signInWhenFanvueAllows } from "./chats-fixtures";
import { budgetLeft, clearFaults } from "./fixtures/sandbox";
import { screenshots } from "./screenshot";
import { recordHydrationErrors, withoutScriptFiles } from "./fixtures/first-html";

// Issue 23, "data in the first HTML": the fans and chats pages send their
// first screen's data with the page (components/layout/prefetched.tsx), so a
// slow phone shows real rows before its JavaScript has started, and the
// client's first render finds them instead of asking the API again.

test.beforeEach(() => budgetLeft("luna"));
test.afterEach(() => clearFaults());

type FansAnswer = {
  rows: { uuid: string; handle: string; insight: { refreshing: boolean } }[];
  roster: { status: string };
};
type ChatsAnswer = { items: { fanUuid: string; nickname: string | null; displayName: string | null }[] };

/** Signs Luna in on a page of its own (sign-in needs JavaScript) and gives its
 * session to `context`; answers Luna's creator id and the signed-in page. */
async function signIn(
  browser: Browser,
  context: BrowserContext,
  baseURL: string | undefined,
): Promise<{ creatorId: string; api: Page }> {
  // Playwright gives new contexts this test's options: sign in with JavaScript on.
  const signer = await browser.newContext({ baseURL, javaScriptEnabled: true });
  const api = await signer.newPage();
  await signInWhenFanvueAllows(api, "luna");
  await api.waitForURL(/\/c\/[^/?]+/);
  const creatorId = api.url().match(/\/c\/([^/?]+)/)![1]!;
  await context.addCookies(await signer.cookies());
  return { creatorId, api };
}

const getJson = async <T>(page: Page, path: string): Promise<T> => {
  const res = await page.request.get(path);
  expect(res.status(), path).toBe(200);
  return (await res.json()) as T;
};

test.describe("with JavaScript off", () => {
  test.use({ javaScriptEnabled: false });

  test("the fans table's first page is in the HTML", async ({ browser, context, page, baseURL }) => {
    const { creatorId, api } = await signIn(browser, context, baseURL);
    const known = await getJson<FansAnswer>(api, `/api/creators/${creatorId}/fans?list=followers`);
    expect(known.rows.length).toBeGreaterThan(0);
    await page.goto(`/c/${creatorId}/fans?view=followers`);
    // Streamed inside the page's Suspense boundary: in the document, shown by
    // React's inline swap (a browser without any script keeps the skeleton).
    const rows = page.locator('[data-testid="fans-table"] tbody tr[data-testid^="fan-row-"]');
    await expect(rows).toHaveCount(known.rows.length);
    const shown = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-testid") ?? ""));
    const handles = known.rows.map((r) => `fan-row-${r.handle || r.uuid}`);
    // The same fans as the API answers (a sync may have moved one or two since).
    expect(shown.filter((h) => handles.includes(h)).length).toBeGreaterThan(known.rows.length / 2);
    expect(await page.content()).toContain(`fan-row-${known.rows[0]!.handle}`);
  });

  test("the chat list's first page is in the HTML", async ({ browser, context, page, baseURL }) => {
    const { creatorId, api } = await signIn(browser, context, baseURL);
    const known = await getJson<ChatsAnswer>(api, `/api/creators/${creatorId}/chats`);
    expect(known.items.length).toBeGreaterThan(0);
    await page.goto(`/c/${creatorId}/chats`);
    const rows = page.getByTestId("chat-row");
    await expect(rows.first()).toBeAttached();
    const fans = await rows.evaluateAll((els) => els.map((el) => el.getAttribute("data-fan")));
    expect(fans.filter((f) => known.items.some((i) => i.fanUuid === f)).length).toBeGreaterThan(0);
    const first = known.items.find((i) => fans.includes(i.fanUuid))!;
    const name = first.nickname || first.displayName!;
    await expect(page.locator(`[data-testid="chat-row"][data-fan="${first.fanUuid}"]`)).toContainText(name);
  });
});

test("before any script file arrives, fans and chats show real rows (screenshots)", async ({
  browser,
  context,
  page,
  baseURL,
}) => {
  const { creatorId, api } = await signIn(browser, context, baseURL);
  // Past the first visit's cold start (a first roster sync and insight lookups can take longer
  // than the page waits: then the client asks, as without prefetching).
  await getJson(api, `/api/creators/${creatorId}/fans`);
  await getJson(api, `/api/creators/${creatorId}/chats`);
  await withoutScriptFiles(page);
  await page.goto(`/c/${creatorId}/fans`);
  await expect(page.locator('[data-testid="fans-table"] tbody tr[data-testid^="fan-row-"]').first()).toBeVisible();
  await screenshots(page, "first-html-fans");
  await page.goto(`/c/${creatorId}/chats`);
  await expect(page.getByTestId("chat-row").first()).toBeVisible();
  await screenshots(page, "first-html-chats");
});

/** The page's requests to our API, as "METHOD path?query". */
function recordApi(page: Page) {
  const seen: string[] = [];
  const onRequest = (r: Request) => {
    const url = new URL(r.url());
    if (url.pathname.startsWith("/api/")) seen.push(`${r.method()} ${url.pathname}${url.search}`);
  };
  page.on("request", onRequest);
  return seen;
}

/** Until the page has hydrated: a click on `target` only takes once React
 * runs (then it asks for what the click changed). */
async function clickOnceHydrated(page: Page, target: () => Promise<void>, took: () => Promise<boolean>) {
  await expect(async () => {
    await target();
    expect(await took()).toBe(true);
  }).toPass({ timeout: 20_000, intervals: [250] });
}

test("after the first load, the browser does not ask for what came with the page", async ({
  browser,
  context,
  page,
  baseURL,
}) => {
  const { creatorId, api } = await signIn(browser, context, baseURL);
  const base = `/api/creators/${creatorId}`;
  // A quiet roster first (no sync or insight refresh polling while we watch).
  await expect
    .poll(
      async () => {
        const a = await getJson<FansAnswer>(api, `${base}/fans`);
        return a.roster.status !== "running" && a.rows.every((r) => !r.insight.refreshing);
      },
      { timeout: 60_000, intervals: [1_000] },
    )
    .toBe(true);
  const hydration = recordHydrationErrors(page);
  const fansLoad = recordApi(page);
  await page.goto(`/c/${creatorId}/fans`);
  await expect(page.getByTestId("fans-table").locator("tbody tr").first()).toBeVisible();
  // Hydrated: the Followers tab now asks for its list.
  const followers = page.waitForRequest((r) => r.url().includes(`${base}/fans?`) && r.url().includes("followers"));
  await clickOnceHydrated(
    page,
    () => page.getByTestId("fans-tab-followers").click(),
    async () => (await page.getByTestId("fans-tab-followers").getAttribute("aria-selected")) === "true",
  );
  await followers;
  const before = fansLoad.slice(
    0,
    fansLoad.findIndex((r) => r.includes("list=followers")),
  );
  const prefetchedFans = [
    `GET ${base}/fans?`,
    `GET ${base}/fans/roster`,
    `GET ${base}/fans/analysis`,
    `GET ${base}/fans/tags`,
    `GET ${base}/fans/segments`,
    `GET ${base}/lists`,
  ];
  expect(before.filter((r) => prefetchedFans.some((p) => r.startsWith(p)))).toEqual([]);
  await expectChatsLoadQuiet(page, creatorId);
  // A chat already read: opening an unread one marks it read, and that write refreshes both.
  await page.goto(`/c/${creatorId}/chats`);
  const fan = await page.locator('[data-testid="chat-row"][data-unread="false"]').first().getAttribute("data-fan");
  await expectChatsLoadQuiet(page, creatorId, fan!);
  // The server's HTML and the client's first render agree (else React throws the HTML away).
  expect(hydration).toEqual([]);
});

/** Loads the chats page (with `chat` open) and proves, once React runs, that the list, the lists
 * and the open chat's messages were not asked for: they came with the HTML. */
async function expectChatsLoadQuiet(page: Page, creatorId: string, chat?: string) {
  const base = `/api/creators/${creatorId}`;
  const chatsLoad = recordApi(page);
  await page.goto(`/c/${creatorId}/chats${chat ? `?chat=${chat}` : ""}`);
  await expect(page.getByTestId("chat-row").first()).toBeVisible();
  if (chat) await expect(page.getByTestId("message").first()).toBeVisible();
  const unread = page.waitForRequest((r) => r.url().includes(`${base}/chats?`) && r.url().includes("filter=unread"));
  const chip = page.getByTestId("chat-filters").getByRole("radio", { name: "Unread", exact: true });
  await clickOnceHydrated(
    page,
    () => chip.click(),
    async () => (await chip.getAttribute("aria-checked")) === "true",
  );
  await unread;
  const before = chatsLoad.slice(
    0,
    chatsLoad.findIndex((r) => r.includes("filter=unread")),
  );
  const prefetched = [`GET ${base}/chats?`, `GET ${base}/lists`, `GET ${base}/chats/${chat}/messages`];
  expect(before.filter((r) => prefetched.some((p) => r.startsWith(p)))).toEqual([]);
}
