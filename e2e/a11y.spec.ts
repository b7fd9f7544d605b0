import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "./fixtures/test";
import { signInAs } from "./fixtures/auth";
import { withDb, workspaceOf } from "./fixtures/db";
import { budgetLeft } from "./fixtures/sandbox";
import { expectTapTargets } from "./screenshot";

// axe on every page, at desktop and phone widths, in the light and the dark theme (the dark one as
// a system preference, which is the default setting): no serious or critical violation; and at
// phone width every tap target at least 44 × 44 px. Each page
// is loaded once per theme and checked at both widths after its data has arrived, so the check
// sees the page a user sees, not its skeleton.

const WIDTHS = [
  ["desktop", 1280, 800],
  ["phone", 390, 844],
] as const;
const THEMES = ["light", "dark"] as const;
/** WCAG 2.2 A and AA, plus axe's best practices that are not mere advice (landmarks, headings). */
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** Until nothing on the page is still loading: no skeleton pulses, nothing marked busy. */
async function settled(page: Page) {
  await page.waitForLoadState("load");
  await page
    .waitForFunction(() => !document.querySelector('.animate-pulse, [aria-busy="true"]'), undefined, {
      timeout: 30_000,
    })
    .catch(() => undefined); // a page that keeps loading is still checked: axe sees what is there
}

/** The serious and critical violations, one line each with the elements they were found on. */
async function violations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 4)
          .map((n) => `${n.target.join(" ")}${n.failureSummary ? ` [${n.failureSummary.split("\n")[1]?.trim()}]` : ""}`)
          .join("; ")}${v.nodes.length > 4 ? ` (+${v.nodes.length - 4} more)` : ""}`,
    );
}

/** Loads `path` once per theme and checks it at both widths (the phone check after a resize, which
 * re-lays the page out as a phone would show it); `prepare` opens what the path alone does not.
 * Soft: every page is checked and every violation listed in one run. */
async function checkPage(page: Page, path: string, prepare?: (page: Page) => Promise<void>) {
  const found: string[] = [];
  for (const theme of THEMES) {
    await page.emulateMedia({ colorScheme: theme });
    await page.setViewportSize({ width: WIDTHS[0][1], height: WIDTHS[0][2] });
    await page.goto(path);
    await settled(page);
    if (prepare) {
      await prepare(page);
      await settled(page);
    }
    for (const [label, width, height] of WIDTHS) {
      await page.setViewportSize({ width, height });
      await settled(page);
      for (const v of await violations(page)) found.push(`${theme} ${label}: ${v}`);
      // At phone width every control is a finger's size (the theme changes no size: checked once).
      if (label === "phone" && theme === "light") await expectTapTargets(page, path, { soft: true });
    }
  }
  expect.soft(found, `axe on ${path}`).toEqual([]);
}

type Ids = { workspace: string; creator: string; ownerId: string };

async function agencyIds(): Promise<Ids> {
  const ws = await workspaceOf("atlas");
  const ownerId = await withDb(
    async (db) => (await db.query(`SELECT id FROM "User" WHERE handle = 'atlas'`)).rows[0].id as string,
  );
  return { workspace: ws.id, creator: ws.creators.mia!, ownerId };
}

const CREATOR_PAGES = [
  "",
  "/earnings",
  "/earnings/reconcile",
  "/best-times",
  "/retention",
  "/trends",
  "/links",
  "/fans",
  "/chats",
  "/mass-messages",
  "/automations",
  "/posts",
  "/posts/new",
  "/vault",
  "/agency-share",
];
const WORKSPACE_PAGES = [
  "",
  "/earnings",
  "/inbox",
  "/performance",
  "/payouts",
  "/team",
  "/activity",
  "/trends",
  "/retention",
  "/links",
  "/best-times",
];

test.describe("axe: 0 serious or critical violations", () => {
  test.describe.configure({ timeout: 600_000 });
  test.beforeEach(() => budgetLeft("atlas"));

  test("sign-in and an unknown invite, signed out", async ({ page }) => {
    await checkPage(page, "/sign-in");
    await checkPage(page, "/invite/not-a-real-token");
  });

  test("every creator page", async ({ page }) => {
    await signInAs(page, "atlas");
    const ids = await agencyIds();
    for (const sub of CREATOR_PAGES) await checkPage(page, `/c/${ids.creator}${sub}`);
  });

  test("every agency page", async ({ page }) => {
    await signInAs(page, "atlas");
    const ids = await agencyIds();
    for (const sub of WORKSPACE_PAGES) await checkPage(page, `/w/${ids.workspace}${sub}`);
  });

  test("a member's pay, settings", async ({ page }) => {
    await signInAs(page, "atlas");
    const ids = await agencyIds();
    await checkPage(page, `/w/${ids.workspace}/payouts/${ids.ownerId}`);
    await checkPage(page, "/settings");
  });

  test("an open conversation, a fan's panel, the palette and the keyboard map", async ({ page }) => {
    await signInAs(page, "atlas");
    const ids = await agencyIds();
    await checkPage(page, `/c/${ids.creator}/chats`, async (p) => {
      await p.getByTestId("chat-row").first().click();
      await expect(p.getByTestId("composer")).toBeVisible({ timeout: 20_000 });
    });
    await checkPage(page, `/c/${ids.creator}/fans`, async (p) => {
      await p.getByTestId("fans-table").locator("tbody tr").first().click();
      await expect(p.getByTestId("fan-panel")).toBeVisible({ timeout: 20_000 });
    });
    await checkPage(page, `/c/${ids.creator}`, async (p) => {
      await p.keyboard.press("Control+k");
      await expect(p.getByTestId("command-palette")).toBeVisible();
    });
    await checkPage(page, `/c/${ids.creator}`, async (p) => {
      await p.keyboard.press("?");
      await expect(p.getByTestId("shortcuts")).toBeVisible();
    });
  });
});
