import { expect, test } from "./fixtures/test";
import { addDays, localDate } from "../lib/utils/date-range";
import { signInAs } from "./fixtures/auth";
import { ageSnapshots, workspaceOf } from "./fixtures/db";
import { shot, TZ, type SbPost } from "./fixtures/posts";
import { addFault, budgetLeft, clearFaults, sandboxAdmin } from "./fixtures/sandbox";

// @atlas on a managed creator (@mia): post history, the queue and price picks
// come from /creators/{c}/posts like a creator's own; posts go out, are
// cancelled and show up there; when Fanvue refuses the list, the page shows
// what Vuedeck made and says why, in our words.

test.use({ timezoneId: TZ, locale: "en-GB" });
test.beforeEach(() => budgetLeft("atlas"));
test.afterEach(() => clearFaults());

const PARKED = "2099-01-01T00:00:00.000Z";
const miaPosts = async () => (await sandboxAdmin<{ posts: SbPost[] }>("/truth/posts?creator=mia&all=1")).posts;
const scheduledOnFanvue = async () =>
  (await miaPosts()).filter((p) => p.publishedAt === null && p.publishAt !== PARKED).map((p) => p.uuid);

test("@atlas sees @mia's queue, history and usual prices from Fanvue, posts, cancels, and is told plainly when Fanvue refuses the list", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signInAs(page, "atlas");
  const ws = await workspaceOf("atlas");
  const mia = ws.creators.mia!;
  await page.goto(`/c/${mia}/posts`);

  // The queue holds every scheduled post on Fanvue, also those not made here.
  const items = page.getByTestId("queue-item");
  await expect
    .poll(async () => (await items.evaluateAll((els) => els.map((e) => e.getAttribute("data-id")))).sort())
    .toEqual((await scheduledOnFanvue()).sort());
  await expect(page.getByTestId("queue-limited")).toHaveCount(0);
  // History: Fanvue's own figures for likes and comments.
  const history = page.getByTestId("history-item");
  await expect(history.first()).toBeVisible();
  await expect(page.getByTestId("history-limited")).toHaveCount(0);
  await expect(history.first().getByTitle("Likes")).toHaveText(/\d/);
  await shot(page, "posts-agency");

  // Compose: @mia's usual prices are offered, then a scheduled free post.
  await page.getByTestId("new-post").click();
  await expect(page.getByText("Posting as @mia through your agency")).toBeVisible();
  await page.getByTestId("pricing").getByRole("radio", { name: "Pay-per-view" }).click();
  await expect(page.getByTestId("price-pick").first()).toBeVisible();
  await page.getByTestId("pricing").getByRole("radio", { name: "Free" }).click();
  const text = `From the agency ${Date.now()}`;
  await page.getByTestId("composer-text").fill(text);
  await page.getByTestId("schedule-mode").getByRole("radio", { name: "Schedule" }).click();
  await page.getByTestId("publishAt-date").fill(addDays(localDate(Date.now(), TZ), 2));
  await page.getByTestId("publishAt-time").fill("20:30");
  await sandboxAdmin("/calls", undefined, "DELETE");
  await page.getByTestId("publish-button").click();
  await page.waitForURL(/\/posts\?done=/);
  const uuid = new URL(page.url()).searchParams.get("done")!;
  const mine = page.locator(`[data-testid="queue-item"][data-id="${uuid}"]`);
  await expect(mine.getByTestId("queue-time")).toHaveText("20:30");
  const posted = (
    await sandboxAdmin<{ calls: { method: string; path: string }[] }>("/calls?path=/creators/*/posts")
  ).calls.filter((c) => c.method === "POST");
  expect(posted.map((c) => c.path)).toEqual([`/creators/${await miaUuid()}/posts`]);

  // Cancel it: parked on Fanvue, listed under Cancelled here.
  await mine.getByTestId("queue-item-actions").click();
  await page.getByRole("menuitem", { name: "Cancel post" }).click();
  await page.getByTestId("confirm-action").click();
  await expect(page.getByTestId("posts-notice")).toContainText("Cancelled");
  await expect(mine).toHaveCount(0);
  await expect.poll(async () => (await miaPosts()).find((p) => p.uuid === uuid)?.publishAt).toBe(PARKED);
  await expect(page.getByTestId("cancelled-posts")).toContainText(text.slice(0, 20));

  // Fanvue refuses the list (405): what Vuedeck made is shown, and why the rest is not.
  await addFault({
    path: "/creators/*/posts",
    method: "GET",
    status: 405,
    body: { message: "Method GET not allowed on /creators/x/posts" },
  });
  // The lists read a moment ago are kept 15 s (lib/server/posts/list-cache.ts): past that, the next view reads again.
  await ageSnapshots();
  await page.reload();
  await expect(page.getByTestId("queue-limited")).toContainText(
    "Fanvue does not list this creator's posts for this account, so only posts scheduled in Vuedeck are shown",
  );
  await expect(page.getByTestId("history-limited")).toContainText(
    "only posts made in Vuedeck are shown, without likes, comments and tips",
  );
  await expect(page.getByText(/Method GET|not allowed|Try again in a moment/)).toHaveCount(0);
  await shot(page, "posts-agency-limited");
  await page.goto(`/w/${ws.id}/activity`);
  await expect(page.getByTestId("activity")).toContainText("created a post");
});

async function miaUuid() {
  const accounts = await sandboxAdmin<{ uuid: string; handle: string }[]>("/accounts");
  return accounts.find((a) => a.handle === "mia")!.uuid;
}
