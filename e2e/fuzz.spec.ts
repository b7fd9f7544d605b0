import { expect, test, type APIRequestContext, type Page, type PlaywrightWorkerArgs } from "./fixtures/test";
import { signInAs } from "./fixtures/auth";
import { createStaff, workspaceOf } from "./fixtures/db";
import { discoverRoutes, type RouteSpec } from "./fixtures/routes";
import { sandboxAdmin } from "./fixtures/sandbox";

// Every /api route × every role × hostile input: malformed, truncated,
// oversized, wrong-type and hostile bodies, hostile path parameters and
// query strings. The server must never answer 5xx, and every 400/413 must
// name the field it refuses (error.field), so forms can show it inline.

const HOSTILE_PARAMS = [
  "..%2F..%2Fetc%2Fpasswd",
  "%00",
  "x".repeat(3000),
  "'%20OR%201=1--",
  "%F0%9F%92%A9",
  "-1",
  "1e400",
  "%E3%80%82",
  "__proto__",
];

const HOSTILE_QUERY = [
  "page=-1&size=1e9&limit=NaN&cursor=%00%FF&since=abc&before=x",
  "range=nope&tz=Mars%2FOlympus&from=2020-13-45&to=x&granularity=year1&sources=nope&rows=x",
  `search=${"a".repeat(5000)}&q=%3Cscript%3E&filter=__proto__&sort=a&sort=b&fanUuids=zz&ids=,,,`,
  "constructor=1&__proto__%5Bx%5D=1&page=1&page=2&size=",
];

const WRONG_TYPES = {
  text: 123,
  price: "abc",
  mediaUuids: "x",
  fanUuids: [1, 2],
  role: 5,
  creatorIds: { a: 1 },
  name: ["x"],
  body: false,
  tags: "t",
  tag: 1,
  note: {},
  publishAt: "yesterday",
  expiresAt: 5,
  audience: 7,
  lists: null,
  email: 1,
  expiresInDays: -1,
  allCreators: "yes",
  key: [],
  folderName: 5,
  mediaUuid: 5,
  parts: "x",
  smart: "x",
  custom: 1,
  sources: 1,
  templateUuid: 9,
  userUuid: {},
  includedLists: "all",
  mediaType: 1,
  fileName: 3,
  contentType: [],
  size: "big",
  nickname: 9,
  label: {},
  segment: 1,
  mode: 2,
  title: 1,
  color: [],
  isPinned: "no",
};
const HOSTILE_STRINGS = Object.fromEntries(
  Object.keys(WRONG_TYPES).map((k, i) => [
    k,
    [
      "<script>alert(1)</script>",
      "\u0000\u202e",
      "=cmd|' /C calc'!A0",
      "x".repeat(20_000),
      "😀".repeat(500),
      "../../etc",
    ][i % 6],
  ]),
);

type Variant = { name: string; data?: string | Buffer; contentType?: string; headers?: Record<string, string> };

const BODY_VARIANTS: Variant[] = [
  { name: "not JSON", data: "{not json" },
  { name: "truncated JSON", data: '{"text":"abc' },
  { name: "empty body", data: "" },
  { name: "null", data: "null" },
  { name: "array", data: "[]" },
  { name: "string", data: '"x"' },
  { name: "number", data: "123" },
  { name: "deep nesting", data: "[".repeat(20_000) + "]".repeat(20_000) },
  { name: "wrong types", data: JSON.stringify(WRONG_TYPES) },
  { name: "hostile strings", data: JSON.stringify(HOSTILE_STRINGS) },
  { name: "invalid UTF-8", data: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]) },
  { name: "form instead of JSON", data: "a=1&b=2", contentType: "application/x-www-form-urlencoded" },
  { name: "oversized (70 KiB)", data: JSON.stringify({ text: "x".repeat(70 * 1024) }) },
];

type Finding = string;
type Playwright = PlaywrightWorkerArgs["playwright"];

async function probe(
  ctx: APIRequestContext,
  method: string,
  url: string,
  v: Variant | null,
  findings: Finding[],
  label: string,
) {
  const res = await ctx.fetch(url, {
    method,
    // Bytes as they are (a string would be sent JSON-encoded).
    ...(v && method !== "GET" ? { data: typeof v.data === "string" ? Buffer.from(v.data) : v.data } : {}),
    headers: {
      Accept: "application/json",
      ...(v && method !== "GET" ? { "Content-Type": v.contentType ?? "application/json", ...v.headers } : {}),
    },
    maxRedirects: 0,
  });
  const status = res.status();
  if (status >= 500) {
    findings.push(`${label}: ${status} ${(await res.text()).slice(0, 200)}`);
    return status;
  }
  if (status === 400 || status === 413) {
    const body = (await res.json().catch(() => null)) as { error?: { field?: string; message?: string } } | null;
    if (!body?.error?.field)
      findings.push(`${label}: ${status} without error.field (${body?.error?.message ?? "no JSON error"})`);
  }
  return status;
}

