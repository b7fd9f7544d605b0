import { expect, test, type Browser, type Page } from "./fixtures/test";
import { formatMoney } from "../lib/utils/format";
import { formatRoi } from "../lib/utils/tracking-links";
import { signInWhenFanvueAllows } from "./chats-fixtures";
import { staffContext } from "./fixtures/auth";
import { createStaff, removeStaff, workspaceOf } from "./fixtures/db";
import { budgetLeft, sandboxAdmin } from "./fixtures/sandbox";
import { screenshots } from "./screenshot";

// Tracking links as a creator uses them: the seeded links arrive from
// Fanvue by the first sync, a new link is created (on Fanvue too) and its
// link copied as Fanvue gives it, a cost is typed in and the ROI appears,
// computed from Fanvue's net; the link is deleted after a confirmation.
// Wrong input is refused naming its field, and a viewer may read but not
// change. Screenshots at 1280 and 390 px.

type Row = { uuid: string; name: string; linkUrl: string; earnings: { net: number | null } | null; deletedAt: string };
type Report = { links: Row[] };

test.use({ permissions: ["clipboard-read", "clipboard-write"] });
test.beforeEach(() => budgetLeft("luna"));

const NAME = "Spring promo (e2e)";
const rowOf = (page: Page, uuid: string) => page.locator(`[data-testid="link-row"][data-link="${uuid}"]`);
const report = async (page: Page, creatorId: string) =>
  (await (await page.request.get(`/api/creators/${creatorId}/tracking-links?tz=UTC`)).json()) as Report;

async function openLinks(page: Page) {
  await signInWhenFanvueAllows(page, "luna");
  const creatorId = (await workspaceOf("luna")).creators.luna!;
  await page.goto(`/c/${creatorId}`);
  await page.getByRole("link", { name: "Tracking links", exact: true }).first().click();
  // The first sync reads the five seeded links from Fanvue.
  await expect.poll(() => page.getByTestId("link-row").count(), { timeout: 60_000 }).toBeGreaterThanOrEqual(5);
  await expect(page.getByTestId("links-sync")).toContainText("Synced");
  return creatorId;
}

async function createLink(page: Page) {
  await page.getByTestId("link-name").fill("");
  await page.getByTestId("link-create-submit").click();
  await expect(page.getByTestId("link-create").getByRole("alert")).toHaveText("name is required");
  await page.getByTestId("link-name").fill(NAME);
  await page.getByTestId("link-platform").selectOption("tiktok");
  const [res] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && /\/tracking-links$/.test(r.url())),
    page.getByTestId("link-create-submit").click(),
  ]);
  expect(res.status()).toBe(201);
  const { link } = (await res.json()) as { link: Row };
  const row = rowOf(page, link.uuid);
  await expect(row.getByTestId("link-name-cell")).toHaveText(NAME);
  await expect(row.getByTestId("link-url")).toHaveText(link.linkUrl);
  // On Fanvue (the sandbox) too, with the platform chosen.
  const onFanvue = await sandboxAdmin<{ calls: { method: string; status: number }[] }>(
    `/calls?path=${encodeURIComponent("/tracking-links")}`,
  );
  expect(onFanvue.calls.some((c) => c.method === "POST" && c.status === 201)).toBe(true);
  await row.getByTestId("link-copy").click();
  await expect(row.getByTestId("link-copy")).toHaveText("Copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link.linkUrl);
  return link;
}

/** The CSV has one line per row on screen, and the costed link's cost and ROI as the screen shows them. */
async function expectCsvMatchesScreen(page: Page, costed: Row) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("links-csv").click()]);
  const { readFile } = await import("node:fs/promises");
  const lines = (await readFile((await download.path())!, "utf8")).split("\r\n").filter((l) => l && !l.startsWith("#"));
  const header = lines[0]!.split(",");
  expect(lines.length - 1).toBe(await page.getByTestId("link-row").count());
  const cells = lines.find((l) => l.includes(`,${costed.linkUrl},`))!.split(",");
  const col = (name: string) => cells[header.indexOf(name)];
  expect(col("cost_usd")).toBe("25.00");
  const roi = (await rowOf(page, costed.uuid).getByTestId("link-roi").textContent())!;
  expect(`${Number(col("roi_percent")) > 0 ? "+" : ""}${col("roi_percent")}%`).toBe(roi);
}

