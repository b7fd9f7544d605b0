import { createHmac } from "node:crypto";
import { expect, test, type Page } from "./fixtures/test";
import { signInWhenFanvueAllows } from "./chats-fixtures";
import { workspaceOf } from "./fixtures/db";
import { budgetLeft, clearFaults, sandboxAdmin } from "./fixtures/sandbox";
import { screenshots } from "./screenshot";

// Each test starts with Luna's Fanvue budget to spare, whatever earlier tests spent.
test.beforeEach(() => budgetLeft("luna"));

// The inbox: filters, a conversation with the fan panel, a PPV send with a
// vault item, keyboard use, idempotent sends over HTTP, live updates from
// signed webhooks (and refusal of bad ones).

test.afterEach(() => clearFaults());

const rows = (page: Page) => page.getByTestId("chat-row");

async function openChats(page: Page) {
  await signInWhenFanvueAllows(page, "luna");
  await page.waitForURL(/\/c\/[^/?]+/);
  const creatorId = page.url().match(/\/c\/([^/?]+)/)![1]!;
  await page.getByRole("link", { name: "Chats" }).first().click();
  await expect(page).toHaveURL(/\/chats/);
  await expect(rows(page).first()).toBeVisible();
  return creatorId;
}

/** Sandbox calls to one path glob since `seq` (see lastSeq). */
const callsSince = async (seq: number, path: string) =>
  (await sandboxAdmin<{ calls: { method: string; status: number }[] }>(`/calls?since=${seq}&path=${path}`)).calls;
const lastSeq = async () => (await sandboxAdmin<{ lastSeq: number }>("/calls?summary=1")).lastSeq;

/** A fan just wrote: an unread chat at the top of the inbox. */
const fanWrites = (text: string, fan?: string) =>
  sandboxAdmin<{ fanUuid: string; messageUuid: string }>("/simulate/message", {
    creator: "luna",
    text,
    ...(fan ? { fan } : {}),
  });

/** A PPV message with a vault item: refused below Fanvue's lowest price, then sent once at $5,
 * as Fanvue's history confirms. */
async function sendPpvWithVaultItem(page: Page, fanUuid: string) {
  await page.getByTestId("attach-media").click();
  const picker = page.getByTestId("vault-picker");
  const tile = picker.locator('[data-testid="vault-tile"][data-status="ready"]').first();
  const mediaUuid = await tile.getAttribute("data-uuid");
  await tile.getByTestId("tile-select").click();
  await picker.getByTestId("picker-confirm").click();
  await expect(page.getByTestId("attachment")).toHaveCount(1);
  await page.getByTestId("composer-price").fill("2");
  const ppvText = `Something special for you 🔒 ${Date.now()}`;
  await page.getByTestId("composer-text").fill(ppvText);
  await page.getByTestId("send-button").click();
  await expect(page.getByTestId("composer-error")).toHaveText(/lowest price Fanvue allows is \$3\.00/);
  await page.getByTestId("composer-price").fill("5");
  await expect(page.getByTestId("send-button")).toHaveText(/Send for \$5\.00/);
  const seq = await lastSeq();
  await page.getByTestId("send-button").click();
  const sent = page.getByTestId("message").filter({ hasText: ppvText });
  await expect(sent).toHaveCount(1);
  // From the first frame it shows what was attached, never a grey "Media" box.
  await expect(sent.getByTestId("message-thumb")).toBeVisible();
  await expect(sent.getByTestId("message-media")).not.toContainText("Media");
  await expect(sent.getByTestId("ppv-badge")).toContainText("$5.00");
  // Confirmed by Fanvue's history: not bought yet, sent by Luna.
  await expect(sent.getByTestId("ppv-badge")).toContainText("Not bought yet", { timeout: 15_000 });
  await expect(sent.getByTestId("sent-by")).toHaveText("· Sent by Luna Vale");
  await expect(sent.getByTestId("message-media")).toBeVisible();
  // The server's copy keeps the thumbnail.
  await expect(sent.getByTestId("message-thumb")).toBeVisible();
  expect(
    (await callsSince(seq, `/chats/${fanUuid}/message`)).filter((c) => c.method === "POST").map((c) => c.status),
  ).toEqual([201]);
  expect(mediaUuid).toBeTruthy();
  await screenshots(page, "chats-conversation");
}

