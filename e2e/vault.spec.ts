import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "./fixtures/test";
import { signInAs } from "./fixtures/auth";
import { budgetLeft, addFault, clearFaults, sandboxAdmin } from "./fixtures/sandbox";
import { screenshots } from "./screenshot";

// Each test starts with Luna's Fanvue budget to spare, whatever earlier tests spent.
test.beforeEach(() => budgetLeft("luna"));

test.afterEach(() => clearFaults());

const MB = 1024 * 1024;
const tiles = (page: Page) => page.getByTestId("vault-tile");
const counter = (page: Page) => page.getByTestId("preview-counter");
const readyTiles = (page: Page) => tiles(page).and(page.locator('[data-status="ready"]'));

async function openVault(page: Page) {
  await signInAs(page, "luna");
  await page.getByRole("link", { name: "Vault" }).first().click();
  await expect(page.getByRole("heading", { name: "Vault" })).toBeVisible();
  await expect(tiles(page).first()).toBeVisible();
  return page.url().match(/\/c\/([^/]+)\/vault/)![1]!;
}

/** The lightbox is a fixed overlay: viewport shots show it as seen. */
async function viewportShots(page: Page, name: string) {
  for (const [width, height, kind] of [
    [1280, 800, "desktop"],
    [390, 844, "phone"],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `test-results/screenshots/${name}-${kind}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

/** True once the tile's thumbnail has really been drawn (not just requested). */
const thumbLoaded = (page: Page, uuid: string) =>
  page
    .locator(`[data-uuid="${uuid}"] img[data-testid="tile-thumb"]`)
    .evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0);

/** Preview: the video plays from its signed URL; ←/→ step, Esc closes. */
async function previewWithTheKeyboard(page: Page) {
  await readyTiles(page)
    .first()
    .getByRole("button", { name: /^Open / })
    .click();
  const preview = page.getByTestId("media-preview");
  await expect(preview.getByTestId("preview-video")).toBeVisible();
  await expect
    .poll(() => preview.getByTestId("preview-video").evaluate((v: HTMLVideoElement) => v.readyState))
    .toBeGreaterThanOrEqual(1);
  const start = Number((await counter(page).textContent())!.split(" ")[0]);
  await page.keyboard.press("ArrowRight");
  await expect(counter(page)).toHaveText(new RegExp(`^${start + 1} of`));
  await page.keyboard.press("ArrowRight");
  await expect(counter(page)).toHaveText(new RegExp(`^${start + 2} of`));
  await page.keyboard.press("ArrowLeft");
  await expect(counter(page)).toHaveText(new RegExp(`^${start + 1} of`));
  await expect(preview.getByTestId("preview-details")).toContainText("Duration");
  await viewportShots(page, "vault-preview");
  await preview.getByTestId("fan-view-toggle").click();
  await expect(preview.getByTestId("preview-blurred")).toBeVisible();
  await viewportShots(page, "vault-preview-fan-view");
  await page.keyboard.press("Escape");
  await expect(preview).toHaveCount(0);
  await expect(page).not.toHaveURL(/view=/);
}

/** A new folder, and three items added to it (click, then Shift-click). */
async function pickThreeIntoANewFolder(page: Page) {
  await page.getByTestId("type-filter").getByRole("radio", { name: "All" }).click();
  await page.getByRole("button", { name: "New folder" }).click();
  await page.getByLabel("Folder name").fill("Journey picks");
  await page.getByRole("button", { name: "Create folder" }).click();
  const folder = page.getByTestId("folder-item").filter({ hasText: "Journey picks" });
  await expect(folder.getByTestId("folder-count")).toHaveText("0");
  const picked = await readyTiles(page).evaluateAll((els) => els.slice(0, 3).map((e) => e.getAttribute("data-uuid")!));
  await page.locator(`[data-uuid="${picked[0]}"]`).getByTestId("tile-select").click();
  await page
    .locator(`[data-uuid="${picked[2]}"]`)
    .getByTestId("tile-select")
    .click({ modifiers: ["Shift"] });
  await expect(page.getByTestId("selection-count")).toHaveText("3 selected");
  await screenshots(page, "vault-selection");
  await page.getByRole("button", { name: "Add to folder" }).click();
  await page.getByRole("menuitem", { name: "Journey picks" }).click();
  await expect(page.getByTestId("vault-notice")).toContainText("Added 3 items to “Journey picks”");
  await expect(folder.getByTestId("folder-count")).toHaveText("3");
  await folder.getByRole("button", { name: /^Journey picks/ }).click();
  await expect(tiles(page)).toHaveCount(3);
  await page.getByRole("button", { name: "Clear selection" }).click();
  await page.getByRole("button", { name: "All media" }).click();
}

/** A 30 MB video (written to `clip`): per-file and overall progress, then processing, then ready. */
async function uploadA30MbVideo(page: Page, clip: string) {
  const name = path.basename(clip);
  await addFault({ path: "/__upload/**", method: "PUT", latencyMs: 700 });
  // From disk: the browser reads it part by part (a buffer would be copied through the protocol).
  fs.writeFileSync(clip, Buffer.alloc(30 * MB, 7));
  await page.getByTestId("upload-input").setInputFiles(clip);
  const row = page.getByTestId("upload-row").filter({ hasText: name });
  await expect(row.getByTestId("upload-progress")).toBeVisible();
  await expect
    .poll(async () =>
      Number(
        await page
          .getByTestId("upload-overall")
          .getAttribute("aria-valuenow")
          .catch(() => "0"),
      ),
    )
    .toBeGreaterThan(0);
  await expect(row).toHaveAttribute("data-status", "uploading");
  await screenshots(page, "vault-upload");
  await expect(row).toHaveAttribute("data-status", /processing|ready/, { timeout: 30_000 });
  const uploaded = page.getByTestId("vault-tile").filter({ hasText: name });
  await expect(uploaded).toHaveAttribute("data-status", "ready", { timeout: 20_000 });
  await expect(row).toHaveAttribute("data-status", "ready");
  await expect(uploaded.getByTestId("tile-thumb")).toBeVisible();
}

test("the vault journey: filter, preview with the keyboard, folder, upload, use in a post", async ({
  page,
}, testInfo) => {
  // A 30 MB upload and ten screenshots: ~40 s alone, more on a busy machine.
  test.setTimeout(180_000);
  const creatorId = await openVault(page);
  const first = await readyTiles(page).first().getAttribute("data-uuid");
  await expect.poll(() => thumbLoaded(page, first!)).toBe(true);
  await screenshots(page, "vault");

  // Videos only, reflected in the URL.
  await page.getByTestId("type-filter").getByRole("radio", { name: "Videos" }).click();
  await expect(page).toHaveURL(/type=video/);
  await expect(readyTiles(page).first()).toHaveAttribute("data-type", "video");
  const types = await tiles(page).evaluateAll((els) =>
    els.filter((e) => e.getAttribute("data-status") === "ready").map((e) => e.getAttribute("data-type")),
  );
  expect(new Set(types)).toEqual(new Set(["video"]));
  await expect(readyTiles(page).first().getByTestId("tile-type")).toContainText(/\d+:\d\d/);

  await previewWithTheKeyboard(page);

  await pickThreeIntoANewFolder(page);

  await uploadA30MbVideo(page, testInfo.outputPath("journey-clip.mp4"));

  // Two items → "Use in a post" opens the composer with them.
  const two = await readyTiles(page).evaluateAll((els) => els.slice(1, 3).map((e) => e.getAttribute("data-uuid")!));
  for (const uuid of two) await page.locator(`[data-uuid="${uuid}"]`).getByTestId("tile-select").click();
  await expect(page.getByTestId("selection-count")).toHaveText("2 selected");
  await page.getByRole("button", { name: "Use in a post" }).click();
  await page.waitForURL(/\/posts\/new\?/);
  const url = new URL(page.url());
  expect(url.pathname).toBe(`/c/${creatorId}/posts/new`);
  expect(url.searchParams.get("media")!.split(",")).toEqual(two);
});

test("an expired variant URL is re-resolved and the image shows", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openVault(page);
  const firstUuid = (await readyTiles(page).first().getAttribute("data-uuid"))!;
  await expect.poll(() => thumbLoaded(page, firstUuid)).toBe(true);
  // A tile far below the fold: lazy, so not loaded yet.
  const far = tiles(page).nth(45);
  const uuid = (await far.getAttribute("data-uuid"))!;
  const img = far.getByTestId("tile-thumb");
  const before = (await img.getAttribute("src"))!;
  expect(await thumbLoaded(page, uuid)).toBe(false);
  // Every URL issued so far is now void; Fanvue answers 403 for them.
  await sandboxAdmin("/media/expire-urls", {});
  await sandboxAdmin("/calls", undefined, "DELETE");
  expect((await fetch(before)).status).toBe(403);
  await far.scrollIntoViewIfNeeded();
  await expect.poll(() => thumbLoaded(page, uuid), { timeout: 15_000 }).toBe(true);
  const after = (await img.getAttribute("src"))!;
  expect(after).not.toBe(before);
  expect((await fetch(after)).status).toBe(200);
  // Re-resolved by re-reading the item's page of the list: one call for 50 items.
  const log = (await sandboxAdmin<{ calls: { path: string; query: Record<string, string> }[] }>("/calls?path=/media"))
    .calls;
  expect(log.some((c) => c.query.page === "1")).toBe(true);
});

test("filters and position survive a back navigation", async ({ page }) => {
  await openVault(page);
  await page.setViewportSize({ width: 390, height: 844 });
  // On a phone the filters wait behind one button (the media fills the first screen).
  await page.getByTestId("vault-filters-button").click();
  await page.getByTestId("sheet-type-filter").getByRole("radio", { name: "Images" }).click();
  await expect(page).toHaveURL(/type=image/);
  await page.getByTestId("vault-filters-done").click();
  const target = tiles(page).nth(20);
  await target.scrollIntoViewIfNeeded();
  await expect(page).toHaveURL(/at=\d+/);
  const at = Number(new URL(page.url()).searchParams.get("at"));
  expect(at).toBeGreaterThan(10);
  await page.getByTestId("tab-overview").click();
  await expect(page.getByTestId("overview-display-name")).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(/type=image/);
  await expect(tiles(page).nth(at)).toBeInViewport();
  // The row of filters is hidden on a phone (it is behind "Filters"), yet it kept the choice.
  await expect(page.getByTestId("type-filter").locator('[aria-checked="true"]')).toHaveText("Images");
  await expect(page.getByTestId("vault-filters-button")).toContainText("1");
});

test("bad input and failures are explained, and leave nothing half-done", async ({ page }) => {
  // Three uploads, one through three failed attempts and back-off (~5 s):
  // ~45 s alone, more on a busy machine.
  test.setTimeout(180_000);
  await openVault(page);
  // A duplicate folder name: Fanvue's 409, said on the field; the list is unchanged.
  await page.getByRole("button", { name: "New folder" }).click();
  const dialog = page.getByTestId("folder-dialog");
  await dialog.getByLabel("Folder name").fill("Sets");
  await dialog.getByRole("button", { name: "Create folder" }).click();
  await expect(dialog.getByRole("alert")).toHaveText("A folder named “Sets” already exists. Choose another name.");
  await dialog.getByLabel("Folder name").fill("a/b");
  await dialog.getByRole("button", { name: "Create folder" }).click();
  await expect(dialog.getByRole("alert")).toHaveText('Folder name cannot contain "/"');
  await screenshots(page, "vault-folder-error");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByTestId("folder-item").filter({ hasText: /^Sets/ })).toHaveCount(1);

  // An unsupported file is refused before anything is sent.
  await page
    .getByTestId("upload-input")
    .setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("hello") });
  await expect(page.getByTestId("vault-notice")).toContainText("notes.txt: this file type is not supported");
  await expect(page.getByTestId("upload-row")).toHaveCount(0);

  // Files dropped anywhere on the page are uploaded.
  const dropped = await page.evaluateHandle(() => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(2048)], "dropped.png", { type: "image/png" }));
    return dt;
  });
  await page.dispatchEvent("main", "dragenter", { dataTransfer: dropped });
  await expect(page.getByTestId("drop-overlay")).toBeVisible();
  await page.dispatchEvent("main", "drop", { dataTransfer: dropped });
  await expect(page.getByTestId("drop-overlay")).toHaveCount(0);
  await expect(page.getByTestId("upload-row").filter({ hasText: "dropped.png" })).toHaveAttribute(
    "data-status",
    /processing|ready/,
  );

  // Part 2 fails every automatic attempt; Retry sends part 2 only.
  await sandboxAdmin("/calls", undefined, "DELETE");
  await addFault({ path: "/__upload/*/2", method: "PUT", status: 500, times: 3 });
  await page
    .getByTestId("upload-input")
    .setInputFiles({ name: "retry-me.mp4", mimeType: "video/mp4", buffer: Buffer.alloc(20 * MB, 3) });
  const row = page.getByTestId("upload-row").filter({ hasText: "retry-me.mp4" });
  await expect(row).toHaveAttribute("data-status", "failed", { timeout: 20_000 });
  await expect(row.getByTestId("upload-status")).toContainText("Part 2 of 2 failed to upload");
  await screenshots(page, "vault-upload-failed");
  await row.getByRole("button", { name: "Retry retry-me.mp4" }).click();
  await expect(row).toHaveAttribute("data-status", /processing|ready/, { timeout: 20_000 });
  const puts = (
    await sandboxAdmin<{ calls: { method: string; path: string; status: number }[] }>("/calls?path=/__upload/**")
  ).calls.filter((c) => c.method === "PUT");
  expect(puts.filter((c) => c.path.endsWith("/1"))).toHaveLength(1);
  expect(puts.filter((c) => c.path.endsWith("/2")).map((c) => c.status)).toEqual([500, 500, 500, 200]);

  // A cancelled upload leaves nothing on screen, now or after a reload.
  await addFault({ path: "/__upload/**", method: "PUT", latencyMs: 5_000 });
  await page
    .getByTestId("upload-input")
    .setInputFiles({ name: "cancel-me.mp4", mimeType: "video/mp4", buffer: Buffer.alloc(6 * MB, 1) });
  const cancelRow = page.getByTestId("upload-row").filter({ hasText: "cancel-me.mp4" });
  await expect(cancelRow).toHaveAttribute("data-status", "uploading");
  await cancelRow.getByRole("button", { name: "Cancel cancel-me.mp4" }).click();
  await expect(cancelRow).toHaveCount(0);
  await clearFaults();
  await page.reload();
  await expect(tiles(page).first()).toBeVisible();
  await expect(page.locator('[data-testid="vault-tile"][data-status="created"]')).toHaveCount(0);
  await expect(page.getByTestId("vault-tile").filter({ hasText: "cancel-me.mp4" })).toHaveCount(0);
});

test("a folder's menu renames it, then deletes it, by pointer and by keyboard", async ({ page }) => {
  await openVault(page);
  const name = `Menu ${Date.now().toString(36)}`;
  await page.getByRole("button", { name: "New folder" }).click();
  await page.getByTestId("folder-dialog").getByLabel("Folder name").fill(name);
  await page.getByRole("button", { name: "Create folder" }).click();
  await expect(page.getByTestId("folder-item").filter({ hasText: name })).toHaveCount(1);

  // Pointer: the menu's code loads on the way, the press opens it once it has.
  await page.getByRole("button", { name: `Actions for folder ${name}` }).click();
  await page.getByRole("menuitem", { name: "Rename" }).click();
  const rename = page.getByTestId("folder-dialog");
  await rename.getByLabel("Folder name").fill(`${name} renamed`);
  await rename.getByRole("button", { name: "Rename" }).click();
  await expect(rename).toHaveCount(0);
  const renamed = page.getByTestId("folder-item").filter({ hasText: `${name} renamed` });
  await expect(renamed).toHaveCount(1);

  // Keyboard: focus the trigger, Enter opens the menu, arrows move, Enter picks.
  await page.getByRole("button", { name: `Actions for folder ${name} renamed` }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("menuitem", { name: "Delete" })).toBeVisible();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("menuitem", { name: "Delete" })).toBeFocused();
  await page.keyboard.press("Enter");
  await page.getByTestId("delete-folder-dialog").getByRole("button", { name: "Delete folder" }).click();
  await expect(renamed).toHaveCount(0);
});