/** A cost on a link Fanvue reports net earnings for: a bad amount is refused, then the ROI is (net − cost) / cost. */
async function enterCost(page: Page, creatorId: string) {
  const seeded = (await report(page, creatorId)).links.find((l) => !l.deletedAt && (l.earnings?.net ?? 0) > 0)!;
  const row = rowOf(page, seeded.uuid);
  await row.getByTestId("link-cost-edit").click();
  await row.getByTestId("link-cost-input").fill("12.345");
  await row.getByTestId("link-cost-save").click();
  await expect(row.getByRole("alert")).toContainText("at most 2 digits");
  await row.getByTestId("link-cost-input").fill("$25");
  await Promise.all([
    page.waitForResponse((r) => r.request().method() === "PUT" && r.url().endsWith(`/${seeded.uuid}/cost`)),
    row.getByTestId("link-cost-save").click(),
  ]);
  await expect(row.getByTestId("link-cost")).toHaveText(formatMoney(2500));
  await expect(row.getByTestId("link-roi")).toHaveText(formatRoi((seeded.earnings!.net! - 2500) / 2500));
  await expect(row.getByTestId("link-payback")).toBeVisible();
  return seeded;
}

async function deleteLink(page: Page, uuid: string) {
  const row = rowOf(page, uuid);
  await row.getByTestId("link-delete").click();
  await expect(page.getByTestId("link-delete-dialog")).toContainText(`Delete “${NAME}”?`);
  await page.getByTestId("link-delete-confirm").click();
  await expect(row).toContainText("Deleted");
  await expect(row.getByTestId("link-delete")).toHaveCount(0);
}

test("tracking links: create a link, enter a cost, see the ROI, delete", async ({ page }) => {
  test.setTimeout(120_000);
  const creatorId = await openLinks(page);
  const link = await createLink(page);
  const costed = await enterCost(page, creatorId);
  await expectCsvMatchesScreen(page, costed);
  await screenshots(page, "tracking-links");
  await deleteLink(page, link.uuid);
});

async function asViewer(browser: Browser, baseURL: string, workspaceId: string, fn: (page: Page) => Promise<void>) {
  const staff = await createStaff(workspaceId, "viewer", null, "Vic Viewer");
  const context = await staffContext(browser, baseURL, staff.cookie);
  try {
    await fn(await context.newPage());
  } finally {
    await context.close();
    await removeStaff(workspaceId, staff.userId);
  }
}

test("bad input names its field; a viewer reads the links but cannot change them", async ({
  page,
  browser,
  baseURL,
}) => {
  const creatorId = await openLinks(page);
  const headers = { Origin: baseURL! };
  const url = `/api/creators/${creatorId}/tracking-links`;
  const bad = await page.request.post(url, { data: { name: "x".repeat(101), platform: "instagram" }, headers });
  expect(bad.status()).toBe(400);
  expect(((await bad.json()) as { error: { field: string } }).error.field).toBe("name");
  const badPlatform = await page.request.post(url, { data: { name: "Bio", platform: "myspace" }, headers });
  expect(((await badPlatform.json()) as { error: { field: string } }).error.field).toBe("platform");
  const uuid = (await report(page, creatorId)).links[0]!.uuid;
  const badCost = await page.request.put(`${url}/${uuid}/cost`, { data: { costCents: 12.5 }, headers });
  expect(((await badCost.json()) as { error: { field: string } }).error.field).toBe("costCents");
  const workspaceId = (await workspaceOf("luna")).id;
  await asViewer(browser, baseURL!, workspaceId, async (viewer) => {
    expect((await viewer.request.get(`${url}?tz=UTC`)).status()).toBe(200);
    const refused = await viewer.request.post(url, { data: { name: "Nope", platform: "reddit" }, headers });
    expect(refused.status()).toBe(403);
    await viewer.goto(`/c/${creatorId}/links`);
    await expect(viewer.getByTestId("link-row").first()).toBeVisible();
    await expect(viewer.getByTestId("link-create")).toHaveCount(0);
    await expect(viewer.getByTestId("link-cost-edit")).toHaveCount(0);
    await expect(viewer.getByTestId("link-delete")).toHaveCount(0);
  });
});

test("an agency's tracking links across all its creators", async ({ page }) => {
  test.setTimeout(120_000);
  await budgetLeft("atlas");
  await signInWhenFanvueAllows(page, "atlas");
  await page.goto("/");
  await page.getByRole("link", { name: "All tracking links", exact: true }).first().click();
  await expect(page.getByRole("heading", { name: "All tracking links" })).toBeVisible();
  // Each of the agency's creators has its five seeded links, read by its first sync.
  const creators = Object.keys((await workspaceOf("atlas")).creators).length;
  await expect.poll(() => page.getByTestId("link-row").count(), { timeout: 60_000 }).toBe(creators * 5);
  await expect(page.getByTestId("tracking-links")).toContainText("across all your creators");
  // Read-only here: costs are set on each creator's own page.
  await expect(page.getByTestId("link-cost-edit")).toHaveCount(0);
  await expect(page.getByTestId("link-create")).toHaveCount(0);
  await screenshots(page, "tracking-links-agency");
});