/** Keyboard: r focuses the composer, Ctrl+Enter sends, Escape leaves it, j and k move between
 * chats; our own message can be taken back, a fan's cannot. */
async function sendAndUnsendByKeyboard(page: Page, fanUuid: string) {
  await page.getByTestId("messages").click({ position: { x: 5, y: 5 } });
  await page.keyboard.press("r");
  await expect(page.getByTestId("composer-text")).toBeFocused();
  await page.keyboard.type("Sent from the keyboard");
  await page.keyboard.press("Control+Enter");
  const typed = page.getByTestId("message").filter({ hasText: "Sent from the keyboard" });
  await expect(typed).toHaveCount(1);
  // Our own message can be taken back (once Fanvue has it); a fan's cannot.
  page.once("dialog", (d) => void d.accept());
  await typed.getByTestId("unsend-message").click();
  await expect(page.getByTestId("toast").filter({ hasText: "Message unsent" })).toBeVisible();
  await expect(typed).toHaveCount(0);
  await expect(page.locator('[data-testid="message"][data-from="fan"] [data-testid="unsend-message"]')).toHaveCount(0);
  await page.keyboard.press("Escape");
  const before = page.url();
  await page.keyboard.press("j");
  await expect(page).not.toHaveURL(before);
  await page.keyboard.press("k");
  await expect(page).toHaveURL(new RegExp(`chat=${fanUuid}`));
}

test("inbox journey: filter unread, open a chat, fan panel, PPV with a vault item, keyboard", async ({ page }) => {
  test.setTimeout(120_000);
  const { fanUuid } = await fanWrites("Hi Luna, are you there? (e2e)");
  const creatorId = await openChats(page);
  await expect(page.getByTestId("unread-total")).toContainText("unread");
  await screenshots(page, "chats-inbox");

  // Unread only, reflected in the URL.
  await page.getByTestId("chat-filters").getByRole("radio", { name: "Unread" }).click();
  await expect(page).toHaveURL(/filter=unread/);
  await expect(page.getByTestId("chat-list")).toHaveAttribute("aria-busy", "false");
  await expect(rows(page).first()).toBeVisible();
  const flags = await rows(page).evaluateAll((els) => els.map((e) => e.getAttribute("data-unread")));
  expect(new Set(flags)).toEqual(new Set(["true"]));

  // Open the chat: history, the fan panel beside it; opening marks it read.
  await page.locator(`[data-testid="chat-row"][data-fan="${fanUuid}"]`).click();
  await expect(page).toHaveURL(new RegExp(`chat=${fanUuid}`));
  await expect(page.getByTestId("messages")).toContainText("Hi Luna, are you there? (e2e)");
  await expect(page.getByTestId("fan-panel")).toBeVisible();
  // The panel names the fan as the chat does (even one Vuedeck has not seen in the creator's lists).
  // Opened from "Unread", the chat leaves that list; its header keeps the fan's name.
  await expect(page.locator(`[data-testid="chat-row"][data-fan="${fanUuid}"]`)).toHaveCount(0);
  await expect(page.getByTestId("conversation-name")).not.toHaveText("Conversation");
  const chatName = (await page.getByTestId("conversation-name").textContent())!.trim();
  await expect(page.getByTestId("fan-panel-name")).toHaveText(chatName);
  await expect(page.locator(`[data-testid="chat-row"][data-fan="${fanUuid}"]`)).toHaveCount(0); // left the unread filter
  await page.getByTestId("chat-filters").getByRole("radio", { name: "All" }).click();
  await expect(page.locator(`[data-testid="chat-row"][data-fan="${fanUuid}"]`)).toHaveAttribute("data-unread", "false");

  await sendPpvWithVaultItem(page, fanUuid);

  await sendAndUnsendByKeyboard(page, fanUuid);

  // On a phone the fan panel is one tap away.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByTestId("chat-list")).toBeHidden();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.getByTestId("fan-info-button").click();
  await expect(page.getByRole("dialog").getByTestId("fan-panel")).toBeVisible();
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: "Back to chats" }).click();
  await expect(page.getByTestId("chat-list")).toBeVisible();
  // Nothing wider than the phone: times and unread badges stay on screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  const time = await rows(page).first().getByTestId("chat-time").boundingBox();
  expect(time!.x + time!.width).toBeLessThanOrEqual(390);
  expect(creatorId).toBeTruthy();
});

