import { expect, test, type Page } from "./fixtures/test";
import { signInAs } from "./fixtures/auth";
import { addFault, budgetLeft, clearFaults, sandboxAdmin } from "./fixtures/sandbox";
import { screenshots } from "./screenshot";

// Media Fanvue keeps "processing": the vault checks each a bounded number of
// times (every check is a Fanvue call on the creator's shared budget), then
// says so and lets the user ask again. The page's clock runs fast; the
// sandbox's call log counts the checks.

test.beforeEach(() => budgetLeft("luna"));
test.afterEach(() => clearFaults());

const tiles = (page: Page) => page.getByTestId("vault-tile");

async function openVault(page: Page) {
  await signInAs(page, "luna");
  await page.getByRole("link", { name: "Vault" }).first().click();
  await expect(page.getByRole("heading", { name: "Vault" })).toBeVisible();
  await expect(tiles(page).first()).toBeVisible();
}

test("media stuck in processing are checked with backoff, at most 10 times each, then 'Still processing — check again'", async ({
  page,
}) => {
  test.setTimeout(120_000);
  // Calls before this test (other pages' watches) are not counted.
  const since = (await sandboxAdmin<{ lastSeq: number }>("/calls?summary=1")).lastSeq;
  // The page's own clock, so minutes of checking pass in seconds.
  await page.clock.install();
  // Lookups in flight (each check of processing media is one).
  let inflight = 0;
  const isLookup = (r: { url(): string }) => r.url().includes("/media/lookup");
  page.on("request", (r) => void (isLookup(r) && inflight++));
  page.on("requestfinished", (r) => void (isLookup(r) && inflight--));
  page.on("requestfailed", (r) => void (isLookup(r) && inflight--));

  await openVault(page);
  // Fanvue keeps saying "processing" for every item looked up.
  await addFault({
    path: "/media/*",
    method: "GET",
    status: 200,
    body: { uuid: "00000000-0000-4000-8000-000000000001", status: "processing" },
  });
  await page
    .getByTestId("upload-input")
    .setInputFiles({ name: "stuck.png", mimeType: "image/png", buffer: Buffer.alloc(4096, 1) });
  const mine = page.getByTestId("vault-tile").filter({ hasText: "stuck.png" });
  await expect(mine).toHaveAttribute("data-status", "processing");
  await page.clock.pauseAt(Date.now() + 1_000);
  const processing = await tiles(page)
    .and(page.locator('[data-status="processing"]'))
    .evaluateAll((els) => els.map((e) => e.getAttribute("data-uuid")!));
  const checksOf = async (uuid: string) =>
    (
      await sandboxAdmin<{ calls: { method: string }[] }>(
        `/calls?since=${since}&path=${encodeURIComponent(`/media/${uuid}`)}`,
      )
    ).calls.filter((c) => c.method === "GET").length;
  // Time moves 5 s at a time; each lookup in flight is let to finish before
  // the next step, so the watch schedules its next check as it would live.
  for (let step = 0; (await page.getByTestId("tile-stuck").count()) < processing.length; step++) {
    expect(step, "steps of 5 s until every item is stuck (~7 min)").toBeLessThan(200);
    await page.clock.runFor(5_000);
    await expect.poll(() => inflight, { intervals: [20] }).toBe(0);
  }
  for (const uuid of processing) expect(await checksOf(uuid)).toBe(10);
  await expect(mine.getByTestId("tile-stuck")).toContainText("Still processing");
  await screenshots(page, "vault-still-processing");
  // Then the tab is quiet, however long it stays open.
  await page.clock.runFor(30 * 60_000);
  for (const uuid of processing) expect(await checksOf(uuid)).toBe(10);
  // "Check again" asks once, at once.
  const uuid = (await mine.getAttribute("data-uuid"))!;
  await mine.getByTestId("tile-check-again").click();
  await page.clock.runFor(1);
  await expect.poll(() => checksOf(uuid)).toBe(11);
  await expect(mine.getByTestId("tile-processing")).toBeVisible();
});
