import { expect, test, type APIRequestContext } from "@playwright/test";
import { can, type Role } from "../lib/schemas/permissions";
import { signInAs } from "./fixtures/auth";
import { createStaff, workspaceOf } from "./fixtures/db";
import { discoverRoutes } from "./fixtures/routes";

// Every /api route × every actor × every kind of object, against the role
// table in lib/schemas/permissions.ts. "Refused" means the wrapper refused
// before the handler ran (X-Vuedeck-Access: refused) with the expected status;
// "allowed" means the handler ran (whatever it then answered).

type Actor = {
  name: string;
  cookie: string | null;
  memberOf: Record<string, { role: Role; creators: string[] | null }>;
};
type Obj = { name: string; workspaceId: string; creatorId: string };

test("access matrix: every route × actor × object matches the role table", async ({
  page,
  browser,
  playwright,
  baseURL,
}) => {
  test.setTimeout(240_000);
  // Two real workspaces through the real sign-in: an agency and a solo creator.
  await signInAs(page, "atlas");
  const ownerCookie = (await page.context().cookies()).find((c) => c.name === "authjs.session-token")!;
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signInAs(otherPage, "luna");
  const lunaCookie = (await other.cookies()).find((c) => c.name === "authjs.session-token")!;
  const agency = await workspaceOf("atlas");
  const solo = await workspaceOf("luna");
  const mia = agency.creators.mia!;
  const nova = agency.creators.nova!;

  const staff = {
    manager: await createStaff(agency.id, "manager", null, "Matrix Manager"),
    chatter: await createStaff(agency.id, "chatter", [mia], "Matrix Chatter"),
    viewer: await createStaff(agency.id, "viewer", [mia], "Matrix Viewer"),
  };
  const actors: Actor[] = [
    {
      name: "owner",
      cookie: `authjs.session-token=${ownerCookie.value}`,
      memberOf: { [agency.id]: { role: "owner", creators: null } },
    },
    { name: "manager", cookie: staff.manager.cookie, memberOf: { [agency.id]: { role: "manager", creators: null } } },
    { name: "chatter", cookie: staff.chatter.cookie, memberOf: { [agency.id]: { role: "chatter", creators: [mia] } } },
    { name: "viewer", cookie: staff.viewer.cookie, memberOf: { [agency.id]: { role: "viewer", creators: [mia] } } },
    {
      name: "other workspace",
      cookie: `authjs.session-token=${lunaCookie.value}`,
      memberOf: { [solo.id]: { role: "owner", creators: null } },
    },
    { name: "signed out", cookie: null, memberOf: {} },
  ];
  const objects: Obj[] = [
    { name: "own creator", workspaceId: agency.id, creatorId: mia },
    { name: "unassigned creator", workspaceId: agency.id, creatorId: nova },
    { name: "another workspace's creator", workspaceId: solo.id, creatorId: solo.creators.luna! },
  ];

  const routes = discoverRoutes();
  expect(routes.length).toBeGreaterThanOrEqual(10);
  const origin = new URL(baseURL!).origin;
  const contexts = new Map<string, APIRequestContext>();
  for (const a of actors) {
    contexts.set(
      a.name,
      await playwright.request.newContext({
        baseURL,
        extraHTTPHeaders: { Origin: origin, ...(a.cookie ? { Cookie: a.cookie } : {}) },
      }),
    );
  }

  const mismatches: string[] = [];
  let checked = 0;
  for (const r of routes) {
    for (const o of objects) {
      const url = r.path
        .replace("[creatorId]", o.creatorId)
        .replace("[workspaceId]", o.workspaceId)
        .replace(/\[\w+\]/g, "probe");
      for (const a of actors) {
        const m = a.memberOf[o.workspaceId];
        let expected: number | "allowed";
        if (r.access === "public") expected = "allowed";
        else if (!a.cookie) expected = 401;
        else if (r.access === "user") expected = "allowed";
        else if (!m) expected = 404;
        else if (r.access === "creator" && m.creators && !m.creators.includes(o.creatorId)) expected = 404;
        else expected = can(m.role, r.permission!) ? "allowed" : 403;
        const res = await contexts.get(a.name)!.fetch(url, {
          method: r.method,
          // Malformed JSON: an allowed write stops at input validation, so
          // the matrix changes nothing.
          ...(r.method === "GET" ? {} : { data: "{", headers: { "Content-Type": "application/json" } }),
        });
        const refused = res.headers()["x-vuedeck-access"] === "refused";
        const actual = refused ? res.status() : "allowed";
        checked++;
        if (actual !== expected)
          mismatches.push(
            `${r.method} ${url} as ${a.name} on ${o.name}: expected ${expected}, got ${actual} (${res.status()})`,
          );
      }
      // CSRF: a write from a foreign origin is refused even for the owner.
      if (r.method !== "GET") {
        const res = await contexts.get("owner")!.fetch(url, {
          method: r.method,
          data: "{}",
          headers: { Origin: "https://evil.example", "Content-Type": "application/json" },
        });
        checked++;
        if (res.status() !== 403 || res.headers()["x-vuedeck-access"] !== "refused")
          mismatches.push(`${r.method} ${url}: foreign Origin got ${res.status()}`);
        const noOrigin = await playwright.request.newContext({
          baseURL,
          extraHTTPHeaders: { Cookie: actors[0]!.cookie! },
        });
        const res2 = await noOrigin.fetch(url, {
          method: r.method,
          data: "{}",
          headers: { "Content-Type": "application/json" },
        });
        checked++;
        if (res2.status() !== 403) mismatches.push(`${r.method} ${url}: missing Origin got ${res2.status()}`);
        await noOrigin.dispose();
      }
    }
  }
  console.log(`access matrix: ${routes.length} route handlers, ${checked} checks, ${mismatches.length} mismatches`);
  expect(mismatches).toEqual([]);
  await other.close();
});
