import { expect, test, type APIRequestContext, type Browser, type Page } from "./fixtures/test";
import { can, type Role } from "../lib/schemas/permissions";
import { signInAs } from "./fixtures/auth";
import { createStaff, workspaceOf } from "./fixtures/db";
import { discoverRoutes, type RouteSpec } from "./fixtures/routes";

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

/** Two real workspaces through the real sign-in (an agency and a solo creator), the agency's
 * staff, and the objects each actor is tried on. */
async function actorsAndObjects(page: Page, browser: Browser) {
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
    creator: await createStaff(agency.id, "creator", [mia], "Matrix Creator"),
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
    { name: "creator", cookie: staff.creator.cookie, memberOf: { [agency.id]: { role: "creator", creators: [mia] } } },
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
  return { actors, objects, other };
}

/** What the role table says `a` gets from route `r` on object `o`. */
function expectedAccess(r: RouteSpec, a: Actor, o: Obj): number | "allowed" {
  const m = a.memberOf[o.workspaceId];
  if (r.access === "public") return "allowed";
  if (!a.cookie) return 401;
  if (r.access === "user") return "allowed";
  if (!m) return 404;
  if (r.access === "creator" && m.creators && !m.creators.includes(o.creatorId)) return 404;
  return can(m.role, r.permission!) ? "allowed" : 403;
}

/** Whether the wrapper refused the call (and with what status) or let the handler run. */
async function actualAccess(ctx: APIRequestContext, r: RouteSpec, url: string) {
  const res = await ctx.fetch(url, {
    method: r.method,
    // Malformed JSON: an allowed write stops at input validation, so
    // the matrix changes nothing.
    ...(r.method === "GET" ? {} : { data: "{", headers: { "Content-Type": "application/json" } }),
  });
  const refused = res.headers()["x-vuedeck-access"] === "refused";
  return { actual: refused ? res.status() : "allowed", status: res.status() };
}

/** CSRF: a write from a foreign origin, or with none, is refused even for the owner. Answers the mismatches. */
async function csrfMismatches(
  owner: APIRequestContext,
  noOrigin: APIRequestContext,
  r: RouteSpec,
  url: string,
): Promise<string[]> {
  const mismatches: string[] = [];
  const res = await owner.fetch(url, {
    method: r.method,
    data: "{}",
    headers: { Origin: "https://evil.example", "Content-Type": "application/json" },
  });
  if (res.status() !== 403 || res.headers()["x-vuedeck-access"] !== "refused")
    mismatches.push(`${r.method} ${url}: foreign Origin got ${res.status()}`);
  const res2 = await noOrigin.fetch(url, {
    method: r.method,
    data: "{}",
    headers: { "Content-Type": "application/json" },
  });
  if (res2.status() !== 403) mismatches.push(`${r.method} ${url}: missing Origin got ${res2.status()}`);
  return mismatches;
}

test("access matrix: every route × actor × object matches the role table", async ({
  page,
  browser,
  playwright,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const { actors, objects, other } = await actorsAndObjects(page, browser);

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
        const expected = expectedAccess(r, a, o);
        const { actual, status } = await actualAccess(contexts.get(a.name)!, r, url);
        checked++;
        if (actual !== expected)
          mismatches.push(
            `${r.method} ${url} as ${a.name} on ${o.name}: expected ${expected}, got ${actual} (${status})`,
          );
      }
      if (r.method !== "GET") {
        const noOrigin = await playwright.request.newContext({
          baseURL,
          extraHTTPHeaders: { Cookie: actors[0]!.cookie! },
        });
        mismatches.push(...(await csrfMismatches(contexts.get("owner")!, noOrigin, r, url)));
        checked += 2;
        await noOrigin.dispose();
      }
    }
  }
  console.log(`access matrix: ${routes.length} route handlers, ${checked} checks, ${mismatches.length} mismatches`);
  expect(mismatches).toEqual([]);
  await other.close();
});
