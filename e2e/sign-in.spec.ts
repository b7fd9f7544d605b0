import { expect, test } from "./fixtures/test";
import { signInAs } from "./fixtures/auth";
import { addFault, clearFaults } from "./fixtures/sandbox";
import { screenshots } from "./screenshot";

test.afterEach(() => clearFaults());

test("a creator signs in with Fanvue, stays signed in across a reload, and signs out", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
  await screenshots(page, "sign-in");

  await page.getByTestId("sign-in-fanvue").click();
  await page.waitForURL(/\/oauth2\/auth/);
  await page.getByRole("radio", { name: "Luna Vale (@luna)" }).check();
  await page.getByRole("button", { name: "Allow" }).click();

  // Home opens the creator's own workspace.
  await expect(page).toHaveURL(/\/c\/[a-z0-9]+$/);
  await expect(page.getByTestId("account-name")).toHaveText("Luna Vale");
  await expect(page.getByTestId("sandbox-badge")).toBeVisible();
  await expect(page.getByTestId("overview-display-name")).toHaveText("Luna Vale");
  await expect(page.getByText("@luna").first()).toBeVisible();
  await screenshots(page, "overview");

  await page.reload();
  await expect(page.getByTestId("account-name")).toHaveText("Luna Vale");

  await page.getByTestId("user-menu").click();
  await page.getByTestId("sign-out").click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("a signed-out visitor comes back to the page asked for", async ({ page, context }) => {
  await signInAs(page, "atlas");
  const deepLink = new URL(page.url()).pathname + "?tab=bookmark";
  await context.clearCookies();
  await page.goto(deepLink);
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  await page.getByTestId("sign-in-fanvue").click();
  await page.getByRole("radio", { name: "Atlas Talent (@atlas)" }).check();
  await page.getByRole("button", { name: "Allow" }).click();
  await expect(page).toHaveURL(new RegExp(`${deepLink.replace("?", "\\?")}$`));
  await expect(page.getByTestId("account-name")).toHaveText("Atlas Talent");
});

test("signing in again replaces the stored tokens", async ({ page, context }) => {
  await signInAs(page, "mia");
  await expect(page.getByTestId("overview-display-name")).toHaveText("Mia Rose");
  await context.clearCookies();
  await signInAs(page, "mia");
  // The second sign-in's tokens work (a stale first token would fail here).
  await page.reload();
  await expect(page.getByTestId("overview-display-name")).toHaveText("Mia Rose");
});

test("denying consent shows a clear message and a retry", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByTestId("sign-in-fanvue").click();
  await page.getByRole("button", { name: "Deny" }).click();
  await expect(page).toHaveURL(/\/sign-in\?error=AccessDenied/);
  await expect(page.getByTestId("sign-in-error")).toContainText("You declined access on Fanvue");
  await expect(page.getByTestId("sign-in-fanvue")).toHaveText("Try again with Fanvue");
});

test("a failing token exchange lands on the sign-in page with an explanation", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByTestId("sign-in-fanvue").click();
  await addFault({ path: "/oauth2/token", status: 500, times: 1 });
  await page.getByRole("button", { name: "Allow" }).click();
  await expect(page).toHaveURL(/\/sign-in\?error=/);
  await expect(page.getByTestId("sign-in-error")).toContainText("Sign-in could not be completed");
});

test("Fanvue being down is said on the sign-in page, not shown as a browser error", async ({ page }) => {
  await addFault({ path: "/.well-known/openid-configuration", drop: "before" });
  await page.goto("/sign-in");
  await expect(page.getByTestId("sign-in-error")).toContainText("Fanvue could not be reached");
  await clearFaults();
  await page.getByTestId("sign-in-fanvue").click();
  await page.waitForURL(/\/oauth2\/auth/);
});
