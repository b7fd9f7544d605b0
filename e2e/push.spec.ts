import { expect, test, type BrowserContext, type Page } from "./fixtures/test";
import { browserKeys, decryptPush, startPushService, type BrowserKeys } from "../tests/support/push-service";
import { signInWhenFanvueAllows } from "./chats-fixtures";
import { withDb } from "./fixtures/db";
import { budgetLeft, sandboxAdmin } from "./fixtures/sandbox";
import { screenshots } from "./screenshot";

// A tip becomes a notification on a subscribed Chromium, along the whole
// path but Google's relay: the device is registered in the app with an
// endpoint at a push service this test runs (this Chromium has no network to
// reach FCM), "tips over $10" is chosen in Settings, the sandbox sends a $5
// and a $25 tip, the push service receives the encrypted push, the test
// decrypts it as the browser would, hands it to the page's service worker
// through DevTools, and the worker shows the notification.

test.beforeEach(() => budgetLeft("luna"));

type Stub = Awaited<ReturnType<typeof startPushService>>;

/** Registers a "browser" (keys made here) whose endpoint is the stub, as the settings' Turn on does. */
async function registerDevice(page: Page, origin: string, stub: Stub, keys: BrowserKeys) {
  const path = `/e2e/${Date.now()}`;
  const res = await page.request.post("/api/me/push/subscriptions", {
    headers: { Origin: origin },
    data: { endpoint: `${stub.url}${path}`, keys: { p256dh: keys.p256dh, auth: keys.auth } },
  });
  expect(res.status()).toBe(201);
  return path;
}

/** Removes the stub device (the next test starts without it). */
const removeDevice = (page: Page, origin: string, stub: Stub, path: string) =>
  page.request.delete("/api/me/push/subscriptions", {
    headers: { Origin: origin },
    data: { endpoint: `${stub.url}${path}` },
  });

/** Tips on, of at least `amount`, saved through the form. */
async function chooseTipsOver(page: Page, amount: string) {
  const form = page.getByTestId("notification-choices");
  await form.getByLabel("Tips").check();
  await form.getByLabel("of at least").fill(amount);
  await form.getByTestId("notification-choices-save").click();
  await expect(page.getByTestId("notification-choices-saved")).toBeVisible();
}

/** Both tips' push jobs have run (the $5 one decides nobody is told). */
const pushJobsDone = () =>
  expect
    .poll(
      () =>
        withDb(async (c) => {
          const r = await c.query(
            `SELECT count(*)::int AS n FROM "Job" WHERE queue LIKE 'push-%' AND status IN ('queued', 'running')`,
          );
          return r.rows[0].n as number;
        }),
      { timeout: 20_000 },
    )
    .toBe(0);

/** The page's service worker registration id, from DevTools' ServiceWorker domain. */
async function workerRegistration(context: BrowserContext, page: Page, origin: string) {
  const cdp = await context.newCDPSession(page);
  const regs: { registrationId: string; scopeURL: string; isDeleted?: boolean }[] = [];
  cdp.on("ServiceWorker.workerRegistrationUpdated", (e) => regs.push(...e.registrations));
  await cdp.send("ServiceWorker.enable");
  await expect.poll(() => regs.find((r) => r.scopeURL === `${origin}/` && !r.isDeleted)?.registrationId).toBeTruthy();
  return { cdp, registrationId: regs.find((r) => r.scopeURL === `${origin}/` && !r.isDeleted)!.registrationId };
}

const shownNotifications = (page: Page) =>
  page.evaluate(async () =>
    (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => ({
      title: n.title,
      body: n.body,
      tag: n.tag,
      url: (n.data as { url?: string } | null)?.url ?? null,
    })),
  );

test("a $25 tip reaches a subscribed Chromium as a notification; a $5 tip under the $10 choice does not", async ({
  page,
  context,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const origin = new URL(baseURL!).origin;
  await context.grantPermissions(["notifications"], { origin });
  const stub = await startPushService();
  let path = "";
  try {
    await signInWhenFanvueAllows(page, "luna");
    const keys = browserKeys();
    path = await registerDevice(page, origin, stub, keys);
    await page.goto("/settings#notifications");
    await expect(page.getByTestId("push-devices").getByRole("listitem")).toHaveCount(1);
    await chooseTipsOver(page, "10");

    await sandboxAdmin("/simulate/tip", { creator: "luna", amount: 500 });
    await sandboxAdmin("/simulate/tip", { creator: "luna", amount: 2_500 });
    const payload = decryptPush(await stub.waitFor(path, 30_000), keys);
    expect(payload).toMatchObject({
      title: "New tip",
      body: expect.stringMatching(/^Tip \$25\.00 from @\S+ · Luna/),
      url: expect.stringMatching(/^\/c\/[^/]+\/chats\?chat=[0-9a-f-]{36}$/),
      tag: expect.stringMatching(/^tip:\d+$/),
    });
    await pushJobsDone();
    expect(stub.received.filter((r) => r.path === path)).toHaveLength(1);

    const { cdp, registrationId } = await workerRegistration(context, page, origin);
    await cdp.send("ServiceWorker.deliverPushMessage", { origin, registrationId, data: JSON.stringify(payload) });
    await expect
      .poll(() => shownNotifications(page))
      .toEqual([{ title: "New tip", body: payload.body, tag: payload.tag, url: `${origin}${payload.url as string}` }]);
  } finally {
    if (path) await removeDevice(page, origin, stub, path);
    await stub.close();
  }
});

test("Settings → Notifications: this browser's state, the choices, and a test push to every device", async ({
  page,
  context,
  baseURL,
}) => {
  const origin = new URL(baseURL!).origin;
  await context.grantPermissions(["notifications"], { origin });
  const stub = await startPushService();
  let path = "";
  try {
    await signInWhenFanvueAllows(page, "luna");
    const keys = browserKeys();
    path = await registerDevice(page, origin, stub, keys);
    await page.goto("/settings#notifications");
    // This Chromium has no subscription of its own: off here, with the way to turn it on.
    await expect(page.getByTestId("push-state")).toHaveAttribute("data-state", "off");
    await expect(page.getByTestId("push-enable")).toBeVisible();
    const whales = page.getByTestId("notification-choices").getByLabel("spent");
    await whales.fill("1.234");
    await page.getByTestId("notification-choices-save").click();
    await expect(page.getByTestId("notification-choices").getByRole("alert")).toContainText("ambiguous");
    await whales.fill("250");
    await page.getByTestId("notification-choices-save").click();
    await expect(page.getByTestId("notification-choices-saved")).toBeVisible();

    const from = stub.received.length;
    await page.getByTestId("push-test").click();
    const test = decryptPush(await stub.waitFor(path, 10_000, from), keys);
    expect(test).toMatchObject({ title: "Vuedeck test notification", url: "/" });
    await expect(page.getByTestId("push-test-outcome").first()).toHaveText("Sent");
    await page.reload();
    await expect(page.getByTestId("notification-choices").getByLabel("spent")).toHaveValue("250.00");
    await page.locator("#notifications").scrollIntoViewIfNeeded();
    await screenshots(page, "settings-notifications");
  } finally {
    if (path) await removeDevice(page, origin, stub, path);
    await stub.close();
  }
});
