import { expect, test } from "./fixtures/test";
import { signInWhenFanvueAllows } from "./chats-fixtures";
import { withDb } from "./fixtures/db";
import { addFault, budgetLeft, clearFaults } from "./fixtures/sandbox";
import { screenshots } from "./screenshot";

// Lists degrade kind by kind: against a Fanvue that answers 404 for custom
// lists, the mass-message composer still offers the smart lists and says
// plainly that custom lists are unavailable (it used to wait on "Loading
// lists…" for ever).

/** Lists are cached for minutes, "not offered" answers too: each test starts
 * from Fanvue and leaves no such answer behind for the tests after it. */
const forgetLists = () => withDb((db) => db.query(`DELETE FROM "UpstreamSnapshot" WHERE key LIKE 'chat-lists:%'`));

test.beforeEach(async () => {
  await budgetLeft("luna");
  await forgetLists();
});
test.afterEach(async () => {
  await clearFaults();
  await forgetLists();
});

test("composer offers smart lists when Fanvue has no custom lists (404)", async ({ page }) => {
  await addFault({
    path: "/chats/lists/custom",
    method: "GET",
    status: 404,
    body: { message: "Cannot GET /chats/lists/custom" },
  });
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
