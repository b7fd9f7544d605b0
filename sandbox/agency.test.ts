import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createSandbox, type RunningSandbox } from "./server";
import { API_HEADERS, authorize, type ClientCreds } from "./testing";
import { appendMessage, newMessage } from "./world/messaging";

const client: ClientCreds = { clientId: "test-app", clientSecret: "s3cret", redirectUri: "http://localhost:3999/cb" };
let sb: RunningSandbox;
const tokens: Record<string, string> = {};
const uuids: Record<string, string> = {};

beforeAll(async () => {
  sb = await createSandbox({
    port: 0,
    soloFans: 60,
    agencyFans: [80, 50, 40],
    rateLimit: { limit: 50, windowSec: 60 },
    clients: [{ ...client, redirectUris: [client.redirectUri], name: "Test" }],
  });
  for (const h of ["luna", "atlas", "sam", "kai"]) tokens[h] = (await authorize(sb.url, client, h)).tokens.access_token;
  for (const a of (await (await fetch(`${sb.url}/__sandbox/accounts`)).json()) as { uuid: string; handle: string }[])
    uuids[a.handle] = a.uuid;
});
afterAll(() => sb.close());
beforeEach(() => sb.state.buckets.clear());

const call = (method: string, path: string, who: string, body?: unknown) =>
  fetch(`${sb.url}${path}`, {
    method,
    headers: { ...API_HEADERS(tokens[who]!), "Content-Type": "application/json" },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
const get = (path: string, who = "atlas") => call("GET", path, who);
const json = async (path: string, who = "atlas") => {
  const res = await get(path, who);
  expect(res.status, path).toBe(200);
  return res.json();
};
async function allPages<T>(path: string, who = "atlas"): Promise<T[]> {
  const out: T[] = [];
  for (let page = 1; ; page++) {
    const body = await json(`${path}${path.includes("?") ? "&" : "?"}page=${page}&size=50`, who);
    out.push(...body.data);
    if (!body.pagination.hasMore) return out;
  }
}

describe("GET /creators", () => {
  it("lists the creators a token may act for", async () => {
    const atlas = await json("/creators");
    expect(atlas.data.map((c: { handle: string }) => c.handle)).toEqual(["mia", "nova", "ivy"]);
    expect(Object.keys(atlas.data[0]).sort()).toEqual([
      "avatarUrl",
      "displayName",
      "handle",
      "isTopSpender",
      "nickname",
      "registeredAt",
      "role",
      "uuid",
    ]);
    expect(atlas.pagination).toEqual({ page: 1, size: 3, hasMore: false });
    expect((await json("/creators", "sam")).data).toMatchObject([{ handle: "mia", role: "CHATTER" }]);
    expect(await json("/creators", "luna")).toEqual({ data: [], pagination: { page: 1, size: 0, hasMore: false } });
    const narrow = (await authorize(sb.url, client, "atlas", ["openid", "read:self"])).tokens.access_token;
    expect((await fetch(`${sb.url}/creators`, { headers: API_HEADERS(narrow) })).status).toBe(403);
  });
});

describe("/agencies/* access", () => {
  it("needs an agency admin and the agency scope", async () => {
    expect((await get("/agencies/team-members", "kai")).status).toBe(200);
    for (const who of ["sam", "luna"]) {
      const res = await get("/agencies/team-members", who);
      expect(res.status, who).toBe(403);
      expect(await res.json()).toEqual({ error: "Agency admin access required" });
    }
    const narrow = (await authorize(sb.url, client, "atlas", ["openid", "read:creator", "read:chat"])).tokens
      .access_token;
    const res = await fetch(`${sb.url}/agencies/chats`, { headers: API_HEADERS(narrow) });
    expect(res.status).toBe(403);
    expect((await res.json()).error).toMatch(/read:agency/);
  });

  it("bills /agencies/* to the agency's own bucket and /creators/{c}/… to the creator's", async () => {
    const first = await get("/users/me");
    const before = Number(first.headers.get("x-ratelimit-remaining"));
    const scoped = await get(`/creators/${uuids.mia}/insights/earnings`);
    expect(scoped.status).toBe(200);
    expect(scoped.headers.get("x-ratelimit-remaining")).toBe("49");
    await get("/agencies/team-members");
    const after = await get("/users/me");
    expect(Number(after.headers.get("x-ratelimit-remaining"))).toBe(before - 2);
  });
});

describe("team members", () => {
  it("lists members as a bare array with their creator access", async () => {
    const members = await json("/agencies/team-members");
    expect(Array.isArray(members)).toBe(true);
    const sam = members.find((m: { uuid: string }) => m.uuid === uuids.sam);
    expect(sam).toEqual({
      uuid: uuids.sam,
      isAdmin: false,
      nickname: null,
      email: "sam@sandbox.vuedeck.test",
      displayName: "Sam Ortiz",
      creatorAccess: [{ uuid: uuids.mia, role: "CHATTER" }],
    });
  });

  it("PUT changes access immediately", async () => {
    expect((await get(`/creators/${uuids.nova}/followers`, "sam")).status).toBe(403);
    const res = await call("PUT", `/agencies/team-members/${uuids.sam}`, "atlas", {
      creatorUuids: [uuids.mia, uuids.nova],
      nickname: "Sammy",
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      uuid: uuids.sam,
      nickname: "Sammy",
      creatorAccess: [{ uuid: uuids.mia }, { uuid: uuids.nova }],
    });
    expect((await get(`/creators/${uuids.nova}/followers`, "sam")).status).toBe(200);
    await call("PUT", `/agencies/team-members/${uuids.sam}`, "atlas", { creatorUuids: [uuids.mia] });
    expect((await get(`/creators/${uuids.nova}/followers`, "sam")).status).toBe(403);
    expect((await json("/agencies/team-members")).find((m: { uuid: string }) => m.uuid === uuids.sam).nickname).toBe(
      "Sammy",
    );
  });

  it("PUT validates its input", async () => {
    const put = (path: string, body: unknown) => call("PUT", path, "atlas", body);
    const cases: [string, unknown, number][] = [
      [`/agencies/team-members/${uuids.sam}`, {}, 400],
      [`/agencies/team-members/${uuids.sam}`, { creatorUuids: [uuids.luna] }, 400],
      [`/agencies/team-members/${uuids.sam}`, { creatorUuids: "all" }, 400],
      [`/agencies/team-members/${uuids.sam}`, { creatorUuids: null, nickname: "x".repeat(31) }, 400],
      [`/agencies/team-members/${uuids.sam}`, "{not json", 400],
      [`/agencies/team-members/${uuids.luna}`, { creatorUuids: null }, 404],
    ];
    for (const [path, body, status] of cases) {
      const res = await put(path, body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(Object.keys(await res.json())).toEqual([status === 400 ? "errors" : "message"]);
    }
    const bad = await put("/agencies/team-members/nope", { creatorUuids: null });
    expect(await bad.json()).toEqual({ message: "userId must be a valid UUID" });
    expect((await call("PUT", `/agencies/team-members/${uuids.sam}`, "sam", { creatorUuids: null })).status).toBe(403);
  });

  it("sends invites", async () => {
    // The reference's body is {email} alone.
    const extra = await call("POST", "/agencies/invites", "atlas", {
      email: "new.chatter@example.test",
      isAdmin: false,
    });
    expect(extra.status).toBe(400);
    expect((await extra.json()).errors.join(" ")).toMatch(/body\.isAdmin is not documented/);
    const res = await call("POST", "/agencies/invites", "atlas", { email: "new.chatter@example.test" });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ success: true });
    expect(body.inviteUuid).toMatch(/^[0-9a-f-]{36}$/);
    expect((await call("POST", "/agencies/invites", "atlas", { email: "nope" })).status).toBe(400);
    expect((await call("POST", "/agencies/invites", "atlas", { email: "sam@sandbox.vuedeck.test" })).status).toBe(409);
    expect(
      (await call("POST", "/agencies/creator-invites", "atlas", { email: "luna@sandbox.vuedeck.test" })).status,
    ).toBe(200);
    expect(
      (await call("POST", "/agencies/creator-invites", "atlas", { email: "mia@sandbox.vuedeck.test" })).status,
    ).toBe(409);
    expect((await call("POST", "/agencies/creator-invites", "atlas", { email: "ghost@example.test" })).status).toBe(
      404,
    );
  });
});

describe("aggregate reads", () => {
  it("streams chats across creators, newest activity first", async () => {
    const chats = await allPages<{
      lastMessageAt: string;
      creatorUuid: string;
      user: { uuid: string };
      lastMessage: { sentAt: string } | null;
    }>("/agencies/chats");
    const expected = ["mia", "nova", "ivy"].reduce((n, h) => n + sb.state.world.creators.get(uuids[h]!)!.chats.size, 0);
    expect(chats.length).toBe(expected);
    const times = chats.map((c) => Date.parse(c.lastMessageAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(new Set(chats.map((c) => c.creatorUuid))).toEqual(new Set([uuids.mia, uuids.nova, uuids.ivy]));
    expect(chats[0]!.lastMessage!.sentAt).toBe(chats[0]!.lastMessageAt);
    // A row is the creator's own chat row plus creatorUuid.
    const row = chats.find((c) => c.creatorUuid === uuids.nova)!;
    const own = (await allPages<{ user: { uuid: string } }>(`/creators/${uuids.nova}/chats`)).find(
      (c) => c.user.uuid === row.user.uuid,
    );
    expect(row).toMatchObject(own!);
  });

  it("lists subscribers across creators with a creatorUuids filter", async () => {
    const all = await allPages<{ creatorUuid: string; subscribedAt: string }>("/agencies/subscribers");
    const subs = (h: string) =>
      sb.state.world.creators.get(uuids[h]!)!.relations.filter((r) => r.status === "subscriber").length;
    expect(all.length).toBe(subs("mia") + subs("nova") + subs("ivy"));
    const at = all.map((r) => Date.parse(r.subscribedAt));
    expect([...at].sort((a, b) => b - a)).toEqual(at);
    const mia = await allPages<{ creatorUuid: string }>(`/agencies/subscribers?creatorUuids=${uuids.mia}`);
    expect(mia.length).toBe(subs("mia"));
    expect(mia.every((r) => r.creatorUuid === uuids.mia)).toBe(true);
    expect((await get(`/agencies/subscribers?creatorUuids=${uuids.luna}`)).status).toBe(403);
    expect((await get(`/agencies/subscribers?creatorUuids=${Array(51).fill(uuids.mia).join(",")}`)).status).toBe(400);
  });

  it("reports subscriber history and daily earnings that match the truth", async () => {
    const end = new Date(Math.floor(sb.state.world.anchor / 86_400_000) * 86_400_000).toISOString();
    const start = new Date(Date.parse(end) - 90 * 86_400_000).toISOString();
    const rows = await allPages<{ creatorUuid: string; date: string; gross: number; net: number; currency: string }>(
      `/agencies/earnings?startDate=${start}&endDate=${end}&creatorUuids=${uuids.mia}`,
    );
    const t = await (await fetch(`${sb.url}/__sandbox/truth/earnings?creator=mia&start=${start}&end=${end}`)).json();
    expect(rows.reduce((s, r) => s + r.gross, 0)).toBe(t.gross);
    expect(rows.reduce((s, r) => s + r.net, 0)).toBe(t.net);
    expect(rows.every((r) => /^\d{4}-\d{2}-\d{2}$/.test(r.date) && r.currency === "USD")).toBe(true);
    const history = await allPages<{ date: string; total: number; newSubscribersCount: number }>(
      `/agencies/subscribers-history?startDate=${start}&endDate=${end}`,
    );
    expect(history.length).toBe(90 * 3);
    expect(history[0]).toMatchObject({ date: start.slice(0, 10), creatorUuid: uuids.mia });
    for (const q of [
      "",
      `startDate=${start}`,
      `startDate=2020-01-01&endDate=2021-06-01`,
      `startDate=${end}&endDate=${start}`,
    ]) {
      const res = await get(`/agencies/subscribers-history?${q}`);
      expect(res.status, q).toBe(400);
      // Each missing or out-of-range date named (two when both are missing).
      expect((await res.json()).errors.join(" ")).toMatch(/startDate|endDate|range|before/);
    }
    expect((await get("/agencies/earnings?startDate=2026-01-01")).status).toBe(400);
  });

  it("derives the chatter leaderboard from messages team members sent", async () => {
    const mia = sb.state.world.creators.get(uuids.mia!)!;
    const chat = [...mia.chats.values()][0]!;
    const now = sb.state.clock.now();
    const base = { fromFan: false, sentByUserId: uuids.sam! };
    appendMessage(
      sb.state.world.seed,
      mia,
      chat.fanIdx,
      newMessage("00000000-0000-4000-8000-000000000001", { ...base, sentAt: now - 60_000, text: "hi" }),
    );
    appendMessage(
      sb.state.world.seed,
      mia,
      chat.fanIdx,
      newMessage("00000000-0000-4000-8000-000000000002", {
        ...base,
        sentAt: now - 30_000,
        text: "ppv",
        price: 900,
        purchasedAt: now,
      }),
    );
    appendMessage(
      sb.state.world.seed,
      mia,
      chat.fanIdx,
      newMessage("00000000-0000-4000-8000-000000000003", { ...base, sentAt: now - 20_000, text: "ppv2", price: 500 }),
    );
    const body = await json(`/agencies/insights/chatter-leaderboard?chatterUuids=${uuids.sam},${uuids.kai}`);
    expect(body.data).toHaveLength(2);
    expect(body.data[0]).toMatchObject({
      chatterUuid: uuids.sam,
      messages: 3,
      ppvsSent: 2,
      ppvsUnlocked: 1,
      revenue: 900,
      unlockRatio: 0.5,
      activeHours: expect.any(Number),
    });
    expect(body.data[1]).toMatchObject({ chatterUuid: uuids.kai, messages: 0, revenue: 0, avgResponseMs: null });
  });
});
