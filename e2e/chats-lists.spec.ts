import { expect, test } from "@playwright/test";
import { signInWhenFanvueAllows } from "./chats-fixtures";
import { withDb } from "./fixtures/db";
import { addFault, budgetLeft, clearFaults } from "./fixtures/sandbox";
import { screenshots } from "./screenshot";

// Lists degrade kind by kind: against a Fanvue that answers 404 for custom
// lists, the mass-message composer still offers the smart lists and says
// plainly that custom lists are unavailable (it used to wait on "Loading
// lists…" for ever).

test.beforeEach(() => budgetLeft("luna"));
test.afterEach(() => clearFaults());

test("composer offers smart lists when Fanvue has no custom lists (404)", async ({ page }) => {
  // Lists are cached for minutes: start from Fanvue, not from an earlier test's copy.
  await withDb((db) => db.query(`DELETE FROM "UpstreamSnapshot" WHERE key LIKE 'chat-lists:%'`));
  await addFault({ path: "/chats/lists/custom", method: "GET", status: 404, body: { message: "Cannot GET /chats/lists/custom" } });
  await signInWhenFanvueAllows(page, "luna");
  await page.waitForURL(/\/c\/[^/?]+/);
  await page.getByRole("link", { name: "Mass messages" }).first().click();
  const include = page.getByTestId("include-lists");
  await expect(include.getByLabel(/^Subscribers/)).toBeVisible();
  await expect(include.getByText("Loading lists…")).toHaveCount(0);
  await expect(include.getByTestId("lists-missing")).toHaveText("Fanvue does not offer custom lists for this account.");
  await expect(page.getByText("Cannot GET")).toHaveCount(0);
  await screenshots(page, "mass-composer-no-custom-lists");
});
