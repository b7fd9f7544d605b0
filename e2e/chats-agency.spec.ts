import { expect, test, type Page } from "./fixtures/test";
import { signInWhenFanvueAllows } from "./chats-fixtures";
import { withDb, workspaceOf } from "./fixtures/db";
import { addFault, budgetLeft, clearFaults, sandboxAdmin } from "./fixtures/sandbox";
import { screenshots } from "./screenshot";

// An agency's inbox for a managed creator (@mia, signed in as @atlas):
// Fanvue's GET /creators/{c}/chats takes page and size only, so unread, not
// answered, list filters and search run on Vuedeck's copy, which says how
// fresh it is, and no request to Fanvue carries a filter.

test.afterEach(() => clearFaults());

const rows = (page: Page) => page.getByTestId("chat-row");
const filter = (page: Page, name: string) => page.getByTestId("chat-filters").getByRole("radio", { name, exact: true });

async function settled(page: Page) {
  await expect(page.getByTestId("chat-list")).toHaveAttribute("aria-busy", "false");
}

test("agency inbox on the mirror: unread, not answered, a smart list and search, each saying how fresh", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await budgetLeft("atlas");
  await signInWhenFanvueAllows(page, "atlas");
  const agency = await workspaceOf("atlas");
  const { fanUuid } = await sandboxAdmin<{ fanUuid: string }>("/simulate/message", {
    creator: "mia",
    text: "Still there? (agency e2e)",
  });
  await page.goto(`/c/${agency.creators.mia}/chats`);
  // The first copy runs in the background; rows arrive without a reload. The page's HTML already
  // carries the list as it is (here the fan's new message, from its webhook), so the copy may still
  // be running when the first row shows: it finishes without a reload too.
  await expect(rows(page).first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("chats-synced")).toContainText(/Chats synced (just now|\d+ min ago)/, {
    timeout: 30_000,
  });
  await expect(filter(page, "Online")).toHaveCount(0); // Fanvue tells agencies nothing about presence
  await expect(page.locator(`[data-testid="chat-row"][data-fan="${fanUuid}"]`)).toBeVisible({ timeout: 15_000 });

  await filter(page, "Unread").click();
  await expect(page).toHaveURL(/filter=unread/);
  await settled(page);
  await expect(rows(page).first()).toBeVisible();
  expect(await rows(page).evaluateAll((els) => els.map((e) => e.getAttribute("data-unread")))).not.toContain("false");
  await expect(page.getByTestId("unread-total")).toContainText("unread");

  await filter(page, "Not answered").click();
  await expect(page).toHaveURL(/filter=unanswered/);
  await settled(page);
  await expect(page.locator(`[data-testid="chat-row"][data-fan="${fanUuid}"]`)).toBeVisible();
  const previews = await rows(page).allTextContents();
  expect(previews.length).toBeGreaterThan(0);
  expect(previews.some((t) => t.includes("You:"))).toBe(false);
  await screenshots(page, "chats-agency-unanswered");

  // Audience filters are Fanvue's smart lists, read through the list routes first.
  await filter(page, "Subscribers").click();
  await expect(page).toHaveURL(/filter=subscribers/);
  // The members are read in the background (a lane of its own, so bulk
  // syncs started at sign-in do not hold it up), then the chats show.
  await expect(page.getByTestId("list-synced")).toContainText(/list members (just now|\d+ min ago)/, {
    timeout: 45_000,
  });
  await expect(page.getByTestId("list-pending")).toHaveCount(0);
  await settled(page);
  await expect(rows(page).first()).toBeVisible();

  await filter(page, "All").click();
  await settled(page);
  const handle = (
    await sandboxAdmin<{ payload: { sender: { handle: string } } }>("/simulate/message", {
      creator: "mia",
      fan: fanUuid,
      text: "one more",
    })
  ).payload.sender.handle;
  await page.getByTestId("chat-search").fill(`@${handle}`);
  await expect(page).toHaveURL(new RegExp(`q=%40${handle}`));
  await settled(page);
  await expect(page.locator(`[data-testid="chat-row"][data-fan="${fanUuid}"]`)).toBeVisible();
  await screenshots(page, "chats-agency-search");

  // Fanvue was only ever asked for pages of chats.
  const calls = await sandboxAdmin<{ calls: { query: Record<string, string> }[] }>("/calls?path=/creators/*/chats");
  expect(calls.calls.length).toBeGreaterThan(0);
  for (const c of calls.calls) expect(Object.keys(c.query).sort()).toEqual(["page", "size"]);
});

test("agency overview: unread chats from the mirror, with its age", async ({ page }) => {
  await budgetLeft("atlas");
  await signInWhenFanvueAllows(page, "atlas");
  const agency = await workspaceOf("atlas");
  await page.goto(`/c/${agency.creators.mia}`);
  // "—" until the first copy of @mia's chats is done (it starts on this visit if needed).
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("stat-unread")).toHaveText(/^\d+$/, { timeout: 2_000 });
  }).toPass({ timeout: 40_000 });
  await expect(page.getByText(/Chats synced (just now|\d+ min ago)/)).toBeVisible();
  await screenshots(page, "overview-agency-unread");
  await page.goto(`/w/${agency.id}`);
  await expect(page.getByTestId("unread-synced")).toContainText("Unread chats: from Vuedeck's copy");
  await screenshots(page, "all-creators-unread");
});

test("a creator whose chats are not copied yet says so, then fills in without a reload", async ({ page }) => {
  test.setTimeout(90_000);
  await budgetLeft("atlas");
  await signInWhenFanvueAllows(page, "atlas");
  const agency = await workspaceOf("atlas");
  const ivy = agency.creators.ivy!;
  // As if @ivy had just been added: no copy yet, and a slow Fanvue.
  await withDb(async (db) => {
    await db.query(`DELETE FROM "MirrorChat" WHERE "creatorId" = $1`, [ivy]);
    await db.query(`DELETE FROM "MirrorChatSync" WHERE "creatorId" = $1`, [ivy]);
  });
  await addFault({ path: "/creators/*/chats", method: "GET", latencyMs: 2_500, times: 2 });
  await page.goto(`/c/${ivy}/chats`);
  await expect(page.getByTestId("mirror-syncing")).toContainText("Copying @ivy's chats from Fanvue");
  await expect(page.getByTestId("chats-empty")).toHaveCount(0); // not "no chats": not known yet
  await expect(page.getByTestId("unread-total")).toHaveCount(0); // no count until there is one
  await screenshots(page, "chats-agency-first-sync");
  await expect(rows(page).first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("mirror-syncing")).toHaveCount(0);
  await expect(page.getByTestId("chats-synced")).toBeVisible();
});
