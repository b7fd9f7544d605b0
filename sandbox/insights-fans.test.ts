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
  sb = await createSandbox({
    port: 0,
    soloFans: 120,
    agencyFans: [40, 30, 30],
    clients: [{ ...client, redirectUris: [client.redirectUri], name: "Test" }],
  });
  for (const h of ["luna", "atlas"]) tokens[h] = (await authorize(sb.url, client, h)).tokens.access_token;
  for (const a of (await (await fetch(`${sb.url}/__sandbox/accounts`)).json()) as { uuid: string; handle: string }[])
    uuids[a.handle] = a.uuid;
  const top = await (
    await fetch(`${sb.url}/insights/top-spenders?size=1`, { headers: API_HEADERS(tokens.luna!) })
  ).json();
  spender = top.data[0].user.uuid;
  const luna = sb.state.world.creators.get(uuids.luna!)!;
  follower =
    luna.fans[luna.relations.findIndex((r, i) => r.status === "follower" && luna.ledger.rowsOfFan(i).length === 0)]!
      .uuid;
});
afterAll(() => sb.close());
beforeEach(() => sb.state.buckets.clear());
afterEach(() => fetch(`${sb.url}/__sandbox/insights/internal`, { method: "DELETE" }));

const call = (method: string, path: string, body?: unknown, who = "luna") =>
  fetch(`${sb.url}${path}`, {
    method,
    headers: { ...API_HEADERS(tokens[who]!), "Content-Type": "application/json" },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
const batch = (body: unknown, who = "luna") => call("POST", "/insights/fans/batch", body, who);
const unknown = "0b7e3c1a-1111-4222-8333-444455556666";

/** The fan's ledger rows: what /insights/earnings lists for them. */
function ledgerGross(fanUuid: string) {
  const luna = sb.state.world.creators.get(uuids.luna!)!;
  const l = luna.ledger;
  return l.rowsOfFan(luna.fanIndex.get(fanUuid)!).reduce((sum, i) => sum + l.gross[i]!, 0);
}

describe("GET /insights/fans/{userUuid}", () => {
  it("totals equal the sum of the fan's earnings rows and the truth", async () => {
    const res = await call("GET", `/insights/fans/${spender}`);
    expect(res.status).toBe(200);
    const body = await res.json();
    const truth = await (await fetch(`${sb.url}/__sandbox/truth/fans/${spender}?creator=luna`)).json();
    expect(body.spending.total).toEqual({ gross: truth.gross, total: truth.gross });
    expect(ledgerGross(spender)).toBe(truth.gross);
    expect(truth.gross).toBeGreaterThan(0);
    const sources = Object.values(body.spending.sources) as { gross: number; total: number }[];
    expect(sources.reduce((s, x) => s + x.gross, 0)).toBe(truth.gross);
    expect(sources.every((x) => x.total === x.gross)).toBe(true);
    expect(body.spending.sources.subscription.gross).toBe(truth.bySource.subscription.gross);
    // Renewals are a key of their own (a name from the reference's source enum).
    expect(body.spending.sources.renewal?.gross ?? 0).toBe(truth.bySource.renewal.gross);
    expect(body.spending.sources.tips.gross).toBe(truth.bySource.tip.gross);
    expect(body.spending.maxSinglePayment.gross).toBe(truth.maxSinglePayment);
    expect(body.spending.lastPurchaseAt).toBe(truth.lastPurchaseAt);
    expect(["subscriber", "expired", "follower", "not_contactable"]).toContain(body.status);
  });

  it("follows a new tip at once", async () => {
    const before = (await (await call("GET", `/insights/fans/${spender}`)).json()).spending.total.gross;
    await fetch(`${sb.url}/__sandbox/simulate/tip`, {
      method: "POST",
      body: JSON.stringify({ creator: "luna", fan: spender, amount: 700 }),
    });
    const after = await (await call("GET", `/insights/fans/${spender}`)).json();
    expect(after.spending.total.gross).toBe(before + 700);
    expect(ledgerGross(spender)).toBe(before + 700);
  });

  it("answers 404 {message} for a non-fan, 400 for a bad uuid, 403 without read:fan, and has no agency variant", async () => {
    const missing = await call("GET", `/insights/fans/${unknown}`);
    expect(missing.status).toBe(404);
    expect(Object.keys(await missing.json())).toEqual(["message"]);
    expect((await call("GET", "/insights/fans/nope")).status).toBe(400);
    const narrow = (await authorize(sb.url, client, "luna", ["openid", "read:insights"])).tokens.access_token;
    expect((await fetch(`${sb.url}/insights/fans/${spender}`, { headers: API_HEADERS(narrow) })).status).toBe(403);
    expect(
      (await call("POST", `/creators/${uuids.mia}/insights/fans/batch`, { userUuids: [unknown] }, "atlas")).status,
    ).toBe(404);
  });

  it("a fan who never subscribed still has a subscription object (required, not nullable), with null dates", async () => {
    const body = await (await call("GET", `/insights/fans/${follower}`)).json();
    expect(body).toMatchObject({
      subscription: { createdAt: null, renewsAt: null, autoRenewalEnabled: false },
      spending: { lastPurchaseAt: null, total: { gross: 0, total: 0 } },
    });
  });

  it("strict: an undocumented query parameter is refused with 400 naming it", async () => {
    const res = await call("GET", `/insights/fans/${spender}?include=all`);
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain("query.include");
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
    for (const body of [
      {},
      { userUuids: [] },
      { userUuids: hundredOne },
      { userUuids: ["nope"] },
      { userUuids: "x" },
      { fanUuids: [spender] },
      "{oops",
      "[]",
    ]) {
      const res = await batch(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      const out = await res.json();
      expect(Object.keys(out)).toEqual(["errors"]);
      expect(out.errors.length).toBeGreaterThan(0);
    }
  });

  it("strict: an undocumented body field is refused with 400 naming it; lenient: ignored", async () => {
    const res = await batch({ userUuids: [spender], includeSpending: true });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain("body.includeSpending");
    const lenient = await createSandbox({
      port: 0,
      strict: false,
      soloFans: 20,
      agencyFans: [5, 5, 5],
      clients: [{ ...client, redirectUris: [client.redirectUri], name: "Test" }],
    });
    try {
      const token = (await authorize(lenient.url, client, "luna")).tokens.access_token;
      const fan = lenient.state.world.creators.get(uuids.luna!)!.fans[0]!.uuid;
      const ok = await fetch(`${lenient.url}/insights/fans/batch`, {
        method: "POST",
        headers: { ...API_HEADERS(token), "Content-Type": "application/json" },
        body: JSON.stringify({ userUuids: [fan], includeSpending: false }),
      });
      expect(ok.status).toBe(200);
      expect((await ok.json())[fan].spending).toBeDefined();
    } finally {
      await lenient.close();
    }
  });

  it("fails chosen entries with `internal` while the admin switch is on", async () => {
    const on = await fetch(`${sb.url}/__sandbox/insights/internal`, {
      method: "POST",
      body: JSON.stringify({ uuids: [spender], times: 1 }),
    });
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
    expect(list).toEqual({
      results: { [spender]: null },
      errors: [{ fanUuid: spender, code: "INTERNAL", message: expect.any(String) }],
    });
    await fetch(`${sb.url}/__sandbox/insights/internal`, { method: "DELETE" });
    expect((await (await batch({ userUuids: [spender] })).json())[spender].spending).toBeDefined();
    const bad = await fetch(`${sb.url}/__sandbox/insights/internal`, {
      method: "POST",
      body: JSON.stringify({ rate: 2 }),
    });
    expect(bad.status).toBe(400);
  });
});

describe("the whole run", () => {
  it("every answer of the run matched the reference's response schema", async () => {
    const body = (await (await fetch(`${sb.url}/__sandbox/contract`)).json()) as { findings: { kind: string }[] };
    expect(body.findings.filter((f) => f.kind === "response")).toEqual([]);
  });
});
