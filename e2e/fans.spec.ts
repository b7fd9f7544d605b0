import { expect, test, type Page } from "./fixtures/test";
import { signInAs } from "./fixtures/auth";
import { budgetLeft, addFault, clearFaults, sandboxAdmin } from "./fixtures/sandbox";
import { screenshots } from "./screenshot";

// Each test starts with Luna's Fanvue budget to spare, whatever earlier tests spent.
test.beforeEach(() => budgetLeft("luna"));

const usd = (cents: number) =>
  new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(cents / 100);
const fanParam = (page: Page) => new URL(page.url()).searchParams.get("fan");

test.afterEach(async () => {
  await sandboxAdmin("/insights/internal", undefined, "DELETE");
  await clearFaults();
});

/** The first roster sync shows its progress against Fanvue's count (or was already done), then
 * the page says how old its copy is and the insight columns are filled. */
async function expectRosterSynced(page: Page) {
  const table = page.getByTestId("fans-table");
  // Progress against Fanvue's count, or already synced (an earlier test or the scheduler).
  const state = async () => {
    if (await page.getByTestId("roster-freshness").isVisible()) return "synced";
    return /of 1,2\d\d fans/.test(
      (await page
        .getByTestId("roster-progress")
        .textContent()
        .catch(() => null)) ?? "",
    )
      ? "progress"
      : "starting";
  };
  await expect.poll(state, { timeout: 30_000 }).not.toBe("starting");
  if ((await state()) === "progress") await screenshots(page, "fans-first-sync");
  await clearFaults();
  // Search runs on Vuedeck's copy of Fanvue's lists: the page says how old it is.
  await expect(page.getByTestId("roster-freshness")).toContainText(
    /Roster of 1,2\d\d fans · synced (just now|\d+ min ago)/,
    { timeout: 60_000 },
  );
  // Insight columns are filled (no "—" in the spend column of subscribers).
  await expect(table.locator("tbody tr").first()).toContainText("$");
  await screenshots(page, "fans-subscribers");
}

/** A follower from deep in the list (page 20), found by search from the first page: by exact
 * handle, then by part of the name. */
async function searchForDeepFollower(page: Page, fansUrl: string) {
  const table = page.getByTestId("fans-table");
  await page.goto(`${fansUrl}?view=followers&page=20`);
  await expect(table.locator("tbody tr")).toHaveCount(25);
  const deep = table.locator("tbody tr").nth(3);
  const handle = (await deep.getAttribute("data-testid"))!.replace("fan-row-", "");
  const name = (await deep.locator("td p").first().innerText()).trim();
  await page.goto(`${fansUrl}?view=all`);
  await expect(page.getByTestId(`fan-row-${handle}`)).toHaveCount(0);
  await page.getByTestId("fans-search").fill(`@${handle}`);
  await expect(page).toHaveURL((url) => url.searchParams.get("q") === `@${handle}`);
  // The exact handle comes first.
  await expect(table.locator("tbody tr").first()).toHaveAttribute("data-testid", `fan-row-${handle}`);
  // Part of the name, cut mid-word at both ends.
  const part = name.slice(1, -1);
  await page.getByTestId("fans-search").fill(part);
  await expect(page).toHaveURL((url) => url.searchParams.get("q") === part);
  await expect(page.getByTestId("fans-table")).toHaveAttribute("aria-busy", "false");
  await expect(page.getByTestId(`fan-row-${handle}`)).toBeVisible();
  // Every row matches the part (handle, name or nickname), case aside.
  for (const text of await table.locator("tbody tr").allInnerTexts())
    expect(text.toLowerCase()).toContain(part.toLowerCase());
  await screenshots(page, "fans-search");
  await page.getByTestId("fans-search").fill("zz-nobody-zz");
  await expect(page.getByTestId("fans-empty")).toContainText("No fans match “zz-nobody-zz”");
  await page.goto(fansUrl);
  await expect(table.locator("tbody tr")).toHaveCount(25);
}

/** Opens the second row's panel by keyboard, checks its figures, stores a note and a "vip" tag,
 * and closes it again. Answers that fan's handle. */
