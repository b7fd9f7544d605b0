import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createSandbox, type RunningSandbox } from "./server";
import { API_HEADERS, authorize, type ClientCreds } from "./testing";

const client: ClientCreds = { clientId: "test-app", clientSecret: "s3cret", redirectUri: "http://localhost:3999/cb" };
let sb: RunningSandbox;
const tokens: Record<string, string> = {};
const uuids: Record<string, string> = {};
let spender: string;
let follower: string;

beforeAll(async () => {
  sb = await createSandbox({ port: 0, soloFans: 120, agencyFans: [40, 30, 30], clients: [{ ...client, redirectUris: [client.redirectUri], name: "Test" }] });
  for (const h of ["luna", "atlas"]) tokens[h] = (await authorize(sb.url, client, h)).tokens.access_token;
  for (const a of (await (await fetch(`${sb.url}/__sandbox/accounts`)).json()) as { uuid: string; handle: string }[]) uuids[a.handle] = a.uuid;
  const top = await (await fetch(`${sb.url}/insights/top-spenders?size=1`, { headers: API_HEADERS(tokens.luna!) })).json();
  spender = top.data[0].user.uuid;
  const luna = sb.state.world.creators.get(uuids.luna!)!;
  follower = luna.fans[luna.relations.findIndex((r, i) => r.status === "follower" && luna.ledger.rowsOfFan(i).length === 0)]!.uuid;
});
afterAll(() => sb.close());
beforeEach(() => sb.state.buckets.clear());
afterEach(() => fetch(`${sb.url}/__sandbox/insights/internal`, { method: "DELETE" }));

const call = (method: string, path: string, body?: unknown, who = "luna") =>
  fetch(`${sb.url}${path}`, { method, headers: { ...API_HEADERS(tokens[who]!), "Content-Type": "application/json" }, body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body) });
const batch = (body: unknown, who = "luna") => call("POST", "/insights/fans/batch", body, who);
const unknown = "0b7e3c1a-1111-4222-8333-444455556666";

async function earningsOf(fanUuid: string) {
  let gross = 0;
  let cursor: string | null = null;
  do {
    const body: { data: { gross: number; user: { uuid: string } | null }[]; nextCursor: string | null } = await (await call("GET", `/insights/earnings?size=50${cursor ? `&cursor=${cursor}` : ""}`)).json();
    for (const r of body.data) if (r.user?.uuid === fanUuid) gross += r.gross;
    cursor = body.nextCursor;
  } while (cursor);
  return gross;
}

describe("GET /insights/fans/{userUuid}", () => {
  it("totals equal the sum of the fan's earnings rows and the truth", async () => {
    const res = await call("GET", `/insights/fans/${spender}`);
    expect(res.status).toBe(200);
    const body = await res.json();
    const truth = await (await fetch(`${sb.url}/__sandbox/truth/fans/${spender}?creator=luna`)).json();
    expect(body.spending.total).toEqual({ gross: truth.gross, total: truth.gross });
    expect(await earningsOf(spender)).toBe(truth.gross);
    expect(truth.gross).toBeGreaterThan(0);
    const sources = Object.values(body.spending.sources) as { gross: number }[];
    expect(sources.reduce((s, x) => s + x.gross, 0)).toBe(truth.gross);
    expect(body.spending.sources.subscription.gross).toBe(truth.bySource.subscription.gross + truth.bySource.renewal.gross);
    expect(body.spending.sources.tips.gross).toBe(truth.bySource.tip.gross);
    expect(body.spending.maxSinglePayment.gross).toBe(truth.maxSinglePayment);
    expect(body.spending.lastPurchaseAt).toBe(truth.lastPurchaseAt);
    expect(["subscriber", "expired", "follower", "not_contactable"]).toContain(body.status);
  });

  it("follows a new tip at once", async () => {
    const before = (await (await call("GET", `/insights/fans/${spender}`)).json()).spending.total.gross;
    await fetch(`${sb.url}/__sandbox/simulate/tip`, { method: "POST", body: JSON.stringify({ creator: "luna", fan: spender, amount: 700 }) });
    const after = await (await call("GET", `/insights/fans/${spender}`)).json();
    expect(after.spending.total.gross).toBe(before + 700);
    expect(await earningsOf(spender)).toBe(before + 700);
  });

  it("answers 404 {message} for a non-fan, 400 for a bad uuid, 403 without read:fan, and has no agency variant", async () => {
    const missing = await call("GET", `/insights/fans/${unknown}`);
    expect(missing.status).toBe(404);
    expect(Object.keys(await missing.json())).toEqual(["message"]);
    expect((await call("GET", "/insights/fans/nope")).status).toBe(400);
    const narrow = (await authorize(sb.url, client, "luna", ["openid", "read:insights"])).tokens.access_token;
    expect((await fetch(`${sb.url}/insights/fans/${spender}`, { headers: API_HEADERS(narrow) })).status).toBe(403);
    expect((await call("POST", `/creators/${uuids.mia}/insights/fans/batch`, { userUuids: [unknown] }, "atlas")).status).toBe(404);
  });

  it("a subscription object only for fans who subscribed", async () => {
    const body = await (await call("GET", `/insights/fans/${follower}`)).json();
    expect(body).toMatchObject({ subscription: null, spending: { lastPurchaseAt: null, total: { gross: 0, total: 0 } } });
  });
});