test("the same send posted 10 times concurrently with one key → exactly one message", async ({ page }) => {
  const { fanUuid } = await fanWrites("idempotency check (e2e)");
  const creatorId = await openChats(page);
  const text = `Only once ${Date.now()}`;
  const seq = await lastSeq();
  const results = await page.evaluate(
    async ({ url, text }) => {
      const body = JSON.stringify({ idempotencyKey: `e2e-${crypto.randomUUID()}`, text });
      const res = await Promise.all(
        Array.from({ length: 10 }, () =>
          fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body }),
        ),
      );
      return Promise.all(
        res.map(async (r) => ({ status: r.status, body: (await r.json()) as { status: string; messageUuid: string } })),
      );
    },
    { url: `/api/creators/${creatorId}/chats/${fanUuid}/messages`, text },
  );
  expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
  expect(new Set(results.map((r) => r.body.messageUuid)).size).toBe(1);
  expect((await callsSince(seq, `/chats/${fanUuid}/message`)).filter((c) => c.method === "POST")).toHaveLength(1);
  const history = await page.request.get(`/api/creators/${creatorId}/chats/${fanUuid}/messages`);
  const items = ((await history.json()) as { items: { text: string }[] }).items;
  expect(items.filter((m) => m.text === text)).toHaveLength(1);
});

test("live: a new message and a tip appear in the open inbox without reload, within 2 s", async ({ page }) => {
  const { fanUuid } = await fanWrites("before the live test (e2e)");
  await openChats(page);
  await page.locator(`[data-testid="chat-row"][data-fan="${fanUuid}"]`).click();
  await expect(page.getByTestId("live-status")).toHaveAttribute("data-status", "live");
  await expect(page.getByTestId("messages")).toContainText("before the live test (e2e)");

  await fanWrites("a live message (e2e)", fanUuid);
  await expect(page.getByTestId("messages")).toContainText("a live message (e2e)", { timeout: 2_000 });

  await sandboxAdmin("/simulate/tip", { creator: "luna", fan: fanUuid, amount: 1234 });
  await expect(page.getByTestId("toast").filter({ hasText: "Tip $12.34" })).toBeVisible({ timeout: 2_000 });
  await screenshots(page, "chats-live-tip");
});

test("live: a purchase shows as a toast on any dashboard page, not only in the inbox", async ({ page }) => {
  const { fanUuid } = await fanWrites("before the purchase toast (e2e)");
  const creatorId = await openChats(page);
  await page.goto(`/c/${creatorId}/vault`);
  // The stream is opened by the dashboard frame on every page.
  await expect(page.getByTestId("live-connection")).toHaveAttribute("data-status", "live");
  await sandboxAdmin("/simulate/tip", { creator: "luna", fan: fanUuid, amount: 2500 });
  await expect(page.getByTestId("toast").filter({ hasText: "Tip $25.00" })).toBeVisible({ timeout: 5_000 });
});