async function noteAndTagFromKeyboard(page: Page) {
  const table = page.getByTestId("fans-table");
  // Keyboard: focus the first row, ↓ to the second, Enter opens its panel.
  const secondHandle = (await table.locator("tbody tr").nth(1).getAttribute("data-testid"))!.replace("fan-row-", "");
  await table.locator("tbody tr").first().focus();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  const panel = page.getByTestId("fan-panel");
  await expect(panel).toBeVisible();
  await expect(panel).toContainText(`@${secondHandle}`);
  const fan = fanParam(page)!;
  const truth = await sandboxAdmin<{ gross: number }>(`/truth/fans/${fan}?creator=luna`);
  await expect(page.getByTestId("fan-lifetime")).toHaveText(usd(truth.gross));
  // The age is shown (the table may have fetched it a while ago on a slow machine).
  await expect(page.getByTestId("insight-age")).toContainText(/updated (just now|\d+ min ago)/);

  // A note and a tag, stored and shown.
  await panel.getByLabel("New note").fill("Prefers voice notes; birthday in June");
  await panel.getByRole("button", { name: "Save note" }).click();
  await expect(panel.getByTestId("fan-note")).toContainText("Prefers voice notes");
  await panel.getByLabel("New tag").fill("VIP");
  await panel.getByRole("button", { name: "Add tag" }).click();
  await expect(panel.getByTestId("fan-tags")).toContainText("vip");
  await screenshots(page, "fan-panel");
  await page.keyboard.press("Escape");
  await expect(panel).toBeHidden();
  // Focus is back on the row the panel came from.
  await expect(page.getByTestId(`fan-row-${secondHandle}`)).toBeFocused();
  return secondHandle;
}

/** Analyse the whole audience (slowed down, to see its progress); the roster is fresh, so only
 * insights are fetched; then sorting and segments cover everyone. */
async function analyseWholeAudience(page: Page) {
  await addFault({ path: "/insights/fans/batch", latencyMs: 600 });
  await page.getByTestId("analyse-all").click();
  await expect(page.getByTestId("analysis-progress")).toContainText("Fetching the fans' insights", { timeout: 20_000 });
  await expect(page.getByTestId("analysis-progress")).toContainText(/left/);
  await screenshots(page, "fans-analysis-progress");
  await clearFaults();
  await expect(page.getByTestId("analysis-card")).toContainText("Whole audience analysed", { timeout: 90_000 });
  await page.getByTestId("fans-tab-all").click();
  await expect(page).toHaveURL(/view=all/);
  await page.getByTestId("fans-sort").selectOption("spend");
  await expect(page).toHaveURL(/view=all&sort=spend/);
  await expect(page.getByTestId("partial-notice")).toHaveCount(0);
  await expect(page.getByTestId("fans-range")).toContainText(/1–25 of 1,2\d\d/);

  // Segment: top 1 % spenders.
  await page.getByTestId("segment-select").selectOption("top_spenders");
  await expect(page).toHaveURL(/segment=top_spenders/);
  // Top 5 % of about 1,200 fans (ties at the mark included).
  await expect(page.getByTestId("fans-range")).toHaveText(/^1–25 of (6\d)$/);
  await expect(page.getByTestId("fans-table")).toHaveAttribute("aria-busy", "false");
  await screenshots(page, "fans-segment");
}

