import { expect, test, type Browser, type Download, type Page } from "./fixtures/test";
import { formatMoney } from "../lib/utils/format";
import { signInWhenFanvueAllows } from "./chats-fixtures";
import { staffContext } from "./fixtures/auth";
import { createStaff, removeStaff, withDb, workspaceOf } from "./fixtures/db";
import { budgetLeft } from "./fixtures/sandbox";
import { screenshots } from "./screenshot";

// Payouts as an agency owner and a chatter see them: the owner sets Sam's
// rule, opens Sam's statement for last month, the CSV equals the screen line
// for line and total for total, and "Mark paid" freezes it; Sam clocks in and
// out from the page header and sees only his own pay.

test.beforeEach(() => budgetLeft("atlas"));

type Staff = { userId: string; cookie: string };

/** Mid last month at noon UTC: inside last month in every zone. */
function lastMonth(day: number, hour = 12, minute = 0) {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, day, hour, minute));
}

// The sandbox's clock is now, so its fans cannot buy anything last month:
// last month's attributed sales (one with a fractional net) and a 3 h 30 min
// shift are written for Sam straight into the e2e database.
const SALES = [
  { gross: 2000, net: "1600.0000", day: 10 },
  { gross: 999, net: "799.2000", day: 12 },
  { gross: 1000, net: "812.3456", day: 14 },
];

async function seedLastMonth(workspaceId: string, creatorId: string, sam: Staff) {
  await withDb(async (db) => {
    for (const [i, s] of SALES.entries()) {
      await db.query(
        `INSERT INTO "SaleAttribution"("earningRowId", "creatorId", "occurredAt", gross, net, source, rule, "userId", "userName")
         VALUES ($1, $2, $3, $4, $5, 'message', 'ppv', $6, 'Sam Payne')`,
        [`e2e-pay-${sam.userId}-${i}`, creatorId, lastMonth(s.day), s.gross, s.net, sam.userId],
      );
    }
    await db.query(
      `INSERT INTO "Shift"(id, "workspaceId", "userId", "userName", "startedAt", "endedAt", "lastSeenAt", "endReason")
       VALUES ($1, $2, $3, 'Sam Payne', $4, $5, $5, 'clock_out')`,
      [`e2e-shift-${sam.userId}`, workspaceId, sam.userId, lastMonth(10, 9), lastMonth(10, 12, 30)],
    );
  });
}

async function cleanUp(workspaceId: string, sam: Staff) {
  await withDb(async (db) => {
    await db.query(`DELETE FROM "SaleAttribution" WHERE "userId" = $1`, [sam.userId]);
    for (const table of ["Shift", "PayoutStatement", "CommissionRule"])
      await db.query(`DELETE FROM "${table}" WHERE "userId" = $1`, [sam.userId]);
  });
  await removeStaff(workspaceId, sam.userId);
}

test("a statement for last month exports a CSV equal to the screen", async ({ page }) => {
  await signInWhenFanvueAllows(page, "atlas");
  const ws = await workspaceOf("atlas");
  const sam = await createStaff(ws.id, "chatter", null, "Sam Payne");
  try {
    await seedLastMonth(ws.id, ws.creators.mia!, sam);
    await ownerSetsRule(page);
    await page.getByTestId("payout-row-Sam Payne").getByRole("link", { name: "Sam Payne" }).click();
    await expect(page.getByTestId("statement-sale")).toHaveCount(SALES.length);
    await expectFigures(page);
    await expectCsvEqualsScreen(page, await csvOf(page));
    await page.getByTestId("mark-paid").click();
    await expect(page.getByTestId("statement-paid")).toContainText("Paid");
    await expect(page.getByTestId("mark-paid")).toBeHidden();
    await screenshots(page, "payouts-statement");
  } finally {
    await cleanUp(ws.id, sam);
  }
});

async function ownerSetsRule(page: Page) {
  await page.goto("/");
  await page.getByRole("link", { name: "Payouts" }).first().click();
  await expect(page.getByRole("heading", { name: "Payouts" })).toBeVisible();
  await page.getByTestId("edit-rule-Sam Payne").click();
  const dialog = page.getByTestId("rule-dialog");
  await dialog.getByTestId("rule-rate").fill("12.5");
  await dialog.getByTestId("rule-hourly").fill("15");
  await dialog.getByTestId("rule-save").click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("payout-row-Sam Payne")).toContainText("12.5 % + $15.00/h");
  await screenshots(page, "payouts");
}

