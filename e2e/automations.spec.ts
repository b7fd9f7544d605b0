import { expect, test, type Page } from "./fixtures/test";
import { signInWhenFanvueAllows } from "./chats-fixtures";
import { workspaceOf } from "./fixtures/db";
import { budgetLeft, sandboxAdmin } from "./fixtures/sandbox";
import { screenshots } from "./screenshot";

// A welcome automation with a PPV, as a creator builds it: a bad price is
// refused inline, a subscribe (a signed webhook from the sandbox) puts the
// message in the fan's conversation and "Sent" in the automation's log;
// paused, the next subscribe is logged as skipped and nothing is sent.

test.beforeEach(() => budgetLeft("luna"));

async function createWelcome(page: Page, name: string, text: string) {
  await page.getByTestId("automation-new").click();
  const form = page.getByTestId("automation-form");
  await form.getByTestId("automation-name").fill(name);
  await form.getByTestId("automation-text").fill(text);
  await form.getByTestId("automation-attach").click();
  const picker = page.getByTestId("vault-picker");
  await picker.locator('[data-testid="vault-tile"][data-status="ready"]').first().getByTestId("tile-select").click();
  await picker.getByTestId("picker-confirm").click();
  await form.getByTestId("automation-price").fill("2");
  // Every subscribe in this test should get it: no skipping for chats the sandbox's fans already have.
  await form.getByTestId("automation-skip-written").fill("0");
  await form.getByText("Skip fans whose own message is waiting for an answer").click();
  await form.getByTestId("automation-save").click();
  await expect(form.getByRole("alert").first()).toContainText("$3.00");
  await form.getByTestId("automation-price").fill("5");
  await screenshots(page, "automation-form");
  await form.getByTestId("automation-save").click();
  await expect(form).toBeHidden();
  const card = page.getByTestId(`automation-${name}`);
  await expect(card.getByTestId("automation-status")).toHaveText("Active");
  return card;
}

test("a welcome PPV goes to a new subscriber once; paused, the next subscribe is skipped", async ({ page }) => {
  await signInWhenFanvueAllows(page, "luna");
  const ws = await workspaceOf("luna");
  const luna = ws.creators.luna!;
  await page.goto(`/c/${luna}`);
  await page.getByRole("link", { name: "Automations", exact: true }).first().click();
  const name = `Welcome ${Date.now()}`;
  const text = `Welcome {name}! A gift for you · ${name}`;
  const card = await createWelcome(page, name, text);
  // Its audience before anything is sent: the week's subscribes it would have fired for.
  await card.getByTestId("automation-preview-open").click();
  await expect(page.getByTestId("preview-count")).toContainText("In the last 7 days it would have fired for");
  await screenshots(page, "automation-preview");
  await page.keyboard.press("Escape");

  const { fanUuid } = await sandboxAdmin<{ fanUuid: string }>("/simulate/subscribe", { creator: "luna" });
  await card.getByTestId("automation-log-open").click();
  const log = page.getByTestId("automation-log");
  await expect(log.getByTestId("automation-run").first()).toContainText("Sent", { timeout: 45_000 });
  await screenshots(page, "automation-log");
  await page.keyboard.press("Escape");
  await expect(card.getByTestId("automation-stats")).toContainText("1", { timeout: 20_000 });
  await screenshots(page, "automations");

  // In the fan's conversation: the PPV, once.
  await page.goto(`/c/${luna}/chats?chat=${fanUuid}`);
  const sent = page.getByTestId("message").filter({ hasText: `A gift for you · ${name}` });
  await expect(sent).toHaveCount(1);
  await expect(sent.getByTestId("ppv-badge")).toContainText("$5.00");

  // Paused: the next subscriber is logged as skipped, and gets nothing.
  await page.goto(`/c/${luna}/automations`);
  await page.getByTestId(`automation-${name}`).getByTestId("automation-toggle").click();
  await expect(page.getByTestId(`automation-${name}`).getByTestId("automation-status")).toHaveText("Paused");
  await sandboxAdmin("/simulate/subscribe", { creator: "luna" });
  await page.getByTestId(`automation-${name}`).getByTestId("automation-log-open").click();
  const first = page.getByTestId("automation-log").getByTestId("automation-run").first();
  await expect(first).toContainText("Skipped", { timeout: 30_000 });
  await expect(first).toContainText("paused");
});
