import fs from "node:fs";
import path from "node:path";
import { expect, test } from "./fixtures/test";
import pg from "pg";
import { signInAs } from "./fixtures/auth";
import { ageSnapshots } from "./fixtures/db";
import { sandboxAdmin } from "./fixtures/sandbox";

async function dumpDatabase(): Promise<string> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    const tables = await client.query<{ tablename: string }>(
      "SELECT tablename FROM pg_tables WHERE schemaname = 'public'",
    );
    const parts: string[] = [];
    for (const { tablename } of tables.rows) {
      const rows = await client.query(`SELECT row_to_json(t)::text AS j FROM "${tablename}" t`);
      parts.push(...rows.rows.map((r) => r.j as string));
    }
    return parts.join("\n");
  } finally {
    await client.end();
  }
}

function clientBundles(): string {
  const dir = path.join(process.cwd(), process.env.NEXT_DIST_DIR || ".next", "static");
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (p.endsWith(".js")) out.push(fs.readFileSync(p, "utf8"));
    }
  };
  walk(dir);
  return out.join("\n");
}

test("Fanvue tokens and app secrets never reach the database in clear, pages, API responses or JS bundles", async ({
  page,
}) => {
  await signInAs(page, "luna");
  await expect(page.getByTestId("overview-display-name")).toHaveText("Luna Vale");
  const { access, refresh } = await sandboxAdmin<{ access: string[]; refresh: string[] }>("/oauth/tokens?handle=luna");
  const tokens = [...access, ...refresh];
  expect(tokens.length).toBeGreaterThanOrEqual(2);

  const dump = await dumpDatabase();
  expect(dump).toContain('"accessTokenCipher":"v1.'); // ciphertexts are there…
  for (const t of tokens) expect(dump).not.toContain(t); // …plaintext is not

  const html = await page.content();
  const api = await (await page.request.get("/api/me")).text();
  const session = await (await page.request.get("/api/auth/session")).text();
  const bundles = clientBundles();
  expect(bundles.length).toBeGreaterThan(10_000);
  const secrets = JSON.parse(process.env.E2E_SECRET_VALUES ?? "[]") as string[];
  expect(secrets.length).toBeGreaterThanOrEqual(3);
  for (const needle of [...tokens, ...secrets, "accessTokenCipher", "refreshTokenCipher"]) {
    expect(html).not.toContain(needle);
    expect(api).not.toContain(needle);
    expect(session).not.toContain(needle);
    expect(bundles).not.toContain(needle);
  }
});

test("a revoked Fanvue connection shows Reconnect Fanvue on every page, and reconnecting fixes it", async ({
  page,
}) => {
  await signInAs(page, "nova");
  await expect(page.getByTestId("overview-display-name")).toHaveText("Nova Lane");
  await sandboxAdmin("/oauth/revoke", { handle: "nova" });
  await ageSnapshots();
  await page.reload();
  // The last figures stay, marked as needing a reconnect…
  await expect(page.getByTestId("stale-notice")).toContainText("Reconnect Fanvue to refresh these figures");
  await expect(page.getByTestId("overview-display-name")).toHaveText("Nova Lane");
  // …and every page shows the banner once the connection is marked.
  await page.reload();
  await expect(page.getByTestId("reconnect-banner")).toBeVisible();
  await page.getByTestId("reconnect-banner").getByRole("button", { name: "Reconnect Fanvue" }).click();
  await page.waitForURL(/\/oauth2\/auth/);
  await page.getByRole("radio", { name: "Nova Lane (@nova)" }).check();
  await page.getByRole("button", { name: "Allow" }).click();
  await expect(page.getByTestId("overview-display-name")).toHaveText("Nova Lane");
  await expect(page.getByTestId("reconnect-banner")).toHaveCount(0);
});
