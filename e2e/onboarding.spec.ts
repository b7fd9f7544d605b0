import { expect, test, type Page } from "./fixtures/test";
import { signInAs } from "./fixtures/auth";
import { withDb, workspaceOf } from "./fixtures/db";
import { budgetLeft } from "./fixtures/sandbox";
import { screenshots } from "./screenshot";

// "Getting started" on the overview: built from real state. A fresh sign-in sees it, saving a zone
// in Settings ticks that step, opening the palette ticks its step, and "Hide" removes it for good
// on this device.

/** Luna on the device's zone, as a new user is (other journeys may have saved one). */
const resetZone = () => withDb((db) => db.query(`UPDATE "User" SET "timeZone" = NULL WHERE handle = 'luna'`));

test.beforeEach(async () => {
  await budgetLeft("luna");
  await resetZone();
});
test.afterEach(resetZone);

/** "2 of 5 done" as numbers. */
async function progressOf(page: Page) {
  const text = (await page.getByTestId("getting-started-progress").textContent()) ?? "";
  const m = /^(\d+) of (\d+) done$/.exec(text.trim());
  expect(m, `progress reads "${text}"`).not.toBeNull();
  return { done: Number(m![1]), total: Number(m![2]) };
}

const step = (page: Page, id: string) => page.getByTestId(`getting-started-${id}`);

async function expectCardForNewUser(page: Page) {
  const card = page.getByTestId("getting-started");
  await expect(card.getByRole("heading", { name: "Getting started", level: 2 })).toBeVisible();
  // A solo creator owns their workspace: all the steps that apply to an owner, as a list.
  await expect(card.getByRole("list", { name: "Steps" }).getByRole("listitem")).toHaveCount(
    (await progressOf(page)).total,
  );
  for (const id of ["zone", "team", "palette", "install"]) await expect(step(page, id)).toBeVisible();
  await expect(step(page, "zone")).toHaveAttribute("data-done", "false");
  await expect(step(page, "palette")).toHaveAttribute("data-done", "false");
  await expect(step(page, "team")).toHaveAttribute("data-done", "false");
  await expect(step(page, "team").getByRole("link", { name: "Invite people" })).toHaveAttribute(
    "href",
    /\/w\/[^/]+\/team$/,
  );
}

async function saveZoneThroughStep(page: Page, overview: string) {
  await step(page, "zone").getByRole("link", { name: "Choose zone" }).click();
  await page.waitForURL(/\/settings#profile$/);
  await page.getByTestId("pref-zone").selectOption("Asia/Tokyo");
  await page.getByTestId("pref-save").click();
  await expect(page.getByTestId("pref-saved")).toBeVisible();
  await page.goto(overview);
  await expect(step(page, "zone")).toHaveAttribute("data-done", "true");
  await expect(step(page, "zone").getByRole("link")).toHaveCount(0);
}

test("getting started: real state ticks the steps, Hide keeps it hidden", async ({ page }) => {
  await signInAs(page, "luna");
  const overview = `/c/${(await workspaceOf("luna")).creators.luna!}`;
  await page.goto(overview);
  await expectCardForNewUser(page);
  const before = await progressOf(page);
  expect(before.done).toBeLessThan(before.total);
  await screenshots(page, "onboarding-card");

  await saveZoneThroughStep(page, overview);
  expect(await progressOf(page)).toEqual({ done: before.done + 1, total: before.total });

  await step(page, "palette").getByRole("button", { name: "Open the palette" }).click();
  await expect(page.getByTestId("command-palette")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("command-palette")).toBeHidden();
  await expect(step(page, "palette")).toHaveAttribute("data-done", "true");
  expect(await progressOf(page)).toEqual({ done: before.done + 2, total: before.total });
  await page.reload();
  await expect(step(page, "palette")).toHaveAttribute("data-done", "true");
  await screenshots(page, "onboarding-card-progress");

  await page.getByRole("button", { name: "Hide getting started" }).click();
  await expect(page.getByTestId("getting-started")).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId("overview-display-name")).toBeVisible();
  await expect(page.getByTestId("getting-started")).toHaveCount(0);
});

test("getting started: the palette opened by its keys counts too, on the agency's overview", async ({ page }) => {
  await signInAs(page, "atlas");
  const ws = await workspaceOf("atlas");
  await page.goto(`/w/${ws.id}`);
  await expect(page.getByTestId("getting-started")).toBeVisible();
  await expect(step(page, "team")).toBeVisible();
  await expect(step(page, "palette")).toHaveAttribute("data-done", "false");
  await page.keyboard.press("Control+k");
  await expect(page.getByTestId("command-palette")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(step(page, "palette")).toHaveAttribute("data-done", "true");
  await screenshots(page, "onboarding-agency");
  await page.emulateMedia({ colorScheme: "dark" });
  await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains("dark"))).toBe(true);
  await screenshots(page, "onboarding-agency-dark");
});

/** Sums the page's layout shifts not caused by input, from the first paint on (CLS as Chromium reports it). */
async function watchLayoutShifts(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __cls: number };
    w.__cls = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) {
        if (!e.hadRecentInput) w.__cls += e.value;
      }
    }).observe({ type: "layout-shift", buffered: true });
  });
  return async () => {
    // Entries are delivered after the frame that shifted: two frames on, all are in.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    return page.evaluate(() => (window as unknown as { __cls: number }).__cls);
  };
}

// The agency's overview is not held to it yet: in the full suite it measured 0.16 (its table
// arriving late, most likely; issue 23's notes). The creator's overview measured 0.59 before the card moved.
test("the card appearing moves nothing on a phone: layout shift under 0.1 on the creator's overview", async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signInAs(page, "atlas");
  const ws = await workspaceOf("atlas");
  const cls = await watchLayoutShifts(page);
  await page.goto(`/c/${Object.values(ws.creators)[0]!}`);
  await expect(page.getByTestId("getting-started")).toBeVisible();
  expect(await cls()).toBeLessThan(0.1);
});
