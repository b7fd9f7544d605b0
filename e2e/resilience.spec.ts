import { expect, test } from "./fixtures/test";
import { signInAs } from "./fixtures/auth";
import { ageSnapshots } from "./fixtures/db";
import { addFault, clearFaults } from "./fixtures/sandbox";

test.afterEach(() => clearFaults());

test("when Fanvue fails, the last figures stay on screen with their age, and Retry recovers", async ({ page }) => {
  await signInAs(page, "luna");
  await expect(page.getByTestId("overview-display-name")).toHaveText("Luna Vale");
  const subscribers = await page.getByTestId("stat-subscribers").textContent();
  expect(Number(subscribers!.replace(/,/g, ""))).toBeGreaterThan(0);
  await addFault({ path: "/users/me", status: 503 });
  await ageSnapshots();
  await page.reload();
  await expect(page.getByTestId("stale-notice")).toContainText("Could not refresh from Fanvue");
  await expect(page.getByTestId("stale-notice")).toContainText("Showing data from 1 h");
  await expect(page.getByTestId("stat-subscribers")).toHaveText(subscribers!);
  await clearFaults();
  await ageSnapshots();
  await page.getByTestId("stale-notice").getByRole("button", { name: "Retry" }).click();
  await expect(page.getByTestId("stale-notice")).toHaveCount(0);
});

test("without any earlier answer, an outage says so with a retry instead of a blank", async ({ page }) => {
  await addFault({ path: "/users/me", status: 503 });
  await signInAs(page, "kai").catch(() => undefined);
  // Sign-in itself needs /users/me: it lands on the sign-in page with a message.
  await expect(page.getByTestId("sign-in-error")).toBeVisible();
});
