import { expect, test, type Locator, type Page } from "./fixtures/test";
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
  // Actions, not only places: the theme from the palette, applied at once and saved to the account.
  await page.keyboard.press("Control+k");
  await page.keyboard.type("dark theme");
  await expect(palette.getByTestId("palette-theme-dark")).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Enter");
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  await expect
    .poll(
      async () => ((await (await page.request.get("/api/me/preferences")).json()) as { theme: string | null }).theme,
    )
    .toBe("dark");
  await page.keyboard.press("Control+k");
  await page.keyboard.type("theme from this device");
  await page.keyboard.press("Enter");
  await expect(page.locator("html")).not.toHaveClass(/\bdark\b/);
  // Typing in a field is text, not a shortcut.
  await page.keyboard.press("Control+k");
  await page.keyboard.type("g f");
  await expect(page).toHaveURL(new RegExp(`/c/${luna}/earnings`));
});

test("palette: a fan by handle, straight to their chat, attach from the vault and send", async ({ page }) => {
  // The roster's first sync, then a whole send: longer than the default minute on a busy machine.
  test.setTimeout(150_000);
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
  await attachAndSendByKeyboard(page);
});

/** The attach button and the text are a key or two apart, whichever side the layout puts them:
 * Tab once, else Shift+Tab up to twice from where focus started. */
async function reachByTab(page: Page, target: Locator) {
  for (const key of ["Tab", "Shift+Tab", "Shift+Tab", "Shift+Tab"]) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(key);
  }
  await expect(target).toBeFocused();
}

/** In the open chat, without the mouse: r to write, Tab to "Vault", the picker's search, ↓ into the
 * media, Space to select, Ctrl+Enter to attach, back to the text and Ctrl+Enter to send. */
async function attachAndSendByKeyboard(page: Page) {
  await page.keyboard.press("r");
  const text = page.getByTestId("composer-text");
  await expect(text).toBeFocused();
  const note = `By keyboard only ${Date.now()}`;
  await page.keyboard.type(note);
  const attach = page.getByTestId("attach-media");
  await reachByTab(page, attach);
  await page.keyboard.press("Enter");
  const picker = page.getByTestId("vault-picker");
  await expect(picker.getByTestId("vault-search")).toBeFocused();
  const first = picker.locator('[data-testid="vault-tile"][data-status="ready"]').first();
  await expect(first).toBeVisible({ timeout: 20_000 });
  await page.keyboard.press("ArrowDown");
  const buttons = picker.locator("[data-tile-button]");
  await expect(buttons.first()).toBeFocused();
  // One Tab stop for the grid: the arrows move within it.
  await page.keyboard.press("ArrowRight");
  await expect(buttons.nth(1)).toBeFocused();
  await page.keyboard.press("ArrowLeft");
  await expect(buttons.first()).toBeFocused();
  // Media still processing cannot be sent: right to the first ready tile.
  const focusedStatus = () =>
    page.evaluate(() => document.activeElement?.closest("[data-status]")?.getAttribute("data-status"));
  for (let i = 0; i < 12 && (await focusedStatus()) !== "ready"; i++) await page.keyboard.press("ArrowRight");
  expect(await focusedStatus()).toBe("ready");
  await page.keyboard.press("Space");
  await expect(picker.getByRole("status").filter({ hasText: "selected" })).toHaveText(/^1 selected/);
  await expect(picker.locator("[data-tile-button]:focus")).toHaveAttribute("aria-pressed", "true");
  await screenshots(page, "vault-picker-keyboard");
  await page.keyboard.press("Control+Enter");
  await expect(picker).toBeHidden();
  await expect(page.getByTestId("attachment")).toHaveCount(1);
  // Focus went back to "Vault" when the picker closed; the text is a key or two away.
  await expect(attach).toBeFocused();
  await reachByTab(page, text);
  await expect(text).toHaveValue(note);
  await page.keyboard.press("Control+Enter");
  const sent = page.getByTestId("message").filter({ hasText: note });
  await expect(sent).toHaveCount(1, { timeout: 20_000 });
  await expect(sent.getByTestId("message-media")).toBeVisible({ timeout: 20_000 });
}

test("the account and creator menus, whose code loads on first use, open from a key or click pressed before it arrived", async ({
  page,
}) => {
  await signInAs(page, "luna");
  const luna = (await workspaceOf("luna")).creators.luna!;
  await page.goto(`/c/${luna}`);
  await expect(page.getByTestId("overview-display-name")).toBeVisible();
  // Hold every script asked for from now on (the menus' chunks) until the key is pressed.
  let release = () => {};
  const held = new Promise<void>((r) => (release = r));
  await page.route("**/_next/static/chunks/**", async (route) => {
    await held;
    await route.continue();
  });
  const switcher = page.getByTestId("creator-switcher").first();
  await switcher.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("menu")).toHaveCount(0);
  release();
  const menu = page.getByRole("menu");
  await expect(menu).toBeVisible();
  await expect(menu.getByTestId("switch-to-luna")).toBeVisible();
  // Focus is in the menu (arrows move it), and Escape hands it back to the switcher.
  await expect(switcher).not.toBeFocused();
  await page.keyboard.press("Escape");
  await expect(menu).toHaveCount(0);
  await expect(switcher).toBeFocused();
  // The account menu: a click before its code is in opens it too.
  await page.unroute("**/_next/static/chunks/**");
  let releaseAccount = () => {};
  const heldAccount = new Promise<void>((r) => (releaseAccount = r));
  await page.route("**/_next/static/chunks/**", async (route) => {
    await heldAccount;
    await route.continue();
  });
  await page.getByTestId("user-menu").click();
  releaseAccount();
  await expect(page.getByTestId("sign-out")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("user-menu")).toBeFocused();
});