/** What the test computes: commission on the exact sum of net (1/10000 cent), hourly pay on 210 minutes. */
async function expectFigures(page: Page) {
  const netE4 = SALES.reduce((s, x) => s + BigInt(x.net.replace(".", "")), 0n); // 3211.5456 cents
  const net = Number((netE4 + 5_000n) / 10_000n);
  const commission = Number((netE4 * 1250n + 50_000_000n) / 100_000_000n); // 12.5 %, rounded once
  const hourly = Math.round((210 * 1500) / 60);
  await expect(page.getByTestId("total-net")).toHaveText(formatMoney(net));
  await expect(page.getByTestId("total-commission")).toHaveText(formatMoney(commission));
  await expect(page.getByTestId("total-minutes")).toHaveText("3 h 30 min");
  await expect(page.getByTestId("total-hourly")).toHaveText(formatMoney(hourly));
  await expect(page.getByTestId("total-total")).toHaveText(formatMoney(commission + hourly));
}

async function csvOf(page: Page) {
  const [download] = await Promise.all([
    page.waitForEvent("download") as Promise<Download>,
    page.getByTestId("statement-csv").click(),
  ]);
  const path = await download.path();
  const { readFile } = await import("node:fs/promises");
  return (await readFile(path!, "utf8")).split("\r\n");
}

/** Every sale line's net and every total on screen equal the CSV's decimals, formatted. */
async function expectCsvEqualsScreen(page: Page, csv: string[]) {
  const money = (v: string) => formatMoney(Math.round(Number(v) * 100));
  const saleLines = csv.filter((l) => l.startsWith("sale,"));
  const screenRows = await page.getByTestId("statement-sale").allInnerTexts();
  expect(saleLines).toHaveLength(screenRows.length);
  const csvNets = saleLines.map((l) => money(l.split(",")[6]!)).sort();
  const screenNets = screenRows.map((r) => r.trim().split(/\s+/).at(-1)!).sort();
  expect(csvNets).toEqual(screenNets);
  expect(csv.filter((l) => l.startsWith("shift,"))).toHaveLength(await page.getByTestId("statement-shift").count());
  const total = (key: string) => csv.find((l) => l.startsWith(`${key},`))!.split(",")[1]!;
  for (const [key, testId] of [
    ["net_usd", "total-net"],
    ["commission_usd", "total-commission"],
    ["hourly_pay_usd", "total-hourly"],
    ["total_usd", "total-total"],
    ["gross_usd", "total-gross"],
  ] as const)
    await expect(page.getByTestId(testId)).toHaveText(money(total(key)));
  expect(total("minutes")).toBe("210");
}

async function staffPage(browser: Browser, baseURL: string, staff: Staff) {
  const context = await staffContext(browser, baseURL, staff.cookie);
  return { context, page: await context.newPage() };
}

test("the clock in / clock out control works, and a chatter sees only their own pay", async ({
  page,
  browser,
  baseURL,
}) => {
  await signInWhenFanvueAllows(page, "atlas");
  const ws = await workspaceOf("atlas");
  const sam = await createStaff(ws.id, "chatter", null, "Sam Payne");
  const kai = await createStaff(ws.id, "chatter", null, "Kai Lindqvist");
  const { context, page: samPage } = await staffPage(browser, baseURL!, sam);
  try {
    await samPage.goto(`/w/${ws.id}/payouts`);
    await expect(samPage.getByTestId("payouts-table")).toContainText("Sam Payne");
    await expect(samPage.getByTestId("payouts-table")).not.toContainText("Kai Lindqvist");
    await expect(samPage.getByTestId("clock-status")).toHaveText("Off shift");
    await samPage.getByTestId("clock-in").click();
    await expect(samPage.getByTestId("clock-status")).toContainText("On shift since");
    await expect(samPage.getByTestId("shift-row-Sam Payne")).toContainText("now");
    const again = await samPage.request.post(`/api/workspaces/${ws.id}/shifts/clock-in`, {
      headers: { Origin: new URL(baseURL!).origin },
      data: {},
    });
    expect(again.status()).toBe(409);
    expect(((await again.json()) as { error: { message: string } }).error.message).toMatch(
      /already clocked in: shift \w+/,
    );
    await samPage.getByTestId("clock-out").click();
    await expect(samPage.getByTestId("clock-status")).toHaveText("Off shift");
    await expect(samPage.getByTestId("shift-row-Sam Payne")).not.toContainText("now");
  } finally {
    await context.close();
    await cleanUp(ws.id, sam);
    await removeStaff(ws.id, kai.userId);
  }
});