test("agency team inbox: chats of every creator, tagged; a reply records who sent it", async ({ page }) => {
  await budgetLeft("atlas");
  // A fresh chat for each creator: the first page (newest first across
  // creators) then holds all three whatever earlier tests wrote to whom.
  for (const creator of ["mia", "nova", "ivy"])
    await sandboxAdmin("/simulate/message", { creator, text: `Team inbox check for ${creator}` });
  await signInWhenFanvueAllows(page, "atlas");
  const agency = await workspaceOf("atlas");
  await page.goto(`/c/${agency.creators.mia}/chats`);
  await expect(rows(page).first()).toBeVisible();
  await page.getByTestId("team-toggle").click();
  await expect(page).toHaveURL(/team=1/);
  // Creators whose chats are not copied yet are named until their first sync ends.
  await expect(page.getByTestId("team-pending")).toHaveCount(0, { timeout: 30_000 });
  await expect(page.getByTestId("chat-list")).toHaveAttribute("aria-busy", "false");
  // The copy takes the new chats in from the webhooks (or its next sync).
  await expect
    .poll(
      async () => {
        const tags = new Set(await page.getByTestId("chat-creator-tag").allTextContents());
        if (tags.size < 3) await page.reload();
        return tags;
      },
      { timeout: 30_000, intervals: [1_000, 2_000, 3_000] },
    )
    .toEqual(new Set(["@mia", "@nova", "@ivy"]));
  await screenshots(page, "chats-team-inbox");

  // A chat of another creator than the one in the URL.
  const novaRow = rows(page)
    .filter({ has: page.getByTestId("chat-creator-tag").filter({ hasText: "@nova" }) })
    .first();
  await novaRow.click();
  await expect(page.getByTestId("conversation-header")).toContainText("for @nova");
  const text = `Hello from the agency ${Date.now()}`;
  await page.getByTestId("composer-text").fill(text);
  await page.getByTestId("send-button").click();
  const sent = page.getByTestId("message").filter({ hasText: text });
  await expect(sent.getByTestId("sent-by")).toContainText("Sent by", { timeout: 15_000 });
});

test("webhooks: forged, unsigned, stale and replayed deliveries are refused; a valid one is accepted once", async ({
  request,
}) => {
  const hook = await sandboxAdmin<{ url: string; secret: string }>("/webhooks");
  expect(hook.url).toMatch(/\/api\/webhooks\/fanvue$/);
  const body = JSON.stringify({
    recipientUuid: "00000000-0000-4000-8000-000000000000",
    sender: { uuid: "00000000-0000-4000-8000-000000000001", handle: "x" },
    timestamp: new Date().toISOString(),
  });
  const sign = (t: number, secret = hook.secret) =>
    `t=${t},v0=${createHmac("sha256", secret).update(`${t}.${body}`).digest("hex")}`;
  const post = (headers: Record<string, string>) =>
    request.post("/api/webhooks/fanvue", { data: body, headers: { "Content-Type": "application/json", ...headers } });
  const now = Math.floor(Date.now() / 1000);

  expect((await post({ "X-Fanvue-Signature": sign(now, "not-the-secret") })).status()).toBe(401);
  expect((await post({})).status()).toBe(401);
  expect((await post({ "X-Fanvue-Signature": sign(now - 6 * 60) })).status()).toBe(401);
  const valid = sign(now);
  expect((await post({ "X-Fanvue-Signature": valid })).status()).toBe(200);
  const replay = await post({ "X-Fanvue-Signature": valid });
  expect(replay.status()).toBe(409);
  expect(await replay.text()).toMatch(/Replayed/);

  // The sandbox's own stale delivery is refused too.
  const stale = await sandboxAdmin<{ status: string; attempts: { status: number }[] }>("/webhooks/deliver", {
    event: "new-follower",
    creator: "luna",
    signatureTimestamp: now - 10 * 60,
    wait: true,
  });
  expect(stale.attempts.map((a) => a.status)).toContain(401);
  expect(stale.status).toBe("failed");
  // An accepted delivery ends the "clock skew" state this left (the live
  // indicator would say "Webhooks refused" instead of "Live" in later tests).
  expect(
    (
      await sandboxAdmin<{ status: string }>("/webhooks/deliver", {
        event: "new-follower",
        creator: "luna",
        wait: true,
      })
    ).status,
  ).toBe("delivered");
});