test("fans: the roster (first-sync progress, freshness), search by exact handle and part of a name, fan panel by keyboard, note and tag, filter by tag, whole-audience analysis, renewal forecast", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signInAs(page, "luna");
  // Slow Fanvue's followers list: a first roster sync (if this run has not
  // synced Luna's yet) stays on screen long enough to be seen.
  await addFault({ path: "/followers", latencyMs: 1_000 });
  await page.getByRole("link", { name: "Fans" }).first().click();
  await expect(page.getByRole("heading", { name: "Fans" })).toBeVisible();
  const fansUrl = page.url().split("?")[0]!;
  const table = page.getByTestId("fans-table");
  await expect(table.locator("tbody tr")).toHaveCount(25);
  await expectRosterSynced(page);

  await searchForDeepFollower(page, fansUrl);

  const secondHandle = await noteAndTagFromKeyboard(page);

  // Filter by the tag: only that fan, from the whole roster (nothing partial about it).
  await page.getByTestId("tag-filter").selectOption("vip");
  await expect(table.locator("tbody tr")).toHaveCount(1);
  await expect(page.getByTestId(`fan-row-${secondHandle}`)).toContainText("vip");
  await expect(page.getByTestId("partial-notice")).toHaveCount(0);
  await screenshots(page, "fans-tag-filter");
  await page.getByTestId("tag-filter").selectOption("");

  await analyseWholeAudience(page);

  // Renewal forecast: 30 days, fans behind a day, high spenders at risk highlighted.
  await page.getByTestId("fans-tab-renewals").click();
  await expect(page.getByTestId("renewal-forecast")).toBeVisible();
  await expect(page.getByTestId("forecast-partial")).toHaveCount(0);
  const day = page.locator('[data-testid^="forecast-day-"]:not([disabled])').first();
  await day.click();
  await expect(page.getByTestId("forecast-day-fans").locator("li").first()).toBeVisible();
  await screenshots(page, "fans-renewals");
});

test("fans: a fan Fanvue fails for shows an error state, never zeros; a non-fan says so", async ({ page }) => {
  await signInAs(page, "luna");
  // A new follower (not cached yet) whose insights Fanvue fails with `internal`.
  const { fanUuid } = await sandboxAdmin<{ fanUuid: string }>("/simulate/follow", {
    creator: "luna",
    handle: "brokenfan",
    displayName: "Broken Fan",
  });
  await sandboxAdmin("/insights/internal", { uuids: [fanUuid] });
  // The new-follower webhook adds them to the roster; newest first in the table.
  const creatorId = new URL(page.url()).pathname.split("/")[2]!;
  await expect
    .poll(
      async () =>
        (
          (await (
            await page.request.get(`/api/creators/${creatorId}/fans?list=followers&search=brokenfan`)
          ).json()) as { total: number }
        ).total,
      { timeout: 15_000 },
    )
    .toBe(1);
  await page.goto(`/c/${creatorId}/fans?view=followers`);
  const row = page.getByTestId("fan-row-brokenfan");
  await expect(row.getByLabel("Could not load").first()).toBeVisible();
  await expect(row).not.toContainText("$0.00");
  // The other fans of the same batch are unaffected.
  await expect(page.getByTestId("fans-table").locator("tbody tr").nth(1)).toContainText("$");
  await row.click();
  await expect(page.getByTestId("insight-error")).toContainText("Fanvue could not load this fan's spending");
  await expect(page.getByTestId("fan-panel")).not.toContainText("$0.00");
  await screenshots(page, "fan-panel-error");

  // Someone Fanvue will not show (another creator's account: `forbidden`):
  // "not visible to this account", and no guess about why.
  const accounts = await sandboxAdmin<{ uuid: string; handle: string }[]>("/accounts");
  const mia = accounts.find((a) => a.handle === "mia")!;
  await page.goto(page.url().replace(/fan=[^&]+/, `fan=${mia.uuid}`));
  await expect(page.getByTestId("not-a-fan")).toHaveText("Not visible to this account.");
  // Someone who is not a fan at all.
  await page.goto(page.url().replace(/fan=[^&]+/, "fan=0f0f0f0f-1111-4222-8333-444455556666"));
  await expect(page.getByTestId("not-a-fan")).toContainText("Not a fan of @luna");
});

