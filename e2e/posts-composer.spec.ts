import { expect, test } from "./fixtures/test";
import { addDays, localDate } from "../lib/utils/date-range";
import { fromLocalInputs } from "../lib/utils/post-time";
import {
  attachFromVault,
  openComposer,
  order,
  postCalls,
  postsWithText,
  sandboxPost,
  shot,
  TZ,
} from "./fixtures/posts";
import { budgetLeft, addFault, clearFaults, sandboxAdmin } from "./fixtures/sandbox";

// Each test starts with Luna's Fanvue budget to spare, whatever earlier tests spent.
test.beforeEach(() => budgetLeft("luna"));

// The composer's safety nets: drafts that survive a reload, one post per
// publish whatever the clicks and lost answers, inline and Fanvue errors, and
// editing, cancelling and rescheduling a queued post.

test.use({ timezoneId: TZ, locale: "en-GB" });
test.afterEach(() => clearFaults());

test("a draft survives a reload mid-way", async ({ page }) => {
  const creatorId = await openComposer(page);
  const text = `Half-written 👋🏽 caption ${Date.now()}`;
  await page.getByTestId("composer-text").fill(text);
  const [m] = await attachFromVault(page, 1);
  await page.getByTestId("pricing").getByRole("radio", { name: "Pay-per-view" }).click();
  await page.getByTestId("price-input").fill("7.5");
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved");
  await expect(page).toHaveURL(/draft=/);
  // "Saved" may still be the save before the last change: reload once the stored draft holds it all.
  const draftId = new URL(page.url()).searchParams.get("draft")!;
  await expect
    .poll(async () => {
      const d = (await (await page.request.get(`/api/creators/${creatorId}/posts/drafts/${draftId}`)).json()) as {
        form?: { text: string; mediaUuids: string[]; ppv: boolean; price: string };
      };
      return d.form && [d.form.text, d.form.mediaUuids, d.form.ppv, d.form.price];
    })
    .toEqual([text, [m], true, "7.5"]);
  await page.reload();
  await expect(page.getByTestId("draft-restored")).toBeVisible();
  await expect(page.getByTestId("composer-text")).toHaveValue(text);
  await expect(page.getByTestId("text-count")).toHaveText(`${text.length} / 5,000`);
  await expect.poll(() => order(page)).toEqual([m]);
  await expect(page.getByTestId("pricing").getByRole("radio", { name: "Pay-per-view" })).toHaveAttribute(
    "aria-checked",
    "true",
  );
  await expect(page.getByTestId("price-input")).toHaveValue("7.5");
  // Also listed on the posts page, for its author.
  await page.goto(`/c/${creatorId}/posts`);
  await expect(page.getByTestId("draft-item").filter({ hasText: text })).toBeVisible();
});

test("a double click on Publish makes exactly one post, and a lost answer is not resent", async ({ page }) => {
  await openComposer(page);
  const text = `Only once ${Date.now()}`;
  await page.getByTestId("composer-text").fill(text);
  await sandboxAdmin("/calls", undefined, "DELETE");
  await page.getByTestId("publish-button").dblclick();
  await page.waitForURL(/\/posts\?done=/);
  await expect(page.getByTestId("posts-notice")).toContainText("Published");
  expect(await postsWithText(text)).toHaveLength(1);
  expect(await postCalls()).toBe(1);

  // Fanvue makes the post but the answer never arrives: found, not sent twice.
  await page.getByTestId("new-post").click();
  const lost = `Answer lost ${Date.now()}`;
  await page.getByTestId("composer-text").fill(lost);
  await sandboxAdmin("/calls", undefined, "DELETE");
  await addFault({ path: "/posts", method: "POST", drop: "after", times: 1 });
  await page.getByTestId("publish-button").click();
  await page.waitForURL(/\/posts\?done=/);
  expect(await postsWithText(lost)).toHaveLength(1);
  expect(await postCalls()).toBe(1);
});

test("bad input is caught as the user types; Fanvue's own refusal shows at its field and keeps the draft", async ({
  page,
}) => {
  await openComposer(page);
  await page.getByTestId("composer-text").fill("x".repeat(5003));
  await expect(page.getByTestId("error-text")).toHaveText("Text: Text is 3 characters over Fanvue's 5,000 limit.");
  await page.getByTestId("composer-text").fill("Sale today");
  await page.getByTestId("pricing").getByRole("radio", { name: "Pay-per-view" }).click();
  await page.getByTestId("price-input").fill("5");
  await expect(page.getByTestId("error-price")).toContainText("needs at least one media item");
  await page.getByTestId("expires-toggle").check();
  await page.getByTestId("schedule-mode").getByRole("radio", { name: "Schedule" }).click();
  await page.getByTestId("expiresAt-date").fill(localDate(Date.now(), TZ));
  await page.getByTestId("expiresAt-time").fill("00:00");
  await expect(page.getByTestId("error-expiresAt")).toContainText("after the publish time");
  await page.getByTestId("publish-button").click();
  await expect(page.getByTestId("error-summary")).toContainText("2 things to fix");
  await page.getByTestId("expires-toggle").uncheck();
  await page.getByTestId("pricing").getByRole("radio", { name: "Free" }).click();
  await page.getByTestId("schedule-mode").getByRole("radio", { name: "Publish now" }).click();
  await expect(page.getByTestId("error-summary")).toHaveCount(0);
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved");

  await addFault({
    path: "/posts",
    method: "POST",
    status: 400,
    body: { errors: ["text must not contain contact details"] },
    times: 1,
  });
  await page.getByTestId("publish-button").click();
  // Our words at the field; Fanvue's own sentence stays in the log.
  await expect(page.getByTestId("error-text")).toHaveText(
    "Text: Fanvue did not accept the text. Change it and send again.",
  );
  await expect(page).toHaveURL(/\/posts\/new\?draft=/);
  await shot(page, "composer-refused");
  await page.getByTestId("composer-text").fill("Sale today!");
  await expect(page.getByTestId("error-text")).toHaveCount(0);
  await page.getByTestId("publish-button").click();
  await page.waitForURL(/\/posts\?done=/);
  expect(await postsWithText("Sale today!")).toHaveLength(1);
});

