import { expect, test, type Browser, type Page } from "./fixtures/test";
import { signInAs } from "./fixtures/auth";
import { screenshots } from "./screenshot";

// The viewer's zone is chosen once and kept on the server: another device
// (another browser, another zone of its own) shows every date in it from the
// first server render on.

async function device(browser: Browser, timezoneId: string, locale: string) {
  const context = await browser.newContext({ timezoneId, locale, viewport: { width: 1280, height: 800 } });
  return { context, page: await context.newPage() };
}

async function openPreferences(page: Page) {
  await page.getByTestId("user-menu").click();
  await page.getByTestId("open-preferences").click();
  await expect(page.getByTestId("preferences-dialog")).toBeVisible();
}

async function currentZone(page: Page) {
  await page.getByTestId("user-menu").click();
  const text = (await page.getByTestId("current-zone").textContent())!;
  await page.keyboard.press("Escape");
  return text;
}

test("a zone chosen on one device is the zone on another after sign-in, in pages and in the server's HTML", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const laptop = await device(browser, "America/Los_Angeles", "en-US");
  const phone = await device(browser, "Europe/Berlin", "en-GB");
  try {
    // The laptop follows its own zone until a choice is made.
    await signInAs(laptop.page, "luna");
    const creatorPath = new URL(laptop.page.url()).pathname.match(/^\/c\/[^/]+/)![0];
    expect(await currentZone(laptop.page)).toBe("America/Los Angeles (this device)");

    await openPreferences(laptop.page);
    await laptop.page.getByTestId("pref-zone").selectOption("Asia/Kolkata");
    await laptop.page.getByTestId("pref-locale").selectOption("en-GB");
    await expect(laptop.page.getByTestId("pref-preview")).toContainText(/\d{1,2} \w{3} \d{4}, \d{2}:\d{2}/);
    await screenshots(laptop.page, "preferences");
    await laptop.page.getByTestId("pref-save").click();
    await expect(laptop.page.getByTestId("preferences-dialog")).toHaveCount(0);
    expect(await currentZone(laptop.page)).toBe("Asia/Kolkata");

    // Another device, another zone of its own: signs in and sees Kolkata everywhere.
    await signInAs(phone.page, "luna", `${creatorPath}/posts`);
    await expect(phone.page.getByText("in your time zone (Asia/Kolkata)")).toBeVisible();
    expect(await currentZone(phone.page)).toBe("Asia/Kolkata");
    await phone.page.goto(`${creatorPath}/earnings`);
    await expect(phone.page.getByTestId("tz-select")).toHaveValue("Asia/Kolkata");
    await expect(phone.page.getByText("in Asia/Kolkata").first()).toBeVisible();
    await expect(phone.page).not.toHaveURL(/tz=/);
    await phone.page.goto(`${creatorPath}/fans?view=renewals`);
    await expect(phone.page.getByText("Times in Asia/Kolkata")).toBeVisible();

    // The server renders in the chosen zone already (no flash of the device's).
    // (React marks text boundaries with empty comments.)
    const html = (await (await phone.page.request.get(`${creatorPath}/posts`)).text()).replaceAll("<!-- -->", "");
    expect(html).toContain("in your time zone (Asia/Kolkata)");

    // Back to following the device: each device shows its own zone again.
    await openPreferences(phone.page);
    await phone.page.getByTestId("pref-zone").selectOption("");
    await phone.page.getByTestId("pref-locale").selectOption("");
    await phone.page.getByTestId("pref-save").click();
    await expect(phone.page.getByTestId("preferences-dialog")).toHaveCount(0);
    expect(await currentZone(phone.page)).toBe("Europe/Berlin (this device)");
    await laptop.page.reload();
    expect(await currentZone(laptop.page)).toBe("America/Los Angeles (this device)");
  } finally {
    // Other journeys sign in as Luna: leave her following the device.
    await laptop.page.request
      .patch("/api/me/preferences", {
        data: { timeZone: null, locale: null },
        headers: { Origin: new URL(laptop.page.url()).origin },
      })
      .catch(() => undefined);
    await laptop.context.close();
    await phone.context.close();
  }
});

test("a zone that is not one is refused with the field named", async ({ page }) => {
  await signInAs(page, "luna");
  const origin = new URL(page.url()).origin;
  const bad = await page.request.patch("/api/me/preferences", {
    data: { timeZone: "Mars/Olympus_Mons" },
    headers: { Origin: origin },
  });
  expect(bad.status()).toBe(400);
  const body = await bad.json();
  expect(body.error.field).toBe("timeZone");
  expect(body.error.message).toContain("IANA time zone");
  // Nothing was saved.
  expect(await (await page.request.get("/api/me/preferences")).json()).toEqual({
    timeZone: null,
    locale: null,
    theme: null,
  });
});
