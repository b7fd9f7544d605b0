import { expect, test, type Page } from "./fixtures/test";
import { signInAs } from "./fixtures/auth";
import { screenshots } from "./screenshot";

async function openSwitcher(page: Page) {
  await page.getByTestId("creator-switcher").first().click();
  return page.getByRole("menu");
}

test("an agency admin sees its creators, switches between them, and a chatter it invites sees only their creator", async ({
  page,
  browser,
}) => {
  await signInAs(page, "atlas");
  // "All creators": one row per managed creator.
  await page.getByRole("link", { name: "All creators" }).first().click();
  await expect(page.getByRole("heading", { name: "All creators" })).toBeVisible();
  for (const handle of ["mia", "nova", "ivy"]) await expect(page.getByTestId(`creator-row-${handle}`)).toBeVisible();
  await expect(page.getByTestId("creators-table")).toContainText("Last 30 days");
  await screenshots(page, "all-creators");

  // Switch by mouse…
  let menu = await openSwitcher(page);
  await screenshots(page, "switcher-open");
  await menu.getByTestId("switch-to-nova").click();
  await expect(page.getByTestId("overview-display-name")).toHaveText("Nova Lane");
  await expect(page.getByTestId("current-creator").first()).toHaveText("Nova Lane");
  // …and by keyboard: focus, open, type-ahead, Enter.
  await page.getByTestId("creator-switcher").first().focus();
  await page.keyboard.press("Enter");
  menu = page.getByRole("menu");
  await expect(menu).toBeVisible();
  await page.keyboard.type("Ivy");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("overview-display-name")).toHaveText("Ivy Hart");
  // Home is the agency's All creators, which offers the creator last opened.
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "All creators" })).toBeVisible();
  await page.getByTestId("continue-creator").click();
  await expect(page.getByTestId("overview-display-name")).toHaveText("Ivy Hart");

  // Invite a chatter for Mia only.
  await page.getByRole("link", { name: "Team", exact: true }).first().click();
  await expect(page.getByTestId("members")).toContainText("Atlas Talent");
  const form = page.getByTestId("invite-form");
  await form.getByLabel("Role").selectOption("chatter");
  await form.getByLabel("Only these creators").check();
  await form.getByLabel("Mia Rose (@mia)").check();
  await form.getByRole("button", { name: "Create invite link" }).click();
  const link = await page.getByTestId("invite-link").inputValue();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{40,}$/);
  await expect(page.getByTestId("invites")).toContainText("pending");
  await screenshots(page, "team");

  // The chatter opens the link in their own browser and signs in with their own Fanvue account.
  const staff = await browser.newContext();
  const chatter = await staff.newPage();
  await chatter.goto(new URL(link).pathname);
  await expect(chatter.getByTestId("invite-card")).toContainText("Chatter");
  await expect(chatter.getByTestId("invite-card")).toContainText("Mia Rose");
  await chatter.getByTestId("invite-sign-in").click();
  await chatter.waitForURL(/\/oauth2\/auth/);
  await chatter.getByRole("radio", { name: "Felix Moreau (@felix)" }).check();
  await chatter.getByRole("button", { name: "Allow" }).click();
  await chatter.getByTestId("accept-invite").click();
  await expect(chatter.getByTestId("overview-display-name")).toHaveText("Mia Rose");
  // Only Mia, and no earnings anywhere.
  const chatterMenu = await openSwitcher(chatter);
  await expect(chatterMenu.getByRole("menuitem")).toHaveCount(2); // "All creators" + Mia
  await expect(chatterMenu.getByTestId("switch-to-mia")).toBeVisible();
  await expect(chatterMenu.getByTestId("switch-to-nova")).toHaveCount(0);
  await chatter.keyboard.press("Escape");
  await expect(chatter.getByRole("link", { name: "Earnings" })).toHaveCount(0);
  await expect(chatter.getByTestId("overview-display-name")).toBeVisible();
  await expect(chatter.getByTestId("overview-earnings")).toHaveCount(0);
  await expect(chatter.getByRole("link", { name: "Team", exact: true })).toHaveCount(0);
  await chatter.getByRole("link", { name: "All creators" }).first().click();
  await expect(chatter.getByTestId("creator-row-mia")).toBeVisible();
  await expect(chatter.getByTestId("creator-row-nova")).toHaveCount(0);
  await expect(chatter.getByTestId("creators-table")).not.toContainText("Last 30 days");
  // A creator outside their scope is not found, as if it did not exist.
  const novaUrl = await page.evaluate(async () => {
    const me = await (await fetch("/api/me")).json();
    return `/c/${me.creators.find((c: { handle: string }) => c.handle === "nova").id}`;
  });
  const res = await chatter.goto(novaUrl);
  expect(res?.status()).toBe(404);
  // The invite was single-use.
  const again = await chatter.request.post(`/api/invites/${new URL(link).pathname.split("/").pop()}/accept`, {
    headers: { Origin: new URL(chatter.url()).origin },
  });
  expect(again.status()).toBe(404);

  // The owner sees what the chatter did in the Activity log.
  await page.getByRole("link", { name: "Activity" }).first().click();
  await expect(page.getByTestId("activity")).toContainText("Felix Moreau joined through an invite");
  await expect(page.getByTestId("activity")).toContainText("Atlas Talent created an invite link");
  await page.getByLabel("Member").selectOption({ label: "Felix Moreau" });
  await expect(page.getByTestId("activity")).not.toContainText("Atlas Talent");
  await screenshots(page, "activity");
  await staff.close();
});
