import fs from "node:fs";
import { expect, test, type Page } from "./fixtures/test";
import { signInAs } from "./fixtures/auth";
import { budgetLeft, sandboxAdmin } from "./fixtures/sandbox";
import { screenshots } from "./screenshot";

// Each test starts with Luna's Fanvue budget to spare, whatever earlier tests spent.
test.beforeEach(() => budgetLeft("luna"));
// A device west of UTC: the page opens in the viewer's zone (this device's, nothing saved).
test.use({ timezoneId: "America/Los_Angeles" });

const usd = (text: string) => Math.round(Number(text.replace(/[^0-9.-]/g, "")) * 100);

const money = (c: number) => new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(c / 100);

/** Quick changes never undo one another (a zone, then a range straight after); ends on 90 days in Kolkata. */
async function changeZonesAndRanges(page: Page) {
  await expect(page.getByTestId("tz-select")).toHaveValue("America/Los_Angeles");
  for (const [tz, range] of [
    ["Europe/Berlin", "7d"],
    ["Pacific/Chatham", "mtd"],
    ["Asia/Kolkata", "30d"],
  ] as const) {
    await page.getByTestId("tz-select").selectOption(tz);
    await page.getByTestId("range-select").selectOption(range);
    await expect(page.getByTestId("tz-select")).toHaveValue(tz);
    await expect(page.getByTestId("range-select")).toHaveValue(range);
    await expect(page.getByText(`in ${tz}`).first()).toBeVisible();
  }
  await page.getByTestId("range-select").selectOption("90d");
  await page.getByTestId("tz-select").selectOption("Asia/Kolkata");
  await expect(page).toHaveURL(/range=90d/);
  await expect(page).toHaveURL(/tz=Asia%2FKolkata/);
  await expect(page.getByText("in Asia/Kolkata").first()).toBeVisible();
}

/** Journeys run before this one may have made money on Fanvue since the ledger's last sync (new
 * subscriptions, tips): "Sync now", and wait until a sync that started after the click has
 * finished, so the ledger holds every row the ground truth counts. */
async function syncNow(page: Page) {
  const report = `${new URL(page.url()).pathname}`.replace("/c/", "/api/creators/") + "?range=today";
  const clicked = Date.now() - 1_000;
  await page.getByRole("button", { name: "Sync now" }).click();
  await expect
    .poll(
      async () => {
        const { sync } = (await (await page.request.get(report)).json()) as {
          sync: { state: string; lastSyncedAt: string | null };
        };
        return sync.state === "idle" && sync.lastSyncedAt !== null && Date.parse(sync.lastSyncedAt) >= clicked;
      },
      { timeout: 60_000 },
    )
    .toBe(true);
  await page.reload();
}

/** The screen's gross equals Fanvue's ground truth for the same instants. */
async function expectGrossOfFanvue(page: Page) {
  const api = await (
    await page.request.get(
      `${new URL(page.url()).pathname}`.replace("/c/", "/api/creators/") + "?range=90d&tz=Asia/Kolkata&granularity=day",
    )
  ).json();
  const truth = await sandboxAdmin<{ gross: number; net: number }>(
    `/truth/earnings?creator=luna&start=${api.range.startUtc}&end=${api.range.endUtc}`,
  );
  await expect(page.getByTestId("kpi-gross")).toHaveText(money(truth.gross));
  return { api, truth };
}

/** Posts published in the range are marked on the chart, as many as Fanvue published. */
async function expectPostMarkers(page: Page, range: { startUtc: string }) {
  const posts = await sandboxAdmin<{ posts: unknown[] }>(
    `/truth/posts?creator=luna&start=${range.startUtc}&end=${new Date().toISOString()}`,
  );
  await expect(page.getByTestId("markers-summary")).toHaveAttribute("data-posts", String(posts.posts.length));
  expect(posts.posts.length).toBeGreaterThan(0);
  await expect(page.getByTestId("earnings-chart").locator(".recharts-reference-line").first()).toBeVisible();
  await page.getByTestId("markers-toggle").uncheck();
  await expect(page.getByTestId("earnings-chart").locator(".recharts-reference-line")).toHaveCount(0);
  await page.getByTestId("markers-toggle").check();
}

