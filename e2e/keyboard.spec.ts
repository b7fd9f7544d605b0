import { expect, test } from "@playwright/test";
import { signInAs } from "./fixtures/auth";
import { workspaceOf } from "./fixtures/db";
import { budgetLeft } from "./fixtures/sandbox";
import { screenshots } from "./screenshot";

// The app by keyboard: a skip link first, the command palette (Ctrl+K) to a
// page and to a fan's chat by handle, "g" + letter to go to a page, "?" for
// the keyboard map. No mouse in these journeys.

test.beforeEach(() => budgetLeft("luna"));

test("skip link, palette to a page, g + letter, and the keyboard map", async ({ page }) => {
  await signInAs(page, "luna");
  const luna = (await workspaceOf("luna")).creators.luna!;
  await page.goto(`/c/${luna}`);
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Enter");
  await expect(page.locator("main#main")).toBeFocused();

  await page.keyboard.press("Control+k");
  const palette = page.getByTestId("command-palette");
  await expect(palette).toBeVisible();
  await page.keyboard.type("retention");
  await expect(palette.getByRole("option", { name: /Retention/ }).first()).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/c/${luna}/retention$`));
  await expect(palette).toBeHidden();

  await page.keyboard.press("g");
  await page.keyboard.press("e");
  await expect(page).toHaveURL(new RegExp(`/c/${luna}/earnings`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Earnings");

  await page.keyboard.press("?");
  const sheet = page.getByTestId("shortcuts");
  await expect(sheet).toContainText("Go to Earnings");
  await expect(sheet).toContainText("Go to Chats");
  await screenshots(page, "keyboard-shortcuts");
  await page.keyboard.press("Escape");
  await expect(sheet).toBeHidden();
  // Typing in a field is text, not a shortcut.
  await page.keyboard.press("Control+k");
  await page.keyboard.type("g f");
  await expect(page).toHaveURL(new RegExp(`/c/${luna}/earnings`));
});

test("palette: a fan by handle, straight to their chat", async ({ page }) => {
  await signInAs(page, "luna");
  const luna = (await workspaceOf("luna")).creators.luna!;
  await page.goto(`/c/${luna}/fans`);
  // The roster (our copy of Fanvue's lists) is what the palette searches.
  await expect(page.getByTestId("roster-freshness")).toBeVisible({ timeout: 60_000 });
  const row = page.getByTestId("fans-table").locator("tbody tr").first();
  const handle = (await row.getAttribute("data-testid"))!.replace("fan-row-", "");
  await page.keyboard.press("Control+k");
  await page.keyboard.type(`@${handle}`);
  const palette = page.getByTestId("command-palette");
  const chat = palette.getByRole("option", { name: `Message @${handle}` });
  await expect(chat).toBeVisible({ timeout: 10_000 });
  await screenshots(page, "command-palette");
  // Down from the fan's profile to their chat, then Enter.
  for (let i = 0; i < 5 && (await chat.getAttribute("aria-selected")) !== "true"; i++)
    await page.keyboard.press("ArrowDown");
  await expect(chat).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Enter");
  const res = await page.request.get(
    `/api/creators/${luna}/fans?list=all&size=1&search=${encodeURIComponent(`@${handle}`)}`,
  );
  const uuid = ((await res.json()) as { rows: { uuid: string }[] }).rows[0]!.uuid;
  await expect(page).toHaveURL(new RegExp(`/c/${luna}/chats\\?chat=${uuid}`));
  await expect(page.getByTestId("conversation-header")).toBeVisible({ timeout: 20_000 });
});
