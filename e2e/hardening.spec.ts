import fs from "node:fs";
import http from "node:http";
import { expect, test } from "./fixtures/test";
import pg from "pg";
import { signInAs } from "./fixtures/auth";
import { createStaff, withDb, workspaceOf } from "./fixtures/db";
import { screenshots } from "./screenshot";

// Security and reliability findings, each against the real stack: a Fanvue
// team member who signs in, open redirects, creator scope, the session
// endpoint, a database outage, CSP/HSTS, body floods.

type Shell = { creators: { id: string; handle: string; role: string }[]; workspaces: { id: string; role: string }[] };

test("a Fanvue team member invited as a chatter gets the agency's seat only, never an owner workspace of their own", async ({
  page,
  browser,
  baseURL,
}) => {
  await signInAs(page, "atlas");
  const agency = await workspaceOf("atlas");
  const origin = new URL(baseURL!).origin;
  const res = await page.request.post(`/api/workspaces/${agency.id}/invites`, {
    data: { role: "chatter", allCreators: false, creatorIds: [agency.creators.mia] },
    headers: { Origin: origin },
  });
  expect(res.status()).toBe(201);
  const { url } = (await res.json()) as { url: string };

  // @sam is on Atlas's team at Fanvue (chatter for Mia): GET /creators lists Mia for his token too.
  const ctx = await browser.newContext();
  const sam = await ctx.newPage();
  await sam.goto(new URL(url).pathname);
  await sam.getByTestId("invite-sign-in").click();
  await sam.waitForURL(/\/oauth2\/auth/);
  await sam.getByRole("radio", { name: "Sam Ortiz (@sam)" }).check();
  await sam.getByRole("button", { name: "Allow" }).click();
  await sam.getByTestId("accept-invite").click();
  await sam.waitForURL(/\/c\//);

  const shell = (await (await sam.request.get("/api/me")).json()) as Shell;
  expect(shell.workspaces.map((w) => w.role)).toEqual(["chatter"]);
  expect(shell.creators.map((c) => c.handle)).toEqual(["mia"]);
  const owned = await withDb((db) =>
    db.query(
      `SELECT w.id FROM "Workspace" w JOIN "Membership" m ON m."workspaceId" = w.id JOIN "User" u ON u.id = m."userId" WHERE u.handle = 'sam' AND m.role = 'owner'`,
    ),
  );
  expect(owned.rowCount).toBe(0);
  // His Fanvue tokens are not kept: Vuedeck acts for Mia through Atlas's connection only.
  const conns = await withDb((db) =>
    db.query(`SELECT c.id FROM "FanvueConnection" c JOIN "User" u ON u.id = c."userId" WHERE u.handle = 'sam'`),
  );
  expect(conns.rowCount).toBe(0);
  await expect(sam.getByTestId("current-creator").first()).toHaveText("Mia Rose");
  await ctx.close();
});

test("sign-in's callbackUrl never leaves the site and never breaks the page", async ({ page, baseURL }) => {
  await signInAs(page, "atlas");
  const origin = new URL(baseURL!).origin;
  for (const cb of [
    "/%09/evil.example/phish",
    "/%0D%0A/evil.example",
    "/%5C%09evil.example",
    "https://evil.example/x",
  ]) {
    const res = await page.goto(`/sign-in?callbackUrl=${cb}`);
    expect(res!.status(), cb).toBeLessThan(500);
    expect(new URL(page.url()).origin, cb).toBe(origin);
  }
  for (const cb of ["/%0A/x", "/%E3%80%82x"]) {
    const res = await page.request.get(`/sign-in?callbackUrl=${cb}`, { maxRedirects: 0 });
    expect(res.status(), cb).toBeLessThan(500);
    const to = res.headers().location;
    if (to) expect(new URL(to, origin).origin, cb).toBe(origin);
  }
  // Auth.js's own redirect check is the same one.
  const authRes = await page.request.get(
    `/api/auth/signin/fanvue?callbackUrl=${encodeURIComponent("https://evil.example/")}`,
    { maxRedirects: 0 },
  );
  expect(authRes.status()).toBe(303);
  expect(authRes.headers().location).toMatch(/\/sign-in$/);
});

test("GET /api/auth/signin/fanvue leads to our sign-in page, not to a 'Configuration' error", async ({ page }) => {
  await page.goto("/api/auth/signin/fanvue?callbackUrl=%2Fwelcome");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fwelcome$/);
  await expect(page.getByTestId("sign-in-fanvue")).toBeVisible();
  await expect(page.getByTestId("sign-in-error")).toHaveCount(0);
});

