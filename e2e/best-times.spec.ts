import { expect, test } from "./fixtures/test";
import { formatMoney } from "../lib/utils/format";
import { signInWhenFanvueAllows } from "./chats-fixtures";
import { workspaceOf } from "./fixtures/db";
import { budgetLeft } from "./fixtures/sandbox";
import { screenshots } from "./screenshot";

// Best times as a creator opens them: a 7 × 24 grid of the last 90 days in
// the viewer's zone, whose total is the ledger's, and a CSV with the same
// figures, at desktop and phone widths.

test.beforeEach(() => budgetLeft("luna"));

test("best times: a weekday × hour grid whose total and CSV are the ledger's", async ({ page }) => {
  await signInWhenFanvueAllows(page, "luna");
  const ws = await workspaceOf("luna");
  const luna = ws.creators.luna!;
  // The ledger's first sync imports the whole history: compare once it is done.
  await page.goto(`/c/${luna}/earnings`);
  await expect(page.getByTestId("sync-status").first()).toContainText("Last synced", { timeout: 90_000 });
  const [res] = await Promise.all([
    page.waitForResponse((r) => /\/api\/creators\/[^/]+\/best-times\?/.test(r.url()) && r.ok()),
    page.getByRole("link", { name: "Best times", exact: true }).first().click(),
  ]);
  const b = (await res.json()) as { total: { gross: number; sales: number }; range: { tz: string } };
  expect(b.total.sales).toBeGreaterThan(0);
  await expect(page.getByTestId("best-times-cell")).toHaveCount(7 * 24);
  await expect(page.getByTestId("best-times-summary")).toContainText(formatMoney(b.total.gross));
  await screenshots(page, "best-times");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "CSV" }).click(),
  ]);
  const { readFile } = await import("node:fs/promises");
  const csv = (await readFile((await download.path())!, "utf8")).split("\r\n");
  const rows = csv.filter((l) => /^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),/.test(l));
  expect(rows).toHaveLength(7 * 24);
  const sum = rows.reduce((s, l) => s + Math.round(Number(l.split(",")[3]) * 100), 0);
  expect(sum).toBe(b.total.gross);
});

test("retention: a monthly cohort triangle from the ledger", async ({ page }) => {
  await signInWhenFanvueAllows(page, "luna");
  const ws = await workspaceOf("luna");
  await page.goto(`/c/${ws.creators.luna!}`);
  await page.getByRole("link", { name: "Retention", exact: true }).first().click();
  await expect(page.getByTestId("retention-row")).toHaveCount(12);
  // The newest cohort has lived one month (M0 only); the oldest, twelve.
  await expect(page.getByTestId("retention-row").last().getByRole("cell")).toHaveCount(2);
  await expect(page.getByTestId("retention-row").first().getByRole("cell")).toHaveCount(13);
  await expect(page.getByTestId("retention-churn")).toContainText(/of a cohort does not pay again|Not enough history/);
  await screenshots(page, "retention");
  await page.getByTestId("retention-months").selectOption("6");
  await expect(page.getByTestId("retention-row")).toHaveCount(6);
  // Cohort value follows the window: one row per month, two cohorts on the curves.
  await expect(page.getByTestId("cohort-table").locator("tbody tr")).toHaveCount(6);
  await expect(page.getByTestId("cohort-curves")).toBeVisible();
});

test("cohort value: by month and by tracking link, two cohorts compared, CSV equal to the table", async ({ page }) => {
  test.setTimeout(150_000);
  await signInWhenFanvueAllows(page, "luna");
  const luna = (await workspaceOf("luna")).creators.luna!;
  // Whole ledger first (the first sync imports the history), and the links' fans (synced when their page opens).
  await page.goto(`/c/${luna}/earnings`);
  await expect(page.getByTestId("sync-status").first()).toContainText("Last synced", { timeout: 90_000 });
  await page.goto(`/c/${luna}/links`);
  await page.goto(`/c/${luna}/retention`);
  const table = page.getByTestId("cohort-table");
  await expect(table.locator("tbody tr")).toHaveCount(12);
  const picks = page.getByTestId("cohort-pick");
  const options = await picks.first().locator("option").allTextContents();
  expect(options.length).toBeGreaterThan(2);
  await picks.first().selectOption({ label: options[0]! });
  await picks.nth(1).selectOption({ label: options[1]! });
  await expect(page).toHaveURL(/[?&]a=.+&b=|[?&]b=.+&a=/);
  await expect(page.getByTestId("cohort-curves")).toContainText(options[1]!);
  // By tracking link: one row per link, freshness of the links' fans said.
  await page.getByTestId("cohort-by").selectOption("link");
  await expect(page.getByTestId("cohort-freshness")).toContainText(/tracking links' fans synced|not synced yet/, {
    timeout: 30_000,
  });
  await expect(page.getByTestId("cohort-table")).toContainText("Tracking link");
  await screenshots(page, "cohort-value-links");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("cohort-value").getByRole("button", { name: "CSV" }).click(),
  ]);
  const { readFile } = await import("node:fs/promises");
  const csv = (await readFile((await download.path())!, "utf8")).trim().split("\r\n");
  const first = (await table.locator("tbody tr").first().locator("td").allTextContents()).map((t) => t.trim());
  const line = csv.find((l) => l.startsWith(`${first[0]},`))!.split(",");
  // Fans in, paying; the 30-day value in dollars as the table shows it.
  expect([line[2], line[3]]).toEqual([first[1]!.replace(/,/g, ""), first[2]!.replace(/,/g, "")]);
  expect(first[4]).toBe(line[10] ? formatMoney(Math.round(Number(line[10]) * 100)) : "—");
});

test("an agency's retention across all its creators", async ({ page }) => {
  await budgetLeft("atlas");
  await signInWhenFanvueAllows(page, "atlas");
  await page.goto("/");
  await page.getByRole("link", { name: "All retention", exact: true }).first().click();
  await expect(page.getByTestId("retention")).toContainText("Across all your creators");
  await expect(page.getByTestId("retention-row")).toHaveCount(12);
  await expect(page.getByTestId("cohort-table").locator("tbody tr")).toHaveCount(12);
});

test("an agency's best times across all its creators", async ({ page }) => {
  test.setTimeout(120_000);
  await budgetLeft("atlas");
  await signInWhenFanvueAllows(page, "atlas");
  await page.goto("/");
  const [res] = await Promise.all([
    page.waitForResponse((r) => /\/api\/workspaces\/[^/]+\/best-times\?/.test(r.url()) && r.ok()),
    page.getByRole("link", { name: "All best times", exact: true }).first().click(),
  ]);
  const b = (await res.json()) as { total: { gross: number } };
  await expect(page.getByTestId("best-times-cell")).toHaveCount(7 * 24);
  await expect(page.getByTestId("best-times")).toContainText("across all your creators");
  await expect(page.getByTestId("best-times-summary")).toContainText(formatMoney(b.total.gross));
});
