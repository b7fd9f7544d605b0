import { expect, test, type Browser, type Page } from "./fixtures/test";
import { signInWhenFanvueAllows } from "./chats-fixtures";
import { staffContext } from "./fixtures/auth";
import { createStaff, removeStaff, workspaceOf } from "./fixtures/db";
import { budgetLeft, clearFaults, sandboxAdmin } from "./fixtures/sandbox";
import { screenshots } from "./screenshot";

// Chat ownership with two members on the same chat: the chatter claims it and
// the owner sees "… is answering" (and the badge in the inbox), then typing;
// the owner is asked before sending anyway and becomes the one answering;
// the owner assigns the chat back and the chatter sees it.

test.beforeEach(() => budgetLeft("luna"));
test.afterEach(() => clearFaults());

/** Presence is polled every 5 s and heartbeats come every 10 s. */
const SEEN = { timeout: 20_000 };
const CHATTER = "Kai Claims";

/** A chatter of Luna's workspace, signed in in a browser context of their own. */
async function chatterContext(browser: Browser, baseURL: string, wsId: string) {
  const staff = await createStaff(wsId, "chatter", null, CHATTER);
  const context = await staffContext(browser, baseURL, staff.cookie);
  return { staff, context, page: await context.newPage() };
}

const line = (page: Page) => page.getByTestId("claim-line");

async function openChat(page: Page, creatorId: string, fan: string) {
  await page.goto(`/c/${creatorId}/chats?chat=${fan}`);
  await expect(page.getByTestId("conversation-header")).toBeVisible();
  await expect(page.getByTestId("claim-bar")).toBeVisible();
}

/** The chatter claims the free chat; the owner sees them answering, in the header and the inbox. */
async function chatterClaims(owner: Page, chatter: Page, creatorId: string, fan: string) {
  await openChat(chatter, creatorId, fan);
  await expect(line(chatter)).toHaveText(/Nobody is answering this fan|has this chat open/);
  await chatter.getByTestId("claim-button").click();
  await expect(line(chatter)).toHaveText("You are answering");
  await openChat(owner, creatorId, fan);
  await expect(line(owner)).toHaveText(`${CHATTER} is answering`, SEEN);
  await expect(owner.locator(`[data-testid="chat-row"][data-fan="${fan}"] [data-testid="chat-holder"]`)).toContainText(
    CHATTER,
  );
  // A chatter cannot assign; the owner can.
  await expect(chatter.getByTestId("assign-button")).toHaveCount(0);
  await expect(owner.getByTestId("assign-button")).toBeVisible();
}

/** The owner writes anyway: asked first, the message goes out, and the owner is now answering. */
async function ownerSendsAnyway(owner: Page, chatter: Page) {
  const text = `I'll take this one ${Date.now()}`;
  await owner.getByTestId("composer-text").fill(text);
  await owner.getByTestId("send-button").click();
  const ask = owner.getByTestId("send-anyway");
  await expect(ask).toContainText(`${CHATTER} is answering this fan — send anyway?`);
  await owner.getByTestId("send-anyway-button").click();
  await expect(owner.getByTestId("messages")).toContainText(text);
  await expect(line(owner)).toHaveText("You are answering", SEEN);
  await expect(line(chatter)).toHaveText(/Luna.* is answering/, SEEN);
}

test("two members on one chat: each sees who holds it, typing, send anyway, assignment", async ({
  page,
  browser,
  baseURL,
}) => {
  // Two browsers, several waits for 5 s polls and 10 s beats, three pairs of screenshots.
  test.setTimeout(150_000);
  await signInWhenFanvueAllows(page, "luna");
  const ws = await workspaceOf("luna");
  const creatorId = ws.creators.luna!;
  const { fanUuid: fan } = await sandboxAdmin<{ fanUuid: string }>("/simulate/message", {
    creator: "luna",
    text: `Who is there? ${Date.now()}`,
  });
  const chatter = await chatterContext(browser, baseURL!, ws.id);
  try {
    await chatterClaims(page, chatter.page, creatorId, fan);
    await chatter.page.getByTestId("composer-text").fill("Typing a reply…");
    await expect(line(page)).toHaveText(`${CHATTER} is typing…`, SEEN);
    await screenshots(page, "chat-claim");
    await screenshots(chatter.page, "chat-claim-chatter");
    await chatter.page.getByTestId("composer-text").fill("");
    await ownerSendsAnyway(page, chatter.page);

    await page.getByTestId("assign-button").click();
    await page.locator(`[data-testid="assign-member"][data-member="${CHATTER}"]`).click();
    await expect(line(page)).toHaveText(`Assigned to ${CHATTER}`);
    await expect(line(chatter.page)).toHaveText("Assigned to you", SEEN);
    await screenshots(page, "chat-claim-assigned");
    await page.getByTestId("assign-button").click();
    await page.getByTestId("release-other").click();
    await expect(line(page)).toHaveText(/Nobody is answering this fan|is typing|has this chat open/);
    await expect(line(chatter.page)).not.toHaveText(/Assigned/, SEEN);
  } finally {
    await chatter.context.close();
    await removeStaff(ws.id, chatter.staff.userId);
  }
});