test("the vault's link fills the composer; a queued post is edited, cancelled and scheduled again", async ({
  page,
}) => {
  test.setTimeout(150_000);
  test.setTimeout(120_000);
  const creatorId = await openComposer(page);
  const vault = (await (await page.request.get(`/api/creators/${creatorId}/media?type=image`)).json()) as {
    items: { uuid: string; status: string }[];
  };
  const [a, b] = vault.items.filter((i) => i.status === "ready").map((i) => i.uuid);
  await page.goto(`/c/${creatorId}/posts/new?media=${b},${a}`);
  // Up to a rate window: the lookups share Luna's Fanvue budget with the background sync.
  await expect(page.locator('[data-testid="attachment"][data-status="ready"]')).toHaveCount(2, { timeout: 30_000 });
  await expect.poll(() => order(page)).toEqual([b, a]);
  // Uploaded on the spot: attached while Fanvue processes it; publishing waits for it.
  await page
    .getByTestId("composer-upload-input")
    .setInputFiles({ name: "on-the-spot.png", mimeType: "image/png", buffer: Buffer.alloc(64 * 1024, 3) });
  await expect(page.getByTestId("attachment")).toHaveCount(3, { timeout: 20_000 });
  const uploaded = (await order(page))[2]!;
  await expect(page.locator(`[data-testid="attachment"][data-uuid="${uploaded}"]`)).toHaveAttribute(
    "data-status",
    "ready",
    { timeout: 30_000 },
  );

  const text = `To be edited ${Date.now()}`;
  const tomorrow = addDays(localDate(Date.now(), TZ), 1);
  const day = new Date(`${tomorrow}T12:00:00Z`).toLocaleDateString("en-GB", { weekday: "short", timeZone: "UTC" });
  await page.getByTestId("composer-text").fill(text);
  await page.getByTestId("schedule-mode").getByRole("radio", { name: "Schedule" }).click();
  await page.getByTestId("publishAt-date").fill(tomorrow);
  await page.getByTestId("publishAt-time").fill("18:00");
  await page.getByTestId("publish-button").click();
  await page.waitForURL(/\/posts\?done=/);
  const uuid = new URL(page.url()).searchParams.get("done")!;
  const item = page.locator(`[data-testid="queue-item"][data-id="${uuid}"]`);

  // Edit: new text and time, saved to Fanvue with only what changed.
  await item.getByTestId("queue-item-actions").click();
  await page.getByRole("menuitem", { name: "Edit or reschedule" }).click();
  await expect(page.getByRole("heading", { name: "Edit post" })).toBeVisible();
  await expect(page.getByTestId("composer-text")).toHaveValue(text);
  await page.getByTestId("composer-text").fill(`${text} (edited)`);
  await page.getByTestId("publishAt-time").fill("19:15");
  await expect(page.getByTestId("publish-button")).toHaveText(`Save · goes out ${day} 19:15 CET`);
  await page.getByTestId("publish-button").click();
  await page.waitForURL(/\/posts\?done=/);
  await expect(page.getByTestId("posts-notice")).toContainText(`It goes out ${day} 19:15 CET`);
  const at = fromLocalInputs(tomorrow, "19:15", TZ)!;
  expect(await sandboxPost(uuid)).toMatchObject({
    text: `${text} (edited)`,
    publishAt: at,
    mediaUuids: [b, a, uploaded],
  });

  // Cancel: out of the queue, parked on Fanvue, listed as cancelled.
  await item.getByTestId("queue-item-actions").click();
  await page.getByRole("menuitem", { name: "Cancel post" }).click();
  await expect(page.getByTestId("confirm-dialog")).toContainText("1 Jan 2099");
  await page.getByTestId("confirm-action").click();
  await expect(item).toHaveCount(0);
  expect((await sandboxPost(uuid))?.publishAt).toBe("2099-01-01T00:00:00.000Z");
  const cancelled = page.getByTestId("cancelled-posts");
  await cancelled.locator("summary").click();
  await expect(cancelled).toContainText(`was ${day} 19:15 CET`);

  // …and scheduled again at its old time.
  await cancelled.getByRole("link", { name: "Schedule again" }).click();
  await expect(page.getByRole("heading", { name: "Reschedule cancelled post" })).toBeVisible();
  await expect(page.getByTestId("publish-button")).toHaveText(`Reschedule for ${day} 19:15 CET`);
  await page.getByTestId("publish-button").click();
  await page.waitForURL(/\/posts\?done=/);
  // When an earlier sync spent Luna's rate window the queue shows its last
  // good read (marked stale) and refreshes by itself once the window moves on.
  await expect(item.getByTestId("queue-time")).toHaveText("19:15", { timeout: 75_000 });
  expect((await sandboxPost(uuid))?.publishAt).toBe(at);
  await expect(page.getByTestId("cancelled-posts")).toHaveCount(0);
});
