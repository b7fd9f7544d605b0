import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createSandbox, type RunningSandbox } from "./server";
import { API_HEADERS, authorize, type ClientCreds } from "./testing";

const client: ClientCreds = { clientId: "test-app", clientSecret: "s3cret", redirectUri: "http://localhost:3999/cb" };
let sb: RunningSandbox;
let lunaToken: string;

beforeAll(async () => {
  sb = await createSandbox({
    port: 0,
    soloFans: 80,
    agencyFans: [20, 20, 20],
    rateLimit: { limit: 5, windowSec: 60 },
    clients: [{ ...client, redirectUris: [client.redirectUri], name: "Test" }],
  });
  lunaToken = (await authorize(sb.url, client, "luna")).tokens.access_token;
});
afterAll(() => sb.close());
beforeEach(() => sb.state.buckets.clear());

const me = (headers: Record<string, string>) => fetch(`${sb.url}/users/me`, { headers });

describe("GET /users/me", () => {
  it("returns the documented shape with counts that agree with the audience", async () => {
    const res = await me(API_HEADERS(lunaToken));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ handle: "luna", displayName: "Luna Vale", isCreator: true });
    const luna = sb.state.world.creators.get(body.uuid)!;
    const subs = luna.relations.filter((r) => r.status === "subscriber").length;
    expect(body.fanCounts).toEqual({ subscribersCount: subs, followersCount: 80 - subs });
  });

  it("gives agency accounts no creator counts (the fields are absent, as the reference allows)", async () => {
    const t = (await authorize(sb.url, client, "atlas")).tokens.access_token;
    const body = await (await me(API_HEADERS(t))).json();
    expect(body).toMatchObject({ handle: "atlas", isCreator: false });
    expect(body).not.toHaveProperty("fanCounts");
    expect(body).not.toHaveProperty("contentCounts");
    expect(body).not.toHaveProperty("likesCount");
  });

  it("answers 400 / 410 for a missing, unknown or retired API version", async () => {
    const missing = await me({ Authorization: `Bearer ${lunaToken}` });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual({
      error: "Unsupported API version",
      message: "Missing X-Fanvue-API-Version header",
    });
    const unknown = await me({ Authorization: `Bearer ${lunaToken}`, "X-Fanvue-API-Version": "2030-01-01" });
    expect((await unknown.json()).message).toBe("API version '2030-01-01' is not supported");
    const retired = await me({ Authorization: `Bearer ${lunaToken}`, "X-Fanvue-API-Version": "2024-01-01" });
    expect(retired.status).toBe(410);
    expect(await retired.json()).toMatchObject({ error: "API version no longer supported", nextVersion: "2025-06-26" });
  });

  it("answers 401 without a valid token and 403 without the scope", async () => {
    expect((await me({ "X-Fanvue-API-Version": "2025-06-26" })).status).toBe(401);
    expect((await me(API_HEADERS("sbx_at_nope"))).status).toBe(401);
    const narrow = (await authorize(sb.url, client, "luna", ["openid", "read:chat"])).tokens.access_token;
    const res = await me(API_HEADERS(narrow));
    expect(res.status).toBe(403);
    expect((await res.json()).error).toMatch(/read:self/);
  });

  it("sends rate-limit headers and 429 with Retry-After when the bucket is empty", async () => {
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 6; i++) {
      last = await me(API_HEADERS(lunaToken));
      statuses.push(last.status);
      if (i === 0) {
        expect(last.headers.get("x-ratelimit-limit")).toBe("5");
        expect(last.headers.get("x-ratelimit-remaining")).toBe("4");
        expect(Number(last.headers.get("x-ratelimit-reset"))).toBeGreaterThan(Date.now() / 1000);
      }
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    expect(Number(last!.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await last!.json()).toEqual({ error: "Too Many Requests" });
  });

  it("expires access tokens on the admin switch", async () => {
    const t = (await authorize(sb.url, client, "ivy")).tokens.access_token;
    expect((await me(API_HEADERS(t))).status).toBe(200);
    await fetch(`${sb.url}/__sandbox/tokens/expire`, { method: "POST", body: JSON.stringify({ handle: "ivy" }) });
    expect((await me(API_HEADERS(t))).status).toBe(401);
  });
});