function urlFor(r: RouteSpec, ids: { workspaceId: string; creatorId: string }, hostile: string | null) {
  return r.path.replace(/\[(\w+)\]/g, (_, name: string) => {
    if (hostile !== null) return hostile;
    if (name === "workspaceId") return ids.workspaceId;
    if (name === "creatorId") return ids.creatorId;
    return HOSTILE_PARAMS[0]!;
  });
}

/** A context per role in the agency (owner, manager, chatter and viewer of Ivy, signed out). */
async function roleContexts(page: Page, playwright: Playwright, baseURL: string) {
  await signInAs(page, "atlas");
  const ownerCookie = (await page.context().cookies()).find((c) => c.name === "authjs.session-token")!;
  const agency = await workspaceOf("atlas");
  const ivy = agency.creators.ivy!;
  const cookies: Record<string, string | null> = {
    owner: `authjs.session-token=${ownerCookie.value}`,
    manager: (await createStaff(agency.id, "manager", null, "Fuzz Manager")).cookie,
    chatter: (await createStaff(agency.id, "chatter", [ivy], "Fuzz Chatter")).cookie,
    viewer: (await createStaff(agency.id, "viewer", [ivy], "Fuzz Viewer")).cookie,
    anonymous: null,
  };
  const origin = new URL(baseURL).origin;
  const ctxs = new Map<string, APIRequestContext>();
  for (const [role, cookie] of Object.entries(cookies)) {
    ctxs.set(
      role,
      await playwright.request.newContext({
        baseURL,
        extraHTTPHeaders: { Origin: origin, ...(cookie ? { Cookie: cookie } : {}) },
      }),
    );
  }
  return { ctxs, ids: { workspaceId: agency.id, creatorId: ivy } };
}

/** Every hostile input for one route as one role (the owner gets them all, the others a sample).
 * Answers how many requests it made. */
async function fuzzRoute(
  r: RouteSpec,
  role: string,
  ctx: APIRequestContext,
  ids: { workspaceId: string; creatorId: string },
  findings: Finding[],
) {
  let requests = 0;
  const write = r.method !== "GET";
  const full = role === "owner";
  // A write with no body schema (start a sync, publish) or a DELETE would
  // act on real objects if called with real ids only: those get hostile ids.
  const realIdsSafe = !write || (r.hasBody && r.method !== "DELETE") || /\[(?!creatorId|workspaceId)\w+\]/.test(r.path);
  if (realIdsSafe) {
    const base = urlFor(r, ids, null);
    const variants = write ? (full ? BODY_VARIANTS : BODY_VARIANTS.slice(0, 3)) : [null];
    for (const v of variants) {
      requests++;
      await probe(ctx, r.method, base, v, findings, `${r.method} ${r.path} as ${role}${v ? ` [${v.name}]` : ""}`);
    }
    for (const q of full ? HOSTILE_QUERY : HOSTILE_QUERY.slice(0, 1)) {
      requests++;
      await probe(
        ctx,
        r.method,
        `${base}?${q}`,
        write ? BODY_VARIANTS[0]! : null,
        findings,
        `${r.method} ${r.path}?${q.slice(0, 40)}… as ${role}`,
      );
    }
  }
  for (const h of full ? HOSTILE_PARAMS : HOSTILE_PARAMS.slice(0, 2)) {
    requests++;
    await probe(
      ctx,
      r.method,
      urlFor(r, ids, h),
      write ? BODY_VARIANTS[0]! : null,
      findings,
      `${r.method} ${r.path} with param ${h.slice(0, 20)} as ${role}`,
    );
  }
  return requests;
}

test("fuzz: every /api route × role × hostile input answers without a 5xx, and every 400/413 names the field", async ({
  page,
  playwright,
  baseURL,
}) => {
  test.setTimeout(600_000);
  const { ctxs, ids } = await roleContexts(page, playwright, baseURL!);
  const ivy = ids.creatorId;
  const callsBefore = (await sandboxAdmin<{ calls: unknown[] }>("/calls")).calls.length;

  const routes = discoverRoutes();
  const findings: Finding[] = [];
  let requests = 0;
  for (const r of routes) for (const [role, ctx] of ctxs) requests += await fuzzRoute(r, role, ctx, ids, findings);
  // A declared 2 MiB body is refused before it is read.
  const big = await ctxs.get("owner")!.fetch(`/api/creators/${ivy}/fans/${HOSTILE_PARAMS[0]}/notes`, {
    method: "POST",
    data: Buffer.alloc(2 * 1024 * 1024, 0x20),
    headers: { "Content-Type": "application/json" },
  });
  expect(big.status()).toBe(413);
  expect((await big.json()).error.field).toBe("body");

  const calls = (await sandboxAdmin<{ calls: unknown[] }>("/calls")).calls.length - callsBefore;
  console.log(
    `fuzz: ${routes.length} route handlers, ${requests} hostile requests, ${findings.length} findings, ${calls} Fanvue calls made`,
  );
  expect(findings).toEqual([]);
  for (const c of ctxs.values()) await c.dispose();
});