test("a member scoped to one creator reads neither other creators' names nor their activity", async ({
  playwright,
  baseURL,
  page,
}) => {
  await signInAs(page, "atlas");
  const agency = await workspaceOf("atlas");
  const { mia, nova } = agency.creators as { mia: string; nova: string };
  await withDb(async (db) => {
    for (const [creatorId, target] of [
      [nova, "Nova's VIP whale"],
      [mia, "Mia's regular"],
      [null, "workspace-wide change"],
    ] as const) {
      await db.query(
        `INSERT INTO "AuditEvent"(id, "workspaceId", "creatorId", "actorName", action, target, "createdAt") VALUES ($1, $2, $3, 'Atlas Talent', 'fan.tag', $4, now())`,
        [`scope-${target.replace(/\W/g, "")}`, agency.id, creatorId, target],
      );
    }
  });
  const staff = await createStaff(agency.id, "manager", [mia], "Scoped Manager");
  const ctx = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Cookie: staff.cookie } });
  const creators = (await (await ctx.get(`/api/workspaces/${agency.id}/creators`)).json()) as { handle: string }[];
  expect(creators.map((c) => c.handle)).toEqual(["mia"]);
  const log = (await (await ctx.get(`/api/workspaces/${agency.id}/audit`)).json()) as {
    items: { target: string | null; creatorId: string | null }[];
  };
  const targets = log.items.map((i) => i.target);
  expect(targets).toContain("Mia's regular");
  expect(targets).not.toContain("Nova's VIP whale");
  expect(targets).not.toContain("workspace-wide change");
  expect(log.items.every((i) => i.creatorId === mia)).toBe(true);
  // Asking for Nova's events by filter gives nothing either.
  const filtered = (await (await ctx.get(`/api/workspaces/${agency.id}/audit?creatorId=${nova}`)).json()) as {
    items: unknown[];
  };
  expect(filtered.items).toEqual([]);
  // The owner still sees everything.
  const ownerLog = (await (await page.request.get(`/api/workspaces/${agency.id}/audit`)).json()) as {
    items: { target: string | null }[];
  };
  expect(ownerLog.items.map((i) => i.target)).toEqual(
    expect.arrayContaining(["Nova's VIP whale", "workspace-wide change"]),
  );
  await ctx.dispose();
});

test("GET /api/auth/session never hands page JavaScript the HttpOnly session token", async ({ page }) => {
  await signInAs(page, "luna");
  const cookie = (await page.context().cookies()).find((c) => c.name === "authjs.session-token")!;
  expect(cookie.httpOnly).toBe(true);
  const text = await page.evaluate(async () => (await fetch("/api/auth/session")).text());
  expect(text).toContain("Luna Vale");
  expect(text).not.toContain(cookie.value);
  expect(text).not.toContain("sessionToken");
});

test("pages carry a nonce-based CSP that the app runs under, and HSTS when served over https", async ({
  page,
  browser,
}) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to (execute|load)/i.test(m.text())) violations.push(m.text());
  });
  await signInAs(page, "luna");
  const res = await page.goto("/");
  const csp = res!.headers()["content-security-policy"]!;
  const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
  expect(nonce, csp).toBeTruthy();
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  // Next's inline scripts carry this response's nonce; a second response gets a new one.
  const html = await res!.text();
  expect(html).toContain(`nonce="${nonce}"`);
  const again = await page.request.get("/");
  expect(again.headers()["content-security-policy"]).not.toContain(nonce);
  // The app works under it: the overview renders and navigation hydrates.
  await expect(page.getByTestId("overview-display-name")).toHaveText("Luna Vale");
  await page.getByRole("link", { name: "Fans" }).first().click();
  await expect(page).toHaveURL(/\/fans/);
  expect(violations).toEqual([]);
  // HSTS only over https (behind a TLS-terminating proxy).
  expect(res!.headers()["strict-transport-security"]).toBeUndefined();
  const ctx = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-Proto": "https" } });
  const viaTls = await ctx.request.get("/sign-in");
  expect(viaTls.headers()["strict-transport-security"]).toMatch(/max-age=\d{7,}/);
  await ctx.close();
});

