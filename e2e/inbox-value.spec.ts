import { expect, test, type Page } from "./fixtures/test";
import { signInWhenFanvueAllows } from "./chats-fixtures";
import { budgetLeft, sandboxAdmin } from "./fixtures/sandbox";
import { screenshots } from "./screenshot";

// What a fan is worth where the team chats: lifetime spend, status and last
// purchase on the inbox row (the same figure as the fan panel), "Message"
// from the fan panel on the fans page opens that fan's chat, and a tip in
// the conversation says how much it was.

test.beforeEach(() => budgetLeft("luna"));

async function signIn(page: Page) {
  await signInWhenFanvueAllows(page, "luna");
  await page.waitForURL(/\/c\/[^/?]+/);
  return page.url().match(/\/c\/([^/?]+)/)![1]!;
}

/** The inbox reads a fan's status from our roster: journeys run earlier may have added subscribers
 * since its last sync, so sync it now and wait for a sync that finished after the click. */
async function syncRoster(page: Page, creatorId: string) {
  await page.goto(`/c/${creatorId}/fans`);
  await expect(page.getByTestId("roster-freshness")).toBeVisible({ timeout: 60_000 });
  const clicked = Date.now() - 1_000;
  await page.getByTestId("roster-sync-now").click();
  await expect
    .poll(
      async () => {
        const r = (await (await page.request.get(`/api/creators/${creatorId}/fans/roster`)).json()) as {
          status: string;
          syncedAt: string | null;
        };
        return r.status === "done" && r.syncedAt !== null && Date.parse(r.syncedAt) >= clicked;
      },
      { timeout: 60_000 },
    )
    .toBe(true);
}

/** Opens the first subscriber's panel on the fans page: their uuid and the panel's lifetime spend. */
async function openFirstSubscriber(page: Page, creatorId: string) {
  await syncRoster(page, creatorId);
  await page.goto(`/c/${creatorId}/fans`);
  const first = page.locator('[data-testid^="fan-row-"]').first();
  await expect(first).toBeVisible({ timeout: 30_000 });
  await first.click();
  const panel = page.getByTestId("fan-panel");
  await expect(panel.getByTestId("fan-lifetime")).toBeVisible();
  const fanUuid = new URL(page.url()).searchParams.get("fan")!;
  expect(fanUuid).toMatch(/^[0-9a-f-]{36}$/i);
  return { fanUuid, spend: (await panel.getByTestId("fan-lifetime").textContent())!.trim(), panel };
}

test("a fan's value on their inbox row, Message from the fan panel, a tip's amount", async ({ page }) => {
  test.setTimeout(120_000);
  const creatorId = await signIn(page);
  const { fanUuid, spend, panel } = await openFirstSubscriber(page, creatorId);
  // The fan writes, so their chat is at the top of the inbox.
  await sandboxAdmin("/simulate/message", { creator: "luna", fan: fanUuid, text: `Hi there ${Date.now()}` });
  await expect(panel.getByTestId("fan-message")).toBeVisible();
  await screenshots(page, "fan-panel-message");

  await panel.getByTestId("fan-message").click();
  await page.waitForURL(new RegExp(`/c/${creatorId}/chats\\?chat=${fanUuid}`));
  await expect(page.getByRole("region", { name: /^Conversation with / })).toBeVisible();

  const row = page.locator(`[data-testid="chat-row"][data-fan="${fanUuid}"]`);
  const value = row.getByTestId("fan-value");
  await expect(value).toBeVisible();
  // The same figure as the fan panel, from one query for the page.
  await expect(value.getByTestId("fan-spend")).toContainText(spend);
  await expect(value.getByTestId("fan-status")).toHaveText(/^(Subscriber|Trial)$/);

  // A tip arrives: the conversation says how much.
  await sandboxAdmin("/simulate/tip", { creator: "luna", fan: fanUuid, amount: 2_500 });
  const tip = page
    .getByTestId("message")
    .filter({ has: page.getByTestId("tip-amount") })
    .last();
  await expect(tip.getByTestId("tip-amount")).toHaveText("Tipped $25.00", { timeout: 30_000 });
  await screenshots(page, "inbox-fan-value");
  await expectCompactRows(page, creatorId);
  await expect(page.getByTestId("live-status")).not.toHaveAttribute("data-status", "reauth");
});

/** On a phone the value is one short line: rows stay compact. */
async function expectCompactRows(page: Page, creatorId: string) {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/c/${creatorId}/chats`);
  const rows = page.getByTestId("chat-row");
  await expect(rows.first().getByTestId("fan-value")).toBeVisible();
  const heights = await rows.evaluateAll((els) => els.slice(0, 8).map((e) => e.getBoundingClientRect().height));
  expect(heights.length).toBeGreaterThan(0);
  for (const h of heights) expect(h).toBeLessThan(110);
}