describe("GET /insights/fans?fanUuids=", () => {
  it("returns results and NOT_FOUND errors", async () => {
    const body = await (await call("GET", `/insights/fans?fanUuids=${spender},${unknown}`)).json();
    expect(body.results[spender].spending.total.gross).toBeGreaterThan(0);
    expect(body.results[unknown]).toBeNull();
    expect(body.errors).toEqual([{ fanUuid: unknown, code: "NOT_FOUND", message: expect.any(String) }]);
    const many = Array.from({ length: 21 }, (_, i) => `0b7e3c1a-1111-4222-8333-${String(i).padStart(12, "0")}`);
    for (const q of ["", `fanUuids=${many.join(",")}`, "fanUuids=nope"]) {
      const res = await call("GET", `/insights/fans?${q}`);
      expect(res.status, q).toBe(400);
      expect((await res.json()).errors).toHaveLength(1);
    }
  });
});

describe("POST /insights/fans/batch", () => {
  it("always answers 200 with a map: insights, not_found, forbidden", async () => {
    const res = await batch({ userUuids: [spender, unknown, uuids.mia, follower] });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(Object.keys(body).sort()).toEqual([spender, unknown, uuids.mia!, follower].sort());
    expect(body[unknown]).toEqual({ error: "not_found" });
    expect(body[uuids.mia!]).toEqual({ error: "forbidden" });
    expect(body[spender]).toEqual(await (await call("GET", `/insights/fans/${spender}`)).json());
    expect(body[follower].status).toMatch(/follower|not_contactable/);
  });

  it("validates the body with 400 {errors}", async () => {
    const hundredOne = Array.from({ length: 101 }, (_, i) => `0b7e3c1a-1111-4222-8333-${String(i).padStart(12, "0")}`);
    for (const body of [{}, { userUuids: [] }, { userUuids: hundredOne }, { userUuids: ["nope"] }, { userUuids: "x" }, { fanUuids: [spender] }, "{oops", "[]"]) {
      const res = await batch(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      const out = await res.json();
      expect(Object.keys(out)).toEqual(["errors"]);
      expect(out.errors.length).toBeGreaterThan(0);
    }
  });

  it("fails chosen entries with `internal` while the admin switch is on", async () => {
    const on = await fetch(`${sb.url}/__sandbox/insights/internal`, { method: "POST", body: JSON.stringify({ uuids: [spender], times: 1 }) });
    expect(on.status).toBe(200);
    const first = await (await batch({ userUuids: [spender, follower] })).json();
    expect(first[spender]).toEqual({ error: "internal" });
    expect(first[follower].status).toBeDefined();
    const second = await (await batch({ userUuids: [spender] })).json();
    expect(second[spender].spending).toBeDefined();

    await fetch(`${sb.url}/__sandbox/insights/internal`, { method: "POST", body: JSON.stringify({ rate: 1 }) });
    const all = await (await batch({ userUuids: [spender, unknown] })).json();
    expect(all).toEqual({ [spender]: { error: "internal" }, [unknown]: { error: "internal" } });
    const list = await (await call("GET", `/insights/fans?fanUuids=${spender}`)).json();
    expect(list).toEqual({ results: { [spender]: null }, errors: [{ fanUuid: spender, code: "INTERNAL", message: expect.any(String) }] });
    await fetch(`${sb.url}/__sandbox/insights/internal`, { method: "DELETE" });
    expect((await (await batch({ userUuids: [spender] })).json())[spender].spending).toBeDefined();
    const bad = await fetch(`${sb.url}/__sandbox/insights/internal`, { method: "POST", body: JSON.stringify({ rate: 2 }) });
    expect(bad.status).toBe(400);
  });
});
