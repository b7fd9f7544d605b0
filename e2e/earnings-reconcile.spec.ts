import { expect, test, type Locator, type Page } from "./fixtures/test";
import { signInAs } from "./fixtures/auth";
import { budgetLeft, sandboxAdmin } from "./fixtures/sandbox";
import { screenshots } from "./screenshot";

// "Why does this number differ?", opened from a KPI: the ledger's figure for
// the range, bridged line by line to Fanvue's own summary for the same days
// counted in UTC. In Asia/Kolkata the local days start 5 h 30 min earlier.
test.beforeEach(() => budgetLeft("luna"));
test.use({ timezoneId: "Asia/Kolkata" });

/** "$1,234.56", "+$1.00", "−$2.50" → signed cents. */
const cents = (text: string) => {
  const n = Math.round(Number(text.replace(/[^0-9.]/g, "")) * 100);
  return /^[−-]/.test(text.trim()) ? -n : n;
};

const grossOf = async (row: Locator) => cents((await row.locator("td").nth(1).textContent())!);

/** The ledger holds every row Fanvue has before the comparison: "Sync now", and wait until a
 * sync that started after the click has finished. */
async function syncNow(page: Page, creatorPath: string) {
  const clicked = Date.now() - 1_000;
  await page.getByRole("button", { name: "Sync now" }).click();
  await expect
    .poll(
      async () => {
        const { sync } = (await (
          await page.request.get(`/api${creatorPath.replace("/c/", "/creators/")}/earnings?range=today`)
        ).json()) as {
          sync: { state: string; lastSyncedAt: string | null };
        };
        return sync.state === "idle" && sync.lastSyncedAt !== null && Date.parse(sync.lastSyncedAt) >= clicked;
      },
      { timeout: 60_000 },
    )
    .toBe(true);
  await page.reload();
}

test("a KPI opens the reconciliation: every line shown, the lines close to the KPI, Fanvue's own figure matches", async ({
  page,
}) => {
  test.setTimeout(240_000);
  await signInAs(page, "luna");
  await page.getByRole("link", { name: "Earnings" }).first().click();
  await expect(page.getByTestId("sync-status").first()).toContainText("Last synced", { timeout: 90_000 });
  const creatorPath = new URL(page.url()).pathname.replace(/\/earnings$/, "");
  await syncNow(page, creatorPath);
  await page.goto(`${creatorPath}/earnings?range=90d`);
  await expect(page.getByTestId("range-select")).toHaveValue("90d");
  await expect(page.getByTestId("kpi-gross")).toBeVisible();
  const kpi = (await page.getByTestId("kpi-gross").textContent())!;
  const kpiNet = (await page.getByTestId("kpi-net").textContent())!;

  await page.getByTestId("kpi-gross-reconcile").click();
  await expect(page).toHaveURL(/\/earnings\/reconcile\?.*range=90d/);
  await expect(page.getByRole("heading", { name: "Why does this number differ?" })).toBeVisible();
  const bridge = page.getByTestId("reconcile-bridge");
  const line = (key: string) => bridge.locator(`tr[data-line="${key}"]`);
  await expect(line("ledger")).toContainText(kpi);
  await expect(line("start-edge")).toContainText("in your days, not in Fanvue's UTC days");
  await expect(line("end-edge")).toBeVisible();
  await expect(line("unexplained")).toHaveCount(0);
  await expect(page.getByTestId("reconcile-check")).toContainText("Matches");

  // The lines add up: Fanvue's UTC days ± the edges − not yet synced = the KPI.
  const steps = await Promise.all(["start-edge", "end-edge", "unsynced"].map((k) => grossOf(line(k))));
  expect((await grossOf(line("fanvue-utc"))) + steps.reduce((a, b) => a + b, 0)).toBe(cents(kpi));
  // Fanvue's UTC-day figure is Fanvue's ground truth for those instants.
  const api = await (
    await page.request.get(
      `/api${creatorPath.replace("/c/", "/creators/")}/earnings/reconcile?range=90d&tz=Asia/Kolkata`,
    )
  ).json();
  const truth = await sandboxAdmin<{ gross: number }>(
    `/truth/earnings?creator=luna&start=${api.utcRange.startUtc}&end=${api.utcRange.endUtc}`,
  );
  expect(await grossOf(line("fanvue-utc"))).toBe(truth.gross);
  await expect(page.getByTestId("reconcile-reversals")).toBeVisible();
  await expect(page.getByTestId("reconcile-net")).toHaveText(kpiNet);
  await screenshots(page, "earnings-reconcile");

  // Another range right here; the way back keeps it.
  await page.getByTestId("reconcile-range").selectOption("7d");
  await expect(page).toHaveURL(/range=7d/);
  await expect(page.getByTestId("reconcile-check")).toContainText("Matches");
  await page.getByTestId("reconcile-back").click();
  await expect(page).toHaveURL(/\/earnings\?.*range=7d/);
  await expect(page.getByTestId("range-select")).toHaveValue("7d");
});
