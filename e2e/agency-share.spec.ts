import { expect, test, type Browser, type Download, type Page } from "./fixtures/test";
import { formatMoney } from "../lib/utils/format";
import { signInWhenFanvueAllows } from "./chats-fixtures";
import { staffContext } from "./fixtures/auth";
import { createStaff, removeStaff, withDb, workspaceOf } from "./fixtures/db";
import { budgetLeft } from "./fixtures/sandbox";
import { screenshots } from "./screenshot";

// The agency's share of a creator it runs: the owner sets it (a bad value is
// refused inline), the statement's share is the creator's net × the share
// rounded once, the CSV equals the screen, and the creator's own read-only
// seat finds it from the navigation and cannot change it.

test.beforeEach(() => budgetLeft("atlas"));

/** Mia's net for the period the page shows, summed exactly, from the e2e database. */
async function netOf(creatorId: string, startUtc: string, endUtc: string) {
  return withDb(async (db) => {
    const r = await db.query(
      `SELECT COALESCE(sum(net), 0)::text AS net FROM "EarningRow" WHERE "creatorId" = $1 AND "occurredAt" >= $2 AND "occurredAt" < $3`,
      [creatorId, startUtc.replace("Z", ""), endUtc.replace("Z", "")],
    );
    const [whole, frac = ""] = (r.rows[0] as { net: string }).net.split(".");
    return BigInt(whole! + frac.padEnd(4, "0").slice(0, 4));
  });
}

async function ownerSetsTheShare(page: Page, miaId: string) {
  await page.goto(`/c/${miaId}`);
  await page.getByRole("link", { name: "Agency share", exact: true }).first().click();
  await expect(page.getByRole("heading", { name: /Agency share: Mia/ })).toBeVisible();
  await page.getByTestId("agency-share-edit").click();
  const dialog = page.getByTestId("agency-share-dialog");
  await dialog.getByTestId("agency-share-rate").fill("25 percent");
  await dialog.getByTestId("agency-share-save").click();
  await expect(dialog.getByRole("alert")).toContainText("percentage from 0 to 100");
  await dialog.getByTestId("agency-share-rate").fill("25");
  await dialog.getByTestId("agency-share-save").click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("agency-share-rule")).toContainText("25 % of net earnings");
}

async function csvOf(page: Page) {
  const [download] = await Promise.all([
    page.waitForEvent("download") as Promise<Download>,
    page.getByTestId("agency-share-csv").click(),
  ]);
  const { readFile } = await import("node:fs/promises");
  return (await readFile((await download.path())!, "utf8")).split("\r\n");
}

test("the owner sets the agency's share; the creator's seat reads the same statement", async ({
  page,
  browser,
  baseURL,
}) => {
  await signInWhenFanvueAllows(page, "atlas");
  const ws = await workspaceOf("atlas");
  const mia = ws.creators.mia!;
  const seat = await createStaff(ws.id, "creator", [mia], "Mia Seat");
  try {
    await ownerSetsTheShare(page, mia);
    // The statement the page shows (its period in the viewer's zone), and Mia's exact net for it.
    const [res] = await Promise.all([
      page.waitForResponse((r) => /\/api\/creators\/[^/]+\/agency-share\?/.test(r.url()) && r.ok()),
      page.reload(),
    ]);
    const s = (await res.json()) as { period: { startUtc: string; endUtc: string } };
    const netE4 = await netOf(mia, s.period.startUtc, s.period.endUtc);
    expect(netE4).toBeGreaterThan(0n);
    const share = Number((netE4 * 2500n + 50_000_000n) / 100_000_000n); // 25 %, rounded once
    const net = Number((netE4 + 5_000n) / 10_000n);
    await expect(page.getByTestId("share-share")).toHaveText(formatMoney(share));
    await expect(page.getByTestId("share-keeps")).toHaveText(formatMoney(net - share));
    const csv = await csvOf(page);
    const value = (key: string) => csv.find((l) => l.startsWith(`${key},`))!.split(",")[1]!;
    expect(Math.round(Number(value("agency_share_usd")) * 100)).toBe(share);
    expect(Math.round(Number(value("creator_keeps_usd")) * 100)).toBe(net - share);
    const shown = formatMoney(share);
    await screenshots(page, "agency-share");
    await theSeatReadsIt(browser, baseURL!, seat.cookie, shown);
  } finally {
    await removeStaff(ws.id, seat.userId);
  }
});

async function theSeatReadsIt(browser: Browser, baseURL: string, cookie: string, shown: string) {
  const context = await staffContext(browser, baseURL, cookie);
  const page = await context.newPage();
  try {
    await page.goto("/");
    await page.getByRole("link", { name: "Agency share", exact: true }).first().click();
    await expect(page.getByTestId("share-share")).toHaveText(shown);
    await expect(page.getByTestId("agency-share-edit")).toHaveCount(0);
    await screenshots(page, "agency-share-creator");
  } finally {
    await context.close();
  }
}
