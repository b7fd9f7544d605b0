import { expect, test, type Page } from "./fixtures/test";
import { signInWhenFanvueAllows } from "./chats-fixtures";
import { budgetLeft, clearFaults } from "./fixtures/sandbox";
import { screenshots } from "./screenshot";

// Each test starts with Luna's Fanvue budget to spare, whatever earlier tests spent.
test.beforeEach(() => budgetLeft("luna"));

// Mass messages: a custom list, a campaign to "Subscribers" leaving that
// list out with a 10 % hold-out, the estimate before sending, the campaign
// in the queue until Fanvue has it, then its results; a scheduled one.

test.afterEach(() => clearFaults());

async function openMass(page: Page) {
  await signInWhenFanvueAllows(page, "luna");
  await page.waitForURL(/\/c\/[^/?]+/);
  const creatorId = page.url().match(/\/c\/([^/?]+)/)![1]!;
  await page.getByRole("link", { name: "Mass messages" }).first().click();
  await expect(page.getByRole("heading", { name: "Mass messages" })).toBeVisible();
  return creatorId;
}

test("compose to subscribers, leaving out a custom list, with a 10 % hold-out; it shows in the queue, then as sent", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const creatorId = await openMass(page);

  // A custom list to leave out, made here.
  await page.getByRole("tab", { name: "Lists" }).click();
  const listName = `E2E skip ${Date.now() % 100000}`;
  await page.getByTestId("new-list-name").fill(listName);
  await page.getByTestId("create-list").click();
  await expect(page.locator(`[data-testid="custom-list"][data-name="${listName}"]`)).toBeVisible();

  await page.getByRole("tab", { name: "New mass message" }).click();
  const text = `Weekend set is live 📸 ${Date.now()}`;
  // Bad input first: nothing chosen.
  await page.getByTestId("mass-review").click();
  await expect(page.getByTestId("mass-error")).toContainText("Write a message or attach media");
  await page.getByTestId("mass-text").fill(text);
  await page.getByTestId("mass-review").click();
  await expect(page.getByTestId("mass-error")).toContainText("Choose at least one list");

  await page
    .getByTestId("include-lists")
    .getByLabel(/^Subscribers/)
    .check();
  await page.getByTestId("exclude-toggle").click();
  await page
    .getByTestId("exclude-lists")
    .getByLabel(new RegExp(`^${listName}`))
    .check();
  await page.getByTestId("mass-holdout").selectOption("10");
  await expect(page.getByTestId("estimate-count")).toBeVisible();
  await expect(page.getByTestId("estimate-holdout")).toContainText("kept out as the hold-out group");
  const estimate = Number((await page.getByTestId("estimate-count").textContent())!.replace(/\D/g, ""));
  expect(estimate).toBeGreaterThan(0);
  await screenshots(page, "mass-composer");

  await page.getByTestId("mass-review").click();
  const dialog = page.getByTestId("mass-confirm");
  await expect(dialog).toContainText("Subscribers");
  await expect(dialog).toContainText(listName);
  await expect(dialog).toContainText("10 %");
  await dialog.getByTestId("mass-confirm-send").click();

  // The queue: recorded at once, then sent by the worker.
  await expect(page).toHaveURL(/tab=history/);
  const card = page.getByTestId("campaign").filter({ hasText: text });
  await expect(card).toHaveCount(1);
  await expect(card).toHaveAttribute("data-status", "sent", { timeout: 30_000 });
  const recipients = Number((await card.getByTestId("campaign-recipients").textContent())!.replace(/\D/g, ""));
  expect(recipients).toBeGreaterThan(0);
  expect(recipients).toBeLessThanOrEqual(estimate);
  await expect(card).toContainText("10 % hold-out");
  await screenshots(page, "mass-history");

  // Results: direct purchases from the ledger, and the hold-out comparison once synced.
  await card.getByTestId("campaign-results-button").click();
  const results = page.getByTestId("campaign-results");
  await expect(results.getByTestId("results-recipients")).toHaveText(
    String(recipients).replace(/\B(?=(\d{3})+(?!\d))/g, ","),
  );
  await expect(results.getByTestId("holdout-comparison")).toBeVisible({ timeout: 30_000 });
  await expect(results.getByTestId("holdout-row")).toHaveCount(2);
  const [sentFans, heldFans] = (await results.getByTestId("holdout-fans").allTextContents()).map((t) =>
    Number(t.replace(/\D/g, "")),
  );
  // 10 % of the audience (rounded); the rest was sent it.
  expect(heldFans).toBe(Math.round((sentFans! + heldFans!) * 0.1));
  // "Received" is only what Fanvue reports (it skips fans it cannot message),
  // never the number Vuedeck targeted.
  if (recipients !== sentFans) {
    await expect(results.getByTestId("holdout-delivered")).toContainText(
      `Fanvue delivered it to ${recipients.toLocaleString("en-US")} of the ${sentFans!.toLocaleString("en-US")} fans it was sent to`,
    );
  } else {
    await expect(results.getByTestId("holdout-delivered")).toHaveCount(0);
  }
  await screenshots(page, "mass-results");
  await page.keyboard.press("Escape");

  // Exactly once: the API shows one campaign with this text, and Fanvue one mass message.
  const api = (await (await page.request.get(`/api/creators/${creatorId}/mass-messages`)).json()) as {
    items: { text: string; source: string; status: string }[];
  };
  expect(api.items.filter((i) => i.text === text)).toEqual([
    expect.objectContaining({ source: "vuedeck", status: "sent" }),
  ]);

  // Taken back on Fanvue after a confirmation; its results stay readable.
  page.once("dialog", (d) => void d.accept());
  await card.getByTestId("campaign-unsend").click();
  await expect(card).toHaveAttribute("data-status", "unsent");
  await expect(card.getByTestId("campaign-unsend")).toHaveCount(0);
  await expect(card.getByTestId("campaign-results-button")).toBeVisible();
});

test("a scheduled mass message waits in the queue and can be cancelled", async ({ page }) => {
  test.setTimeout(120_000);
  await openMass(page);
  const text = `See you tomorrow ${Date.now()}`;
  await page.getByTestId("mass-text").fill(text);
  await page
    .getByTestId("include-lists")
    .getByLabel(/^Followers/)
    .check();
  await page.getByTestId("mass-schedule-toggle").check();
  await expect(page.getByTestId("mass-schedule")).toBeVisible();
  await page.getByTestId("mass-review").click();
  await expect(page.getByTestId("mass-confirm")).toContainText("Schedule this mass message?");
  await page.getByTestId("mass-confirm-send").click();
  const card = page.getByTestId("campaign").filter({ hasText: text });
  // Recording it may wait for Luna's rate budget when earlier tests' syncs
  // spent it (up to a window); the send itself is then immediate.
  await expect(card).toHaveAttribute("data-status", "scheduled", { timeout: 75_000 });
  await expect(card).toContainText("Scheduled for");
  page.once("dialog", (d) => void d.accept());
  await card.getByRole("button", { name: "Cancel" }).click();
  await expect(card).toHaveAttribute("data-status", "cancelled");
});
