import { expect, test, type Page } from "./fixtures/test";
import { signInAs } from "./fixtures/auth";
import { budgetLeft, sandboxAdmin } from "./fixtures/sandbox";
import { screenshots } from "./screenshot";

// Honest freshness (issue 22): every money figure says how fresh its ledger
// is, and a tip Fanvue announces by webhook moves today's figures within
// seconds, marked provisional, until the ledger's sync confirms it (the mark
// goes, the figure keeps the tip exactly once).

test.beforeEach(() => budgetLeft("luna"));
test.use({ timezoneId: "Europe/Berlin" });

const TIP = 5_000;
const cents = (text: string | null) => Math.round(Number((text ?? "").replace(/[^0-9.-]/g, "")) * 100);
/** "as of 06:50 AM CET": the ledger's time today in the viewer's zone (this device's clock format). */
const asOf = (lead: string, end = "") => new RegExp(`^${lead} \\d{2}:\\d{2}\\W?(?:AM|PM)? CET${end}$`);
const money = (c: number) => new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(c / 100);

/** The overview of Luna, once her ledger's first import is done and the live stream is open. */
async function openOverview(page: Page) {
  await signInAs(page, "luna");
  const strip = page.getByTestId("overview-earnings");
  await expect(strip.getByTestId("overview-today")).toBeVisible({ timeout: 90_000 });
  await expect(strip.getByTestId("overview-earnings-as-of")).toHaveText(asOf("as of"));
  await expect(page.getByTestId("live-connection")).toHaveAttribute("data-status", "live");
  return strip;
}

/** The Earnings page in a second tab, open before the tip: both pages are told by the live stream. */
async function openEarnings(page: Page) {
  const earnings = await page.context().newPage();
  await earnings.goto(`${new URL(page.url()).pathname.replace(/\/$/, "")}/earnings`);
  await expect(earnings.getByTestId("kpi-as-of")).toHaveText(asOf("Figures as of", "\\."));
  await expect(earnings.getByTestId("kpi-gross-provisional")).toHaveCount(0);
  return earnings;
}

/** Within 5 s of the tip, before its sync (queued 20 s out) can run: the gross KPI says provisional, the note how much. */
async function expectEarningsProvisional(earnings: Page, gross: number) {
  await expect(earnings.getByTestId("kpi-gross")).toHaveText(money(gross + TIP), { timeout: 5_000 });
  await expect(earnings.getByTestId("kpi-gross-provisional")).toBeVisible();
  await expect(earnings.getByTestId("provisional-note")).toContainText(`Includes ${money(TIP)} gross from 1 tip`);
}

/** "Sync now": the mark goes once the sync is in, the figure keeps the tip. */
async function syncAndConfirm(earnings: Page, gross: number) {
  await earnings.getByRole("button", { name: "Sync now" }).click();
  await expect(earnings.getByTestId("kpi-gross-provisional")).toHaveCount(0, { timeout: 60_000 });
  await expect(earnings.getByTestId("provisional-note")).toHaveCount(0);
  await expect(earnings.getByTestId("kpi-gross")).toHaveText(money(gross + TIP));
  await expect(earnings.getByTestId("kpi-as-of")).toHaveText(asOf("Figures as of", "\\."));
}

test("a tip moves Today within 5 s, marked provisional, then the sync confirms it exactly once", async ({ page }) => {
  test.setTimeout(150_000);
  const strip = await openOverview(page);
  const today = strip.getByTestId("overview-today");
  await expect(strip.getByTestId("overview-today-provisional")).toHaveCount(0);
  const earnings = await openEarnings(page);
  const before = cents(await today.textContent());
  const month = cents(await strip.getByTestId("overview-30d").textContent());
  const gross = cents(await earnings.getByTestId("kpi-gross").textContent());

  await sandboxAdmin("/simulate/tip", { creator: "luna", amount: TIP });
  // Pushed, not polled (the idle poll is a minute): within 5 s.
  await expect(today).toHaveText(money(before + TIP), { timeout: 5_000 });
  await expect(strip.getByTestId("overview-today-provisional")).toBeVisible();
  await expect(strip.getByTestId("overview-30d")).toHaveText(money(month + TIP));
  await expect(strip.getByTestId("provisional-note")).toContainText(`Includes ${money(TIP)} gross from 1 tip received`);
  await expectEarningsProvisional(earnings, gross);
  await screenshots(page, "freshness-overview-provisional");
  await screenshots(earnings, "freshness-earnings-provisional");

  await syncAndConfirm(earnings, gross);
  // The overview, left open, reads again by itself and drops the mark.
  await expect(strip.getByTestId("overview-today-provisional")).toHaveCount(0, { timeout: 10_000 });
  await expect(today).toHaveText(money(before + TIP));
  await expect(strip.getByTestId("overview-30d")).toHaveText(money(month + TIP));
  // The ledger holds the tip once: its own figure for today is what the screen shows.
  const api = await (await page.request.get(apiOf(page.url(), "range=today&tz=Europe/Berlin"))).json();
  expect(api.provisional.count).toBe(0);
  expect(api.totals.gross).toBe(before + TIP);
  await screenshots(earnings, "freshness-earnings-confirmed");
});

const apiOf = (url: string, query: string) =>
  `${new URL(url).pathname.replace(/^\/c\//, "/api/creators/").replace(/\/$/, "")}/earnings?${query}`;

test("the agency's earnings table says per creator how fresh its ledger is", async ({ page }) => {
  test.setTimeout(120_000);
  await signInAs(page, "atlas");
  await page.getByRole("link", { name: "All earnings" }).first().click();
  const table = page.getByTestId("agency-earnings-table");
  await expect(table.getByTestId("agency-row-as-of").first()).toHaveText(/^as of /, { timeout: 90_000 });
  await expect(table.getByTestId("agency-row-as-of")).toHaveCount(3);
  await expect(page.getByTestId("kpi-as-of")).toHaveText(asOf("Figures as of", "\\."), { timeout: 90_000 });
  await screenshots(page, "freshness-agency-table");
  // The agency's overview says the same of its Today and 30 days columns.
  await page.getByRole("link", { name: "All creators" }).first().click();
  // (Read afresh: the copy cached when the first import had not finished yet rightly said so.)
  await page.waitForURL((url) => !url.pathname.endsWith("/earnings"));
  await page.reload();
  await expect(page.getByTestId("all-creators-earnings-as-of")).toHaveText(asOf("Figures as of", "\\."));
});