/** The exported CSV names its zone and bases, and its net is the screen's and Fanvue's. */
async function expectCsvMatchesScreen(page: Page, truthNet: number) {
  const download = page.waitForEvent("download");
  await page.getByTestId("export-csv").click();
  await page.getByTestId("export-transactions").click();
  const file = await (await download).path();
  const csv = fs.readFileSync(file!, "utf8");
  expect(csv).toContain("time zone Asia/Kolkata");
  expect(csv).toContain("gross (what fans paid) and net");
  const lines = csv.split("\n").filter((l) => l && !l.startsWith("#"));
  const cols = lines[0]!.split(",");
  const netCol = cols.indexOf("net_usd");
  const netCents = lines.slice(1).reduce((s, l) => s + usd(l.split(",")[netCol]!), 0);
  expect(netCents).toBe(truthNet);
  expect(usd((await page.getByTestId("kpi-net").textContent())!)).toBe(netCents);
}

/** The overview's money line: today and 30 days in the viewer's zone (a zone picked on the
 * earnings page is for that report and its links), equal to the ground truth. */
async function expectOverviewMoneyLine(page: Page) {
  const base = new URL(page.url()).pathname.replace(/\/earnings$/, "");
  const rangeOf = async (range: string) =>
    (
      await (
        await page.request.get(
          `${base.replace("/c/", "/api/creators/")}/earnings?range=${range}&tz=America/Los_Angeles`,
        )
      ).json()
    ).range as { startUtc: string; endUtc: string };
  const gross = async (range: string) => {
    const r = await rangeOf(range);
    return (await sandboxAdmin<{ gross: number }>(`/truth/earnings?creator=luna&start=${r.startUtc}&end=${r.endUtc}`))
      .gross;
  };
  await page.goto(base);
  const strip = page.getByTestId("overview-earnings");
  await expect(strip).toContainText("in America/Los_Angeles");
  await expect(strip.getByTestId("overview-30d")).toHaveText(money(await gross("30d")));
  await expect(strip.getByTestId("overview-today")).toHaveText(money(await gross("today")));
  await screenshots(page, "overview-earnings");
}

test("earnings: backfill, change range and time zone, toggle net, export the CSV that matches the screen", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signInAs(page, "luna");
  await page.getByRole("link", { name: "Earnings" }).first().click();
  await expect(page.getByRole("heading", { name: "Earnings" })).toBeVisible();
  // The first sync imports the whole history, then says when it last ran.
  await expect(page.getByTestId("sync-status").first()).toContainText("Last synced", { timeout: 90_000 });

  await changeZonesAndRanges(page);
  await syncNow(page);

  const { api, truth } = await expectGrossOfFanvue(page);

  await expectPostMarkers(page, api.range);

  await page.getByRole("radio", { name: "Net" }).click();
  await expect(page).toHaveURL(/basis=net/);
  await expect(page.getByTestId("earnings-chart")).toContainText("Net earnings per day");
  await screenshots(page, "earnings");

  await expectCsvMatchesScreen(page, truth.net);

  // A bad custom range keeps the last valid figures and names the field.
  await page.getByTestId("range-select").selectOption("custom");
  await page.getByLabel("From", { exact: true }).fill("2026-06-10");
  await page.getByLabel("To", { exact: true }).fill("2026-06-01");
  await expect(page.getByTestId("earnings-input-error")).toContainText("to must be on or after from");
  await expect(page.getByTestId("kpi-net")).not.toHaveText("");

  await expectOverviewMoneyLine(page);
});

test("agency: all creators' earnings with a row per creator and totals", async ({ page }) => {
  test.setTimeout(120_000);
  await signInAs(page, "atlas");
  await page.getByRole("link", { name: "All earnings" }).first().click();
  await expect(page.getByTestId("agency-earnings-table")).toContainText("Mia Rose", { timeout: 90_000 });
  await expect(page.getByTestId("agency-earnings-table")).toContainText("Nova Lane");
  await expect(page.getByTestId("sync-status").first()).toContainText("Last synced", { timeout: 90_000 });
  await screenshots(page, "agency-earnings");
});
