import { expect, test, type APIRequestContext, type Browser, type Page } from "./fixtures/test";
import { signInWhenFanvueAllows } from "./chats-fixtures";
import { staffContext } from "./fixtures/auth";
import { createStaff, removeStaff, workspaceOf } from "./fixtures/db";
import { budgetLeft, sandboxAdmin } from "./fixtures/sandbox";
import { screenshots } from "./screenshot";

// Who sold what, as an agency owner and a chatter see it: a chatter's PPV is
// bought, the ledger syncs, and the owner finds "what Sam sold today" in two
// clicks from the dashboard; Sam sees his own figures and not Kai's; the CSV
// equals the screen; a manager's reassignment moves the sale and says why.

test.beforeEach(() => budgetLeft("atlas"));

type Staff = { userId: string; cookie: string; name: string };

const staffRequest = (browser: Browser, baseURL: string, staff: Staff) => staffContext(browser, baseURL, staff.cookie);

/** Sam sends a $20 PPV to one of Mia's fans through Vuedeck; the fan buys it. */
async function samSellsAPpv(request: APIRequestContext, origin: string, miaId: string) {
  const { fanUuid } = await sandboxAdmin<{ fanUuid: string }>("/simulate/message", { creator: "mia", text: "hey 👋" });
  const vault = (await (await request.get(`/api/creators/${miaId}/media`)).json()) as {
    items: { uuid: string; status: string }[];
  };
  const media = vault.items.find((m) => m.status === "ready")!;
  const sent = await request.post(`/api/creators/${miaId}/chats/${fanUuid}/messages`, {
    headers: { Origin: origin },
    data: { idempotencyKey: `perf-${Date.now()}`, text: "Just for you", mediaUuids: [media.uuid], price: 2000 },
  });
  expect(sent.status()).toBe(201);
  const { messageUuid } = (await sent.json()) as { messageUuid: string };
  await sandboxAdmin("/simulate/purchase", { creator: "mia", fan: fanUuid, messageUuid });
  return fanUuid;
}

/** The owner syncs Mia's ledger and waits until Sam's sale is credited. */
async function syncUntilCredited(page: Page, workspaceId: string, miaId: string, samId: string, origin: string) {
  await page.request.post(`/api/creators/${miaId}/earnings/sync`, { headers: { Origin: origin } });
  const samGross = async () => {
    const r = await page.request.get(`/api/workspaces/${workspaceId}/performance?range=today&tz=UTC`);
    const body = (await r.json()) as { members: { userId: string | null; gross: number }[] };
    return body.members.find((m) => m.userId === samId)?.gross ?? 0;
  };
  await expect.poll(samGross, { timeout: 60_000, intervals: [500] }).toBeGreaterThanOrEqual(2000);
}

test("the owner sees what Sam sold today in two clicks; Sam sees only his own; reassigning moves the sale", async ({
  page,
  browser,
  baseURL,
}) => {
  const origin = new URL(baseURL!).origin;
  await signInWhenFanvueAllows(page, "atlas");
  const ws = await workspaceOf("atlas");
  const sam = { ...(await createStaff(ws.id, "chatter", null, "Sam Sellers")), name: "Sam Sellers" };
  const kai = { ...(await createStaff(ws.id, "chatter", null, "Kai Lund")), name: "Kai Lund" };
  const samContext = await staffRequest(browser, baseURL!, sam);
  try {
    const fan = await samSellsAPpv(samContext.request, origin, ws.creators.mia!);
    await syncUntilCredited(page, ws.id, ws.creators.mia!, sam.userId, origin);
    await ownerFindsSamsSale(page);
    await samSeesOnlyHisOwn(samContext);
    await csvEqualsScreen(page, ws.id);
    await reassignToKai(page);
    await ownerOpensTheChatBehindAFigure(page, fan);
  } finally {
    await samContext.close();
    await removeStaff(ws.id, sam.userId);
    await removeStaff(ws.id, kai.userId);
  }
});

