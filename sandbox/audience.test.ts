import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createSandbox, type RunningSandbox } from "./server";
import { API_HEADERS, authorize, type ClientCreds } from "./testing";

const client: ClientCreds = { clientId: "test-app", clientSecret: "s3cret", redirectUri: "http://localhost:3999/cb" };
let sb: RunningSandbox;
const tokens: Record<string, string> = {};
const uuids: Record<string, string> = {};

beforeAll(async () => {
  sb = await createSandbox({
    port: 0,
    soloFans: 120,
    agencyFans: [60, 40, 40],
    clients: [{ ...client, redirectUris: [client.redirectUri], name: "Test" }],
  });
  for (const h of ["luna", "atlas", "sam"]) {
    const r = await authorize(sb.url, client, h);
    tokens[h] = r.tokens.access_token;
  }
  for (const a of (await (await fetch(`${sb.url}/__sandbox/accounts`)).json()) as { uuid: string; handle: string }[])
    uuids[a.handle] = a.uuid;
});
afterAll(() => sb.close());
beforeEach(() => sb.state.buckets.clear());

const get = (path: string, who = "luna") => fetch(`${sb.url}${path}`, { headers: API_HEADERS(tokens[who]!) });
type FanUser = {
  uuid: string;
  handle: string;
  displayName: string;
  nickname: string | null;
  isTopSpender: boolean;
  avatarUrl: string | null;
  registeredAt: string;
};

async function all(path: string, who = "luna") {
  const out: FanUser[] = [];
  for (let page = 1; ; page++) {
    const res = await get(`${path}${path.includes("?") ? "&" : "?"}page=${page}&size=50`, who);
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      data: FanUser[];
      pagination: { page: number; size: number; hasMore: boolean };
    };
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
    expect(Object.keys(followers[0]!).sort()).toEqual([
      "avatarUrl",
      "displayName",
      "handle",
      "isTopSpender",
      "nickname",
      "registeredAt",
      "uuid",
    ]);
  });

  it("lists subscribers newest subscription first", async () => {
    const subscribers = await all("/subscribers");
    const luna = sb.state.world.creators.get(uuids.luna!)!;
    const at = subscribers.map((s) => luna.relations[luna.fanIndex.get(s.uuid)!]!.subscribedAt!);
    expect(at.length).toBeGreaterThan(2);
    expect([...at].sort((a, b) => b - a)).toEqual(at);
  });

  it("sorts self subscribers by sortField and sortDirection, as the reference documents", async () => {
    const luna = sb.state.world.creators.get(uuids.luna!)!;
    const at = (f: FanUser) => luna.relations[luna.fanIndex.get(f.uuid)!]!.subscribedAt!;
    const oldest = await all("/subscribers?sortField=subscribedAt&sortDirection=asc");
    expect(oldest.map(at)).toEqual([...oldest.map(at)].sort((a, b) => a - b));
    const byName = (await all("/subscribers?sortField=name")).map((f) => f.displayName.toLowerCase());
    expect(byName).toEqual([...byName].sort());
    const desc = (await all("/subscribers?sortField=name&sortDirection=desc")).map((f) => f.displayName.toLowerCase());
    expect(desc).toEqual([...byName].reverse());
    expect((await get("/subscribers?sortField=spend")).status).toBe(400);
  });

  it("strict: an undocumented parameter (search, sorting followers or an agency's subscribers) is refused with 400 naming it", async () => {
    for (const [path, who, name] of [
      ["/followers?search=luna", "luna", "query.search"],
      ["/subscribers?search=x", "luna", "query.search"],
      ["/followers?sortField=name", "luna", "query.sortField"],
      [`/creators/${uuids.mia}/subscribers?sortField=name`, "atlas", "query.sortField"],
      [`/creators/${uuids.mia}/followers?search=a`, "atlas", "query.search"],
    ] as const) {
      const res = await get(path, who);
      expect(res.status, path).toBe(400);
      expect(JSON.stringify((await res.json()).errors), path).toContain(name);
    }
  });

  it("lenient (as Fanvue is expected to be): an undocumented parameter is ignored, never acted on", async () => {
    const lenient = await createSandbox({
      port: 0,
      strict: false,
      soloFans: 120,
      agencyFans: [60, 40, 40],
      clients: [{ ...client, redirectUris: [client.redirectUri], name: "Test" }],
    });
    try {
      const token = (await authorize(lenient.url, client, "luna")).tokens.access_token;
      const page = async (q: string) => {
        const res = await fetch(`${lenient.url}/followers${q}`, { headers: API_HEADERS(token) });
        expect(res.status, q).toBe(200);
        return ((await res.json()) as { data: FanUser[] }).data.map((f) => f.uuid);
      };
      const plain = await page("?size=10");
      const nobody = await page("?size=10&search=zzzz-nobody");
      expect(nobody).toEqual(plain);
      expect(await page("?size=10&sortField=name&sortDirection=asc")).toEqual(plain);
      const findings = (await (await fetch(`${lenient.url}/__sandbox/contract`)).json()) as {
        findings: { undocumented: string[] }[];
      };
      expect(findings.findings.flatMap((f) => f.undocumented)).toEqual(
        expect.arrayContaining(["query.search", "query.sortField"]),
      );
    } finally {
      await lenient.close();
    }
  });

  it("rejects bad paging with 400 {errors}", async () => {
    for (const q of ["size=0", "size=51", "page=0", "page=x"]) {
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
    const filtered = await (
      await get(
        `/creators/${uuids.mia}/subscribers/online?subscriberUuids=${online[1]},${c.fans[subs[4]!]!.uuid}`,
        "atlas",
      )
    ).json();
    expect(filtered).toMatchObject({ count: 1, data: [{ uuid: online[1] }] });
    expect((await get(`/creators/${uuids.mia}/subscribers/online?limit=51`, "atlas")).status).toBe(400);
    expect((await get(`/creators/${uuids.mia}/subscribers/online?subscriberUuids=nope`, "atlas")).status).toBe(400);
  });
});

describe("the whole run", () => {
  it("every answer of the run matched the reference's response schema", async () => {
    const body = (await (await fetch(`${sb.url}/__sandbox/contract`)).json()) as {
      findings: { kind: string; route: string; problems: string[] }[];
    };
    expect(body.findings.filter((f) => f.kind === "response")).toEqual([]);
  });
});
