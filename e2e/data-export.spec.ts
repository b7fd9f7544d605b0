import fs from "node:fs";
import { expect, test, type Page } from "./fixtures/test";
import { strFromU8, unzipSync } from "fflate";
import { signInAs } from "./fixtures/auth";
import { screenshots } from "./screenshot";

// Settings → Your data, as the owner: the full export downloads as a streamed
// zip whose manifest counts the rows, and Delete asks for the name typed before
// it can run (the delete itself is tested in tests/integration/export-roundtrip.test.ts;
// here it is cancelled, so later journeys keep Luna's data).

async function openDataSection(page: Page) {
  await page.goto("/settings#data");
  await expect(page.getByTestId("full-export")).toBeVisible();
}

/** Downloads the zip behind a link and returns its manifest. */
async function downloadManifest(page: Page, testId: string) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId(testId).click()]);
  expect(download.suggestedFilename()).toMatch(/^vuedeck-.+-\d{4}-\d{2}-\d{2}\.zip$/);
  const file = await download.path();
  const files = unzipSync(fs.readFileSync(file));
  expect(Object.keys(files)).toEqual(
    expect.arrayContaining(["manifest.json", "ledger.csv", "fans.csv", "campaigns.csv"]),
  );
  return JSON.parse(strFromU8(files["manifest.json"]!)) as {
    scope: { kind: string; creatorHandle: string | null };
    tables: { table: string; rows: number }[];
  };
}

test("the owner exports Luna's data as a zip, and Delete needs her handle typed", async ({ page }) => {
  test.setTimeout(120_000);
  await signInAs(page, "luna");
  await openDataSection(page);
  await screenshots(page, "settings-data");
  const manifest = await downloadManifest(page, "export-creator");
  expect(manifest.scope).toMatchObject({ kind: "creator", creatorHandle: "luna" });
  expect(manifest.tables.find((t) => t.table === "Creator")?.rows).toBe(1);

  await page.getByTestId("delete-creator-data").click();
  const dialog = page.getByTestId("delete-data-dialog");
  await expect(dialog).toBeVisible();
  const run = page.getByTestId("delete-data-run");
  await expect(run).toBeDisabled();
  await page.getByTestId("delete-data-confirm").fill("someone-else");
  await expect(run).toBeDisabled();
  await page.getByTestId("delete-data-confirm").fill("@luna");
  await expect(run).toBeEnabled();
  await screenshots(page, "settings-data-delete");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
});
