import { expect, test, type Locator, type Page } from "./fixtures/test";
import { addDays, localDate } from "../lib/utils/date-range";
import { fromLocalInputs } from "../lib/utils/post-time";
import { signInWhenFanvueAllows } from "./chats-fixtures";
import { sandboxPosts, TZ } from "./fixtures/posts";
import { budgetLeft, clearFaults, sandboxAdmin } from "./fixtures/sandbox";
import { expectTapTargets, screenshots } from "./screenshot";

// One hand on a phone (390 × 844, touch): the tab bar, a conversation with its one header and the
// composer at the thumb, the flows people do between shoots counted in taps, and every target at
// least 44 px on the main pages.

test.beforeEach(() => budgetLeft("luna"));
test.afterEach(() => clearFaults());

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

/** Every tap of a counted flow goes through here (typing is not a tap; focusing a field is). */
function tapCounter() {
  let count = 0;
  return {
    tap: async (target: Locator) => {
      await target.tap();
      count += 1;
    },
    get count() {
      return count;
    },
  };
}

/** A fan just wrote: the chat is unread. */
const fanWrites = (text: string, fan?: string) =>
  sandboxAdmin<{ fanUuid: string }>("/simulate/message", { creator: "luna", text, ...(fan ? { fan } : {}) });

async function signIn(page: Page) {
  await signInWhenFanvueAllows(page, "luna");
  await page.waitForURL(/\/c\/[^/?]+$/);
  return page.url().match(/\/c\/([^/?]+)/)![1]!;
}

const chatRow = (page: Page, fanUuid: string) => page.locator(`[data-testid="chat-row"][data-fan="${fanUuid}"]`);

/** Attaches the first ready vault item through the picker (three taps). */
async function attachFirstReady(page: Page, tap: (l: Locator) => Promise<void>) {
  await tap(page.getByTestId("attach-media"));
  const picker = page.getByTestId("vault-picker");
  const tile = picker.locator('[data-testid="vault-tile"][data-status="ready"]').first();
  await expect(tile).toBeVisible({ timeout: 20_000 });
  await tap(tile.getByTestId("tile-select"));
  await tap(picker.getByTestId("picker-confirm"));
  await expect(page.getByTestId("attachment")).toHaveCount(1);
}

/** The creator's first PPV from this phone, priced by typing: it becomes their usual price. */
async function firstPpvAtTen(page: Page, fanUuid: string) {
  await page.getByTestId("tab-chats").tap();
  await chatRow(page, fanUuid).tap();
  await attachFirstReady(page, (l) => l.tap());
  await expect(page.getByTestId("price-preset")).toHaveCount(3);
  await page.getByTestId("composer-price").fill("10");
  await page.getByTestId("send-button").tap();
  await expect(page.getByTestId("message").last().getByTestId("ppv-badge")).toContainText("$10.00");
}

/** On a phone the conversation has one header, no tab bar, and Send at the bottom right. */
async function expectConversationAtTheThumb(page: Page) {
  await expect(page.getByTestId("conversation-header")).toBeVisible();
  await expect(page.getByTestId("open-palette")).toBeHidden();
  await expect(page.getByTestId("bottom-tabs")).toBeHidden();
  const send = (await page.getByTestId("send-button").boundingBox())!;
  const text = (await page.getByTestId("composer-text").boundingBox())!;
  expect(send.x + send.width).toBeGreaterThan(390 - 24);
  expect(send.y + send.height).toBeGreaterThan(844 - 24);
  // One row: the text beside Send, not above it.
  expect(Math.abs(text.y + text.height - (send.y + send.height))).toBeLessThan(4);
}

test.describe("on a phone", () => {
  test.use({ ...PHONE, timezoneId: TZ, locale: "en-GB" });

  test("answers an unread chat with a PPV in six taps from the overview", async ({ page }) => {
    test.setTimeout(120_000);
    const { fanUuid } = await fanWrites(`Are you online? (phone e2e ${Date.now()})`);
    const creatorId = await signIn(page);
    await firstPpvAtTen(page, fanUuid);

    // The fan writes again; the creator is back on the overview.
    await page.goto(`/c/${creatorId}`);
    const again = `Got it! One more? ${Date.now()}`;
    await fanWrites(again, fanUuid);
    await expect(page.getByTestId("tab-unread")).toBeVisible({ timeout: 20_000 });
    const { tap, ...taps } = tapCounter();
    await tap(page.getByTestId("tab-chats"));
    await expect(chatRow(page, fanUuid)).toHaveAttribute("data-unread", "true", { timeout: 20_000 });
    await tap(chatRow(page, fanUuid));
    await expect(page.getByTestId("messages")).toContainText(again);
    await expectConversationAtTheThumb(page);
    await attachFirstReady(page, tap);
    // Their usual price is already set; "Free" is one tap away.
    await expect(page.getByTestId("send-button")).toHaveText(/Send for \$10\.00/);
    await tap(page.getByTestId("send-button"));
    await expect(page.getByTestId("message").last().getByTestId("ppv-badge")).toContainText("$10.00");
    expect(taps.count).toBeLessThanOrEqual(6);
    await page.screenshot({ path: "test-results/screenshots/phone-ppv-sent.png" });
  });

  test("schedules a post for tomorrow 09:00 in at most eight taps", async ({ page }) => {
    test.setTimeout(90_000);
    await signIn(page);
    const { tap, ...taps } = tapCounter();
    await tap(page.getByTestId("tab-posts"));
    await tap(page.getByTestId("new-post"));
    await expect(page.getByRole("heading", { name: "New post" })).toBeVisible();
    // The tab bar steps aside for the composer's own bar.
    await expect(page.getByTestId("bottom-tabs")).toBeHidden();
    const text = `Tomorrow morning ☕ ${Date.now()}`;
    await tap(page.getByTestId("composer-text"));
    await page.getByTestId("composer-text").fill(text);
    await tap(page.getByTestId("quick-time-09:00"));
    await expect(page.getByTestId("publishAt-time")).toHaveValue("09:00");
    await tap(page.getByTestId("publish-button"));
    await page.waitForURL(/\/posts\?done=.*action=scheduled/);
    expect(taps.count).toBeLessThanOrEqual(8);

    const tomorrow = addDays(localDate(Date.now(), TZ), 1);
    const post = (await sandboxPosts()).find((p) => p.text === text);
    expect(post?.publishAt).toBe(fromLocalInputs(tomorrow, "09:00", TZ));
    await expectWeekListed(page, tomorrow, text);
  });
});

