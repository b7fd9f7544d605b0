import { expect, test, type Page } from "./fixtures/test";
import { signInAs } from "./fixtures/auth";
import { screenshots } from "./screenshot";

// Settings: the theme (painted before React runs, kept across reloads and devices), the zone, and
// disconnecting Fanvue (the reconnect state everywhere, then reconnecting through the sign-in).

const DARK_CANVAS = "rgb(12, 14, 18)";

async function openSettings(page: Page) {
  await page.getByTestId("user-menu").click();
  await page.getByTestId("open-settings").click();
  await page.waitForURL(/\/settings$/);
  await expect(page.getByRole("heading", { name: "Settings", level: 1 })).toBeVisible();
}

const htmlIsDark = (page: Page) => page.evaluate(() => document.documentElement.classList.contains("dark"));

/** Leaves Luna on the device's theme and zone for the journeys after this one. */
async function resetPreferences(page: Page) {
  await page.request.patch("/api/me/preferences", {
    data: { theme: null, timeZone: null },
    headers: { Origin: new URL(page.url()).origin },
  });
}

/** With every script file refused, only the inline script in <head> can set the theme. */
async function expectDarkBeforeHydration(page: Page) {
  await page.route("**/_next/static/**/*.js", (route) => route.abort());
  await page.reload();
  expect(await htmlIsDark(page)).toBe(true);
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(DARK_CANVAS);
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe("dark");
  await page.unrouteAll();
  await page.reload();
}

test("theme: Dark is applied at once, kept across reloads, painted before hydration and on another device", async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  await signInAs(page, "luna");
  try {
    await openSettings(page);
    await expect(page.getByTestId("theme-system")).toBeChecked();
    expect(await htmlIsDark(page)).toBe(false);
    await page.getByTestId("theme-dark").check();
    expect(await htmlIsDark(page)).toBe(true);
    await expect
      .poll(async () => (await page.request.get("/api/me/preferences")).json())
      .toMatchObject({
        theme: "dark",
      });
    await page.reload();
    await expect(page.getByTestId("theme-dark")).toBeChecked();
    await expectDarkBeforeHydration(page);
    await expect(page.getByTestId("connection-state")).toBeVisible();
    await screenshots(page, "settings-dark");

    // Another device (no localStorage of its own) follows the account's choice.
    const other = await browser.newContext({ colorScheme: "light" });
    const phone = await other.newPage();
    await signInAs(phone, "luna", "/settings");
    await expect.poll(() => htmlIsDark(phone)).toBe(true);
    await other.close();

    await page.getByTestId("theme-light").check();
    expect(await htmlIsDark(page)).toBe(false);
    await page.goto("/settings#appearance");
    await screenshots(page, "settings-light");
  } finally {
    await resetPreferences(page);
  }
});

test("System follows the device's setting", async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: "dark" });
  const page = await context.newPage();
  await signInAs(page, "luna", "/settings");
  await expect(page.getByTestId("theme-system")).toBeChecked();
  expect(await htmlIsDark(page)).toBe(true);
  await page.emulateMedia({ colorScheme: "light" });
  await expect.poll(() => htmlIsDark(page)).toBe(false);
  await context.close();
});

test("zone: chosen in Settings, it is the zone of every page", async ({ page }) => {
  await signInAs(page, "luna");
  try {
    await openSettings(page);
    await page.getByTestId("pref-zone").selectOption("Asia/Tokyo");
    await page.getByTestId("pref-save").click();
    await expect(page.getByTestId("pref-saved")).toBeVisible();
    await page.getByTestId("user-menu").click();
    await expect(page.getByTestId("current-zone")).toHaveText("Asia/Tokyo");
    await page.keyboard.press("Escape");
    await page.reload();
    await expect(page.getByTestId("pref-zone")).toHaveValue("Asia/Tokyo");
  } finally {
    await resetPreferences(page);
  }
});

async function reconnectAs(page: Page, handle: string) {
  await page.getByTestId("reconnect").click();
  await page.waitForURL(/\/oauth2\/auth/);
  await page.getByRole("radio", { name: new RegExp(`@${handle}\\)`) }).check();
  await page.getByRole("button", { name: "Allow" }).click();
  await page.waitForURL(/\/settings/);
}

test("disconnect: confirmed, the app shows the reconnect state, and reconnecting restores it", async ({ page }) => {
  test.setTimeout(90_000);
  await signInAs(page, "luna", "/settings#fanvue");
  const card = page.getByTestId("connection-card");
  await expect(card.getByTestId("connection-state")).toHaveText("Connected");
  await expect(card.getByTestId("scopes-summary")).toContainText("permissions");
  await card.getByTestId("disconnect").click();
  const dialog = page.getByTestId("disconnect-dialog");
  await expect(dialog).toContainText("scheduled posts, mass messages and automations do not send");
  await dialog.getByTestId("confirm-disconnect").click();
  await expect(dialog).toBeHidden();
  await expect(card.getByTestId("connection-state")).toHaveText("Disconnected");
  await expect(card.getByTestId("disconnect")).toHaveCount(0);
  await expect(page.getByTestId("reconnect-banner")).toContainText("You disconnected Fanvue in Settings");
  // Every page says so, not only this one.
  await page.goto("/");
  await expect(page.getByTestId("reconnect-banner")).toBeVisible();
  await page.goto("/settings#fanvue");
  await screenshots(page, "settings-disconnected");

  await reconnectAs(page, "luna");
  await expect(card.getByTestId("connection-state")).toHaveText("Connected");
  await expect(page.getByTestId("reconnect-banner")).toHaveCount(0);
});

const PAGES = ["", "/earnings", "/fans", "/chats", "/vault", "/posts"] as const;

test("the main pages in light and dark, at 1280 and 390 px", async ({ page }) => {
  test.setTimeout(180_000);
  await signInAs(page, "luna");
  const creatorPath = new URL(page.url()).pathname.match(/^\/c\/[^/]+/)![0];
  for (const p of PAGES) {
    await page.goto(creatorPath + p);
    await expect(page.locator("main .animate-pulse")).toHaveCount(0, { timeout: 20_000 });
    const name = `theme-${p.slice(1) || "overview"}`;
    for (const scheme of ["light", "dark"] as const) {
      // Theme "System": the inline script follows the emulated device setting.
      await page.emulateMedia({ colorScheme: scheme });
      await expect.poll(() => htmlIsDark(page)).toBe(scheme === "dark");
      await screenshots(page, `${name}-${scheme}`);
    }
  }
});
