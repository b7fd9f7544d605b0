import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createSandbox, type RunningSandbox } from "./server";
import { API_HEADERS, authorize, type ClientCreds } from "./testing";

const client: ClientCreds = { clientId: "test-app", clientSecret: "s3cret", redirectUri: "http://localhost:3999/cb" };
let sb: RunningSandbox;
const tokens: Record<string, string> = {};
const uuids: Record<string, string> = {};

beforeAll(async () => {
  sb = await createSandbox({ port: 0, soloFans: 120, agencyFans: [60, 40, 40], clients: [{ ...client, redirectUris: [client.redirectUri], name: "Test" }] });
  for (const h of ["luna", "atlas", "sam"]) {
    const r = await authorize(sb.url, client, h);
    tokens[h] = r.tokens.access_token;
  }
  for (const a of (await (await fetch(`${sb.url}/__sandbox/accounts`)).json()) as { uuid: string; handle: string }[]) uuids[a.handle] = a.uuid;
});
afterAll(() => sb.close());
beforeEach(() => sb.state.buckets.clear());

const get = (path: string, who = "luna") => fetch(`${sb.url}${path}`, { headers: API_HEADERS(tokens[who]!) });
type FanUser = { uuid: string; handle: string; displayName: string; nickname: string | null; isTopSpender: boolean; avatarUrl: string | null; registeredAt: string };

async function all(path: string, who = "luna") {
  const out: FanUser[] = [];
  for (let page = 1; ; page++) {
    const res = await get(`${path}${path.includes("?") ? "&" : "?"}page=${page}&size=50`, who);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data: FanUser[]; pagination: { page: number; size: number; hasMore: boolean } };
    expect(body.pagination).toEqual({ page, size: body.data.length, hasMore: body.pagination.hasMore });
    out.push(...body.data);
    if (!body.pagination.hasMore) return out;
  }
}

describe("GET /followers and /subscribers", () => {
  it("partition the audience and agree with /users/me fanCounts", async () => {
    const followers = await all("/followers");
    const subscribers = await all("/subscribers");
    const me = await (await get("/users/me")).json();
    expect(followers.length).toBe(me.fanCounts.followersCount);
    expect(subscribers.length).toBe(me.fanCounts.subscribersCount);
    expect(followers.length + subscribers.length).toBe(120);
    const ids = new Set([...followers, ...subscribers].map((f) => f.uuid));
    expect(ids.size).toBe(120);
    const luna = sb.state.world.creators.get(uuids.luna!)!;
    for (const s of subscribers) expect(luna.relations[luna.fanIndex.get(s.uuid)!]!.status).toBe("subscriber");
    expect(Object.keys(followers[0]!).sort()).toEqual(["avatarUrl", "displayName", "handle", "isTopSpender", "nickname", "registeredAt", "uuid"]);
  });

  it("lists subscribers newest subscription first", async () => {
    const subscribers = await all("/subscribers");
    const luna = sb.state.world.creators.get(uuids.luna!)!;
    const at = subscribers.map((s) => luna.relations[luna.fanIndex.get(s.uuid)!]!.subscribedAt!);
    expect(at.length).toBeGreaterThan(2);
    expect([...at].sort((a, b) => b - a)).toEqual(at);
  });

  it("filters by search on handle and name", async () => {
    const [first] = await all("/subscribers");
    const res = await (await get(`/subscribers?search=${encodeURIComponent(first!.handle.toUpperCase())}`)).json();
    expect(res.data.map((f: FanUser) => f.uuid)).toContain(first!.uuid);
    expect(res.data.every((f: FanUser) => f.handle.includes(first!.handle) || f.displayName.toLowerCase().includes(first!.handle))).toBe(true);
    const none = await (await get("/followers?search=zzzz-nobody")).json();
    expect(none).toEqual({ data: [], pagination: { page: 1, size: 0, hasMore: false } });
  });

  it("rejects bad paging and search with 400 {errors}", async () => {
    for (const q of ["size=0", "size=51", "page=0", "page=x", "search=" + "a".repeat(101)]) {
      const res = await get(`/followers?${q}`);
      expect(res.status, q).toBe(400);
      expect((await res.json()).errors).toHaveLength(1);
    }
  });

  it("needs read:fan", async () => {
    const t = (await authorize(sb.url, client, "luna", ["openid", "read:self"])).tokens.access_token;
    const res = await fetch(`${sb.url}/subscribers`, { headers: API_HEADERS(t) });
    expect(res.status).toBe(403);
    expect((await res.json()).error).toMatch(/read:fan/);
  });
});

describe("agency variants", () => {
  it("serves managed creators and refuses others with 403 {error}", async () => {
    const mia = await all(`/creators/${uuids.mia}/subscribers`, "atlas");
    const miaWorld = sb.state.world.creators.get(uuids.mia!)!;
    expect(mia.length).toBe(miaWorld.relations.filter((r) => r.status === "subscriber").length);
    const luna = await get(`/creators/${uuids.luna}/followers`, "atlas");
    expect(luna.status).toBe(403);
    expect(await luna.json()).toEqual({ error: "Creator is not part of your agency" });
    expect((await get(`/creators/${uuids.mia}/followers`, "sam")).status).toBe(200);
    expect((await get(`/creators/${uuids.nova}/followers`, "sam")).status).toBe(403);
    const bad = await get(`/creators/not-a-uuid/followers`, "atlas");
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ message: "creatorUserUuid must be a valid UUID" });
  });

  it("lists online subscribers with limit and subscriberUuids", async () => {
    const c = sb.state.world.creators.get(uuids.mia!)!;
    const subs = c.fans.map((_, i) => i).filter((i) => c.relations[i]!.status === "subscriber");
    // Make the expectation independent of the seed's presence dice.
    for (const [k, i] of subs.entries()) c.fans[i]!.isOnline = k < 3;
    const online = subs.slice(0, 3).map((i) => c.fans[i]!.uuid);
    const body = await (await get(`/creators/${uuids.mia}/subscribers/online`, "atlas")).json();
    expect(body.count).toBe(3);
    expect(body.data.map((d: { uuid: string }) => d.uuid).sort()).toEqual([...online].sort());
    expect(Object.keys(body.data[0]).sort()).toEqual(["lastSeenAt", "uuid"]);
    const limited = await (await get(`/creators/${uuids.mia}/subscribers/online?limit=1`, "atlas")).json();
    expect(limited.data).toHaveLength(1);
    expect(limited.count).toBe(3);
    const filtered = await (await get(`/creators/${uuids.mia}/subscribers/online?subscriberUuids=${online[1]},${c.fans[subs[4]!]!.uuid}`, "atlas")).json();
    expect(filtered).toMatchObject({ count: 1, data: [{ uuid: online[1] }] });
    expect((await get(`/creators/${uuids.mia}/subscribers/online?limit=51`, "atlas")).status).toBe(400);
    expect((await get(`/creators/${uuids.mia}/subscribers/online?subscriberUuids=nope`, "atlas")).status).toBe(400);
  });
});