test("fans API: bad input is a 400/404 naming the problem", async ({ page }) => {
  await signInAs(page, "luna");
  const api = new URL(page.url()).pathname.replace("/c/", "/api/creators/") + "/fans";
  const error = async (path: string) => {
    const res = await page.request.get(api + path);
    return {
      status: res.status(),
      ...((await res.json()) as { error: { code: string; message: string; field?: string } }).error,
    };
  };
  expect(await error("/not-a-uuid")).toMatchObject({
    status: 400,
    field: "fanUuid",
    message: expect.stringContaining("must be a fan id"),
  });
  expect(await error("?size=51")).toMatchObject({
    status: 400,
    field: "size",
    message: expect.stringContaining("at most 50"),
  });
  expect(await error("?segment=top_spenders&seg.bogus=1")).toMatchObject({
    status: 400,
    field: "seg.bogus",
    message: expect.stringContaining("Unknown parameter seg.bogus"),
  });
  expect(await error("?segment=whales")).toMatchObject({
    status: 404,
    message: expect.stringContaining("Unknown segment"),
  });
  expect(await error("/forecast?tz=Mars/Base")).toMatchObject({ status: 400, field: "tz" });
  const accounts = await sandboxAdmin<{ uuid: string; handle: string }[]>("/accounts");
  expect(await error(`/${accounts.find((a) => a.handle === "mia")!.uuid}`)).toMatchObject({
    status: 404,
    message: "Not visible to this account.",
  });
  expect(await error("?search=" + "a".repeat(101))).toMatchObject({ status: 400, field: "search" });
  expect(await error("/0f0f0f0f-1111-4222-8333-444455556666")).toMatchObject({ status: 404, code: "not_found" });
});

test("fans: tick fans in the table (mouse and x key) and add them to a custom list, then remove one", async ({
  page,
}) => {
  await signInAs(page, "luna");
  const creatorId = new URL(page.url()).pathname.split("/")[2]!;
  const name = `VIP e2e ${Date.now()}`;
  const list = await page.evaluate(
    async ({ url, name }) =>
      (await (
        await fetch(url, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ name }),
        })
      ).json()) as { uuid: string },
    { url: `/api/creators/${creatorId}/lists`, name },
  );
  const members = async () => {
    const res = await page.request.get(`/api/creators/${creatorId}/lists/${list.uuid}/members`);
    return ((await res.json()) as { items: { handle: string }[] }).items.map((m) => m.handle).sort();
  };
  await page.goto(`/c/${creatorId}/fans`);
  const table = page.getByTestId("fans-table");
  await expect(table.locator("tbody tr")).toHaveCount(25);
  const handleOf = async (i: number) =>
    (await table.locator("tbody tr").nth(i).getAttribute("data-testid"))!.replace("fan-row-", "");
  const picked = [await handleOf(0), await handleOf(1), await handleOf(2)];

  // Two by mouse (the panel does not open), the third from the keyboard.
  await table.locator("tbody tr").nth(0).getByTestId("row-select").check();
  await table.locator("tbody tr").nth(1).getByTestId("row-select").check();
  await expect(page.getByTestId("fan-panel")).toHaveCount(0);
  await table.locator("tbody tr").nth(2).focus();
  await page.keyboard.press("x");
  await expect(page.getByTestId("selection-count")).toHaveText("3 fans selected");
  await screenshots(page, "fans-selection");

  await page.getByTestId("bulk-add").click();
  await page.getByTestId("bulk-list-option").filter({ hasText: name }).click();
  await expect(page.getByTestId("toast").filter({ hasText: `Added 3 fans to “${name}”` })).toBeVisible();
  await expect(page.getByTestId("selection-bar")).toHaveCount(0);
  expect(await members()).toEqual([...picked].sort());

  // Select all on the page, then clear: nothing happens to the list.
  await page.getByTestId("select-all").check();
  await expect(page.getByTestId("selection-count")).toHaveText("25 fans selected");
  await page.getByTestId("selection-clear").click();
  await expect(page.getByTestId("selection-bar")).toHaveCount(0);

  // Remove the second one again.
  await table.locator("tbody tr").nth(1).getByTestId("row-select").check();
  await page.getByTestId("bulk-remove").click();
  await page.getByTestId("bulk-list-option").filter({ hasText: name }).click();
  await expect(page.getByTestId("toast").filter({ hasText: `Removed 1 fan from “${name}”` })).toBeVisible();
  expect(await members()).toEqual([picked[0], picked[2]].sort());
});