/** Checks the page's targets (every page's offenders listed before the test fails) and keeps a
 * screenshot of its first screen. */
async function checkPage(page: Page, name: string) {
  await expectTapTargets(page, name, { soft: true });
  await page.screenshot({ path: `test-results/screenshots/phone-${name}.png` });
}

test.describe("on a phone, every target", () => {
  test.use({ ...PHONE, timezoneId: TZ, locale: "en-GB" });

  test("is at least 44 × 44 px on overview, chats, a conversation, fans, posts and the vault", async ({ page }) => {
    test.setTimeout(120_000);
    await signIn(page);
    await expect(page.getByTestId("overview-display-name")).toBeVisible();
    await checkPage(page, "overview");
    await page.getByTestId("tab-chats").tap();
    await expect(page.getByTestId("chat-row").first()).toBeVisible();
    await checkPage(page, "chats");
    await page.getByTestId("chat-row").first().tap();
    await expect(page.getByTestId("composer")).toBeVisible();
    await expect(page.getByTestId("messages").getByTestId("message").first()).toBeVisible();
    await checkPage(page, "conversation");
    await page.getByRole("button", { name: "Back to chats" }).tap();
    await page.getByTestId("tab-fans").tap();
    await expect(page.getByRole("heading", { name: "Fans", exact: true })).toBeVisible();
    await checkPage(page, "fans");
    await page.getByTestId("tab-posts").tap();
    await expect(page.getByRole("heading", { name: "Posts", exact: true })).toBeVisible();
    await checkPage(page, "posts");
    await checkVaultAndMore(page);
  });
});

/** "More" lists the rest of the menu; the vault's first screen is media, its filters behind one button. */
async function checkVaultAndMore(page: Page) {
  await page.getByTestId("tab-more").tap();
  const more = page.getByTestId("more-sheet");
  await expect(more.getByRole("group", { name: "Content" })).toBeVisible();
  await expect(more.getByTestId("more-settings")).toBeVisible();
  await checkPage(page, "more");
  await more.getByRole("link", { name: "Vault" }).tap();
  const firstTile = page.getByTestId("vault-tile").first();
  await expect(firstTile).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId("type-filter")).toBeHidden();
  const tile = (await firstTile.boundingBox())!;
  expect(tile.y + tile.height).toBeLessThan(844 - 56);
  await checkPage(page, "vault");
  await page.getByTestId("vault-filters-button").tap();
  const sheet = page.getByTestId("vault-filters-sheet");
  await sheet.getByTestId("sheet-type-filter").getByRole("radio", { name: "Videos" }).tap();
  await expect(page).toHaveURL(/type=video/);
  await checkPage(page, "vault-filters");
  await sheet.getByTestId("vault-filters-done").tap();
  await expect(page.getByTestId("vault-filters-button")).toContainText("1");
}

/** The week on a phone: a list of days, the post under tomorrow (no sideways scrolling). */
async function expectWeekListed(page: Page, tomorrow: string, text: string) {
  await page.getByTestId("queue-view").getByRole("radio", { name: "Week" }).tap();
  // Weeks start on Monday: a post for a Monday is in the next one.
  if (new Date(`${tomorrow}T12:00:00Z`).getUTCDay() === 1) await page.getByTestId("next-week").tap();
  const day = page.getByTestId("week-day-list").locator(`[data-day="${tomorrow}"]`);
  await expect(day).toContainText(text.slice(0, 20));
  await expect(day).toContainText("09:00");
  await expect(page.getByTestId("week-calendar").locator(".grid")).toBeHidden();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
}

test("desktop keeps its sidebar, now in labelled groups; screenshots at 1280 and 390 px", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page);
  const nav = page.getByRole("navigation", { name: "Main" });
  for (const group of ["Money", "Audience", "Messaging", "Content"])
    await expect(nav.getByRole("group", { name: group })).toBeVisible();
  await expect(nav.getByRole("group", { name: "Messaging" }).getByRole("link")).toHaveText([
    "Chats",
    "Mass messages",
    "Automations",
  ]);
  await expect(page.getByTestId("bottom-tabs")).toBeHidden();
  await expect(page.getByTestId("overview-display-name")).toBeVisible();
  await screenshots(page, "phone-layout-overview");
  await nav.getByRole("link", { name: "Chats" }).click();
  await page.getByTestId("chat-row").first().click();
  await expect(page.getByTestId("composer")).toBeVisible();
  await screenshots(page, "phone-layout-conversation");
  await nav.getByRole("link", { name: "Posts & queue" }).click();
  await page.getByTestId("queue-view").getByRole("radio", { name: "Week" }).click();
  await screenshots(page, "phone-layout-posts-week");
  await nav.getByRole("link", { name: "Vault" }).click();
  await expect(page.getByTestId("vault-tile").first()).toBeVisible({ timeout: 20_000 });
  await screenshots(page, "phone-layout-vault");
});
