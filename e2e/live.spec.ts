import { expect, test, type Browser, type Page } from "./fixtures/test";
import { signInWhenFanvueAllows } from "./chats-fixtures";
import { staffContext } from "./fixtures/auth";
import { createStaff, removeStaff, workspaceOf } from "./fixtures/db";
import { budgetLeft, clearFaults, sandboxAdmin } from "./fixtures/sandbox";
import { screenshots } from "./screenshot";

// The live indicator and the live stream's access, in the browser: a member
// removed, or a session signed out in another tab, stops the open page's
// live updates at once and says so; Fanvue's deliveries refused for a clock
// skew turn "Live" into a warning naming the skew.

test.beforeEach(() => budgetLeft("luna"));
test.afterEach(() => clearFaults());

const nowSec = () => Math.floor(Date.now() / 1000);
const deliver = (signatureTimestamp?: number) =>
  sandboxAdmin<{ status: string; attempts: { status: number }[] }>("/webhooks/deliver", {
    event: "new-follower",
    creator: "luna",
    wait: true,
    ...(signatureTimestamp ? { signatureTimestamp } : {}),
  });

/** A chatter of Luna's workspace, signed in in a browser context of their own. */
async function chatterPage(browser: Browser, baseURL: string, name: string) {
  const ws = await workspaceOf("luna");
  const staff = await createStaff(ws.id, "chatter", null, name);
  const context = await staffContext(browser, baseURL, staff.cookie);
  const page = await context.newPage();
  await page.goto(`/c/${ws.creators.luna}/chats`);
  // The stream is open (webhooks delivered or refused: either way it is connected).
  await expect(page.getByTestId("live-connection")).toHaveAttribute("data-status", /^(live|refused)$/);
  return { ws, staff, context, page };
}

const stopped = async (page: Page, text: string) => {
  const marker = page.getByTestId("live-connection");
  await expect(marker).toHaveAttribute("data-status", "revoked", { timeout: 3_000 });
  await expect(marker).toHaveText(text);
};

test("a chatter removed by the owner: their open page stops live updates at once and says so", async ({
  page,
  browser,
  baseURL,
}) => {
  await signInWhenFanvueAllows(page, "luna");
  const chatter = await chatterPage(browser, baseURL!, "Live Chatter");
  const members = (await (await page.request.get(`/api/workspaces/${chatter.ws.id}/members`)).json()) as {
    id: string;
    userId: string;
  }[];
  const member = members.find((m) => m.userId === chatter.staff.userId)!;
  const removed = await page.request.delete(`/api/workspaces/${chatter.ws.id}/members/${member.id}`, {
    headers: { Origin: new URL(baseURL!).origin },
  });
  expect(removed.status()).toBe(200);
  await stopped(chatter.page, "No access: live updates stopped");
  await expect(chatter.page.getByTestId("live-status")).toHaveText("No access: live updates stopped");
  await chatter.context.close();
});

test("signing out in one tab stops the live updates of the session's other tabs at once", async ({
  page,
  browser,
  baseURL,
}) => {
  // Luna's workspace exists once she has signed in.
  await signInWhenFanvueAllows(page, "luna");
  const chatter = await chatterPage(browser, baseURL!, "Live Sign-out");
  const other = await chatter.context.newPage();
  await other.goto(`/c/${chatter.ws.creators.luna}/chats`);
  await other.getByTestId("user-menu").click();
  await other.getByTestId("sign-out").click();
  await other.waitForURL(/\/sign-in/);
  await stopped(chatter.page, "Signed out: live updates stopped");
  await chatter.context.close();
  await removeStaff(chatter.ws.id, chatter.staff.userId);
});

test("Fanvue's deliveries refused for a clock skew: the indicator says to check the server clock instead of Live", async ({
  page,
}) => {
  test.setTimeout(90_000);
  // Whatever earlier tests had refused is over once a delivery is accepted.
  expect((await deliver()).status).toBe("delivered");
  await signInWhenFanvueAllows(page, "luna");
  await page.getByRole("link", { name: "Chats" }).first().click();
  const badge = page.getByTestId("live-status");
  await expect(badge).toHaveAttribute("data-status", "live");

  // Correctly signed, 10 minutes old: refused, and the open page is told on its stream's next re-check (20 s).
  const stale = await deliver(nowSec() - 10 * 60);
  expect(stale.status).toBe("failed");
  expect(stale.attempts.every((a) => a.status === 401)).toBe(true);
  await expect(badge).toHaveAttribute("data-status", "refused", { timeout: 30_000 });
  await expect(badge).toHaveText("Webhooks refused: check the server clock (off by 10 min)");
  await expect(page.getByTestId("live-connection")).toHaveText(
    "Webhooks refused: check the server clock (off by 10 min)",
  );
  await screenshots(page, "live-clock-skew");

  // An accepted delivery: the clocks agree again.
  expect((await deliver()).status).toBe("delivered");
  await page.reload();
  await expect(badge).toHaveAttribute("data-status", "live");
});