async function ownerFindsSamsSale(page: Page) {
  await page.goto("/");
  await page.getByRole("link", { name: "Performance" }).first().click(); // click 1
  const row = page.getByTestId("member-row-Sam Sellers");
  await expect(row).toContainText("$20.00");
  await row.click(); // click 2
  const sheet = page.getByTestId("member-sales");
  await expect(sheet.getByTestId("sale").first()).toContainText("$20.00");
  await expect(sheet.getByTestId("sale").first()).toContainText("PPV unlock");
  await screenshots(page, "performance-sales");
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("attribution-rules")).toContainText("24 hours");
  await screenshots(page, "performance");
}

async function samSeesOnlyHisOwn(context: Awaited<ReturnType<Browser["newContext"]>>) {
  const page = await context.newPage();
  await page.goto("/");
  await page.getByRole("link", { name: "My sales" }).first().click();
  await expect(page.getByRole("heading", { name: "My sales" })).toBeVisible();
  await expect(page.getByTestId("member-row-Sam Sellers")).toContainText("$20.00");
  await expect(page.getByTestId("leaderboard")).not.toContainText("Kai Lund");
  await expect(page.getByTestId("leaderboard")).not.toContainText("Atlas");
  await screenshots(page, "performance-chatter");
}

async function csvEqualsScreen(page: Page, workspaceId: string) {
  const screen = await page.getByTestId("member-row-Sam Sellers").innerText();
  const csv = await (
    await page.request.get(`/api/workspaces/${workspaceId}/performance/export?range=today&tz=UTC`)
  ).text();
  const line = csv.split("\r\n").find((l) => l.startsWith("Sam Sellers,"))!;
  const [, , gross] = line.split(",");
  expect(screen).toContain(`$${Number(gross).toFixed(2)}`);
}

async function reassignToKai(page: Page) {
  await page.getByTestId("member-row-Sam Sellers").click();
  const sheet = page.getByTestId("member-sales");
  const sale = sheet.getByTestId("sale").filter({ hasText: "$20.00" }).first();
  await sale.getByRole("button", { name: "Reassign" }).click();
  const dialog = page.getByTestId("reassign-dialog");
  await dialog.getByTestId("reassign-to").selectOption({ label: "Kai Lund" });
  await dialog.getByTestId("reassign-submit").click();
  await expect(dialog.getByRole("alert")).toContainText("reason");
  await dialog.getByTestId("reassign-reason").fill("Kai wrote the pitch");
  await dialog.getByTestId("reassign-submit").click();
  await expect(dialog).toBeHidden();
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("member-row-Kai Lund")).toContainText("$20.00");
  await page.getByTestId("member-row-Kai Lund").click();
  await expect(page.getByTestId("member-sales").getByTestId("reassigned-note").first()).toContainText(
    "Kai wrote the pitch",
  );
}

/** From Sam's "Unlocked" figure to the PPV behind it, and from there into that fan's chat. */
async function ownerOpensTheChatBehindAFigure(page: Page, fanUuid: string) {
  await page.keyboard.press("Escape");
  await page.getByTestId("member-row-Sam Sellers").getByTestId("drill-unlocked").click();
  const sheet = page.getByTestId("member-sales");
  await expect(sheet.getByRole("tab", { name: "Messages" })).toHaveAttribute("aria-selected", "true");
  await expect(sheet.getByTestId("sends-kind")).toHaveValue("unlocked");
  const send = sheet.getByTestId("send").first();
  await expect(send).toContainText("$20.00");
  await expect(send).toContainText("Bought");
  await expect(sheet.getByTestId("sends-total")).toContainText("PPVs bought: 1 in this range");
  await screenshots(page, "performance-sends");
  await send.getByTestId("send-chat-link").click();
  await expect(page).toHaveURL(new RegExp(`/chats\\?chat=${fanUuid}`));
}