/** Resident memory of the app server and its child processes, in MB. */
function appRssMb(): number {
  const pid = Number(process.env.E2E_APP_PID);
  const tree = (p: number): number[] => {
    const kids: number[] = [];
    try {
      for (const tid of fs.readdirSync(`/proc/${p}/task`)) {
        const c = fs.readFileSync(`/proc/${p}/task/${tid}/children`, "utf8").trim();
        if (c) kids.push(...c.split(/\s+/).map(Number));
      }
    } catch {
      return [];
    }
    return [p, ...kids.flatMap(tree)];
  };
  let kb = 0;
  for (const p of tree(pid)) {
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${p}/status`, "utf8"))?.[1] ?? 0);
    } catch {
      // exited
    }
  }
  return kb / 1024;
}

/** POSTs up to `mb` MiB of JSON-ish bytes, chunked (no Content-Length), and
 * stops as soon as the server answers. Resolves with the status. */
function floodPost(url: string, mb: number, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: "POST", headers: { "Content-Type": "application/json", ...headers } });
    const chunk = Buffer.alloc(1024 * 1024, 0x61);
    let sent = 0;
    let done = false;
    req.on("response", (res) => {
      done = true;
      res.resume();
      resolve(res.statusCode ?? 0);
      req.destroy();
    });
    req.on("error", (e) => (done ? undefined : reject(e)));
    const pump = () => {
      while (!done && sent < mb) {
        sent++;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      if (!done) req.end();
    };
    req.write('{"a":"');
    pump();
  });
}

test("a flood of 100 MiB bodies costs the server little memory, and other requests keep answering", async ({
  page,
  baseURL,
}) => {
  test.skip(!process.env.E2E_APP_PID, "needs the app's process id (npm run test:e2e sets it)");
  test.setTimeout(120_000);
  await signInAs(page, "luna");
  const luna = await workspaceOf("luna");
  const cookie = (await page.context().cookies()).find((c) => c.name === "authjs.session-token")!;
  const before = appRssMb();
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, appRssMb())), 50);
  const origin = new URL(baseURL!).origin;
  const creatorNotes = `${baseURL}/api/creators/${luna.creators.luna}/fans/00000000-0000-4000-8000-000000000000/notes`;
  // Anonymous webhook deliveries and a signed-in member's writes, 8 at once.
  const flood = Promise.all([
    ...Array.from({ length: 4 }, () => floodPost(`${baseURL}/api/webhooks/fanvue`, 100)),
    ...Array.from({ length: 4 }, () =>
      floodPost(creatorNotes, 100, { Cookie: `authjs.session-token=${cookie.value}`, Origin: origin }),
    ),
  ]);
  // Meanwhile a page read answers promptly.
  const t = Date.now();
  const res = await page.request.get("/api/fanvue/status");
  const latency = Date.now() - t;
  const statuses = await flood;
  clearInterval(sampler);
  console.log(
    `flood: 8 × 100 MiB bodies, RSS ${before.toFixed(0)} → peak ${peak.toFixed(0)} MB, concurrent read ${latency} ms, statuses ${statuses.join(",")}`,
  );
  expect(statuses.every((s) => s === 413)).toBe(true);
  expect(res.status()).toBeLessThan(500);
  expect(latency).toBeLessThan(2_000);
  expect(peak).toBeLessThan(600);
});

test("a database outage shows 'unavailable' and recovers by itself, never a trip to sign-in", async ({ page }) => {
  test.setTimeout(120_000);
  await signInAs(page, "luna");
  await expect(page.getByTestId("overview-display-name")).toHaveText("Luna Vale");
  const here = page.url();
  // A connection to another database of the server: the outage spares it.
  const dbUrl = new URL(process.env.E2E_DATABASE_URL!);
  const dbName = decodeURIComponent(dbUrl.pathname.slice(1));
  dbUrl.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: dbUrl.toString() });
  await admin.connect();
  await admin.query(`ALTER DATABASE "${dbName}" ALLOW_CONNECTIONS false`);
  try {
    await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [dbName]);
    const api = await page.request.get("/api/me");
    expect(api.status()).toBe(503);
    const body = (await api.json()) as { error: { code: string; retryAfterSec?: number } };
    expect(body.error.code).toBe("unavailable");
    expect(api.headers()["retry-after"]).toBeTruthy();
    await page.reload();
    await expect(page.getByTestId("page-unavailable")).toBeVisible();
    await expect(page.getByTestId("page-unavailable")).toContainText("You are still signed in");
    await screenshots(page, "database-unavailable");
    expect(page.url()).toBe(here);
  } finally {
    await admin.query(`ALTER DATABASE "${dbName}" ALLOW_CONNECTIONS true`);
    await admin.end();
  }
  // It comes back by itself (the page retries every 10 s).
  await expect(page.getByTestId("overview-display-name")).toHaveText("Luna Vale", { timeout: 30_000 });
  expect(page.url()).toBe(here);
});

test("a second export while one is running is refused in words on the page, not saved as a file", async ({ page }) => {
  await signInAs(page, "luna");
  const luna = await workspaceOf("luna");
  // As if an export of this user's were still streaming (its lease is held).
  await withDb((db) =>
    db.query(
      `INSERT INTO "ExportLease"("userId", holder, "leaseUntil") SELECT u.id, 'other-process', now() + interval '1 minute' FROM "User" u WHERE u.handle = 'luna'
       ON CONFLICT ("userId") DO UPDATE SET holder = 'other-process', "leaseUntil" = now() + interval '1 minute'`,
    ),
  );
  try {
    await page.goto(`/c/${luna.creators.luna}/earnings`);
    let downloaded = false;
    page.on("download", () => (downloaded = true));
    await page.getByTestId("export-csv").click();
    await page.getByTestId("export-transactions").click();
    await expect(page.getByTestId("export-error")).toContainText("An export is already running");
    await screenshots(page, "export-refused");
    expect(downloaded).toBe(false);
  } finally {
    await withDb((db) => db.query(`DELETE FROM "ExportLease" WHERE holder = 'other-process'`));
  }
  // Once it has finished, the export downloads.
  const download = page.waitForEvent("download");
  await page.getByTestId("export-csv").click();
  await page.getByTestId("export-transactions").click();
  expect((await download).suggestedFilename()).toMatch(/^earnings-.*\.csv$/);
  await expect(page.getByTestId("export-error")).toHaveCount(0);
});
