import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createSandbox, type RunningSandbox } from "./server";
import { API_HEADERS, authorize, type ClientCreds } from "./testing";
import { materialize } from "./world/messaging";
import type { CreatorWorld } from "./world/types";

const client: ClientCreds = { clientId: "test-app", clientSecret: "s3cret", redirectUri: "http://localhost:3999/cb" };
let sb: RunningSandbox;
let token: string;
let luna: CreatorWorld;

beforeAll(async () => {
  sb = await createSandbox({
    port: 0,
    soloFans: 100,
    agencyFans: [20, 20, 20],
    clients: [{ ...client, redirectUris: [client.redirectUri], name: "Test" }],
  });
  const auth = await authorize(sb.url, client, "luna");
  token = auth.tokens.access_token;
  luna = sb.state.world.creators.get(auth.account.uuid)!;
});
afterAll(() => sb.close());
beforeEach(() => sb.state.buckets.clear());

const sim = (action: string, body: unknown) =>
  fetch(`${sb.url}/__sandbox/simulate/${action}`, {
    method: "POST",
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
const api = async (path: string) => (await fetch(`${sb.url}${path}`, { headers: API_HEADERS(token) })).json();
const events = async () =>
  (await (await fetch(`${sb.url}/__sandbox/webhooks`)).json()).events as {
    event: string;
    payload: Record<string, unknown>;
  }[];

describe("simulated fan activity", () => {
  it("message: appends an unread fan message and emits message-received", async () => {
    const res = await sim("message", { creator: "luna", text: "hello from a test" });
    expect(res.status).toBe(201);
    const body = await res.json();
    const idx = luna.fanIndex.get(body.fanUuid)!;
    const chat = luna.chats.get(idx)!;
    const last = chat.messages![chat.messages!.length - 1]!;
    expect(last).toMatchObject({ uuid: body.messageUuid, text: "hello from a test", fromFan: true, isRead: false });
    expect(chat.unreadCount).toBeGreaterThan(0);
    expect(chat.lastMessageAt).toBe(last.sentAt);
    expect((await events()).at(-1)).toMatchObject({
      event: "message-received",
      payload: { messageUuid: body.messageUuid },
    });
  });

  it("tip on a post: ledger row referencing the post, visible in earnings and the truth", async () => {
    const post = luna.posts.find((p) => p.publishedAt !== null)!;
    const before = await (await fetch(`${sb.url}/__sandbox/truth/earnings?creator=luna`)).json();
    const res = await sim("tip", { creator: "luna", amount: 900, postUuid: post.uuid });
    expect(res.status).toBe(201);
    const [row] = (await api("/insights/earnings?size=1")).data;
    expect(row).toMatchObject({ source: "tip", gross: 900, net: 720, postUuid: post.uuid });
    expect(row).not.toHaveProperty("messageUuid");
    const after = await (await fetch(`${sb.url}/__sandbox/truth/earnings?creator=luna`)).json();
    expect(after.bySource.tip.gross - before.bySource.tip.gross).toBe(900);
    expect((await events()).at(-1)).toMatchObject({
      event: "tip-received",
      payload: { context: "post", postUuid: post.uuid, price: 900 },
    });
  });

  it("subscribe and follow keep lists, counts and /users/me in step", async () => {
    const me0 = await api("/users/me");
    const sub = await (await sim("subscribe", { creator: "luna" })).json();
    const follow = await (await sim("follow", { creator: "luna", displayName: "Test Fan" })).json();
    const me1 = await api("/users/me");
    expect(me1.fanCounts).toEqual({
      subscribersCount: me0.fanCounts.subscribersCount + 1,
      followersCount: me0.fanCounts.followersCount,
    });
    expect((await api("/subscribers?size=1")).data[0].uuid).toBe(sub.fanUuid);
    expect((await api("/followers?size=1")).data[0]).toMatchObject({ uuid: follow.fanUuid, displayName: "Test Fan" });
    const insight = await api(`/insights/fans/${sub.fanUuid}`);
    expect(insight.status).toBe("subscriber");
    expect(insight.subscription).toMatchObject({ autoRenewalEnabled: true });
    expect((await (await sim("subscribe", { creator: "luna", fan: sub.fanUuid })).json()).message).toMatch(/already/);
    const evs = (await events()).slice(-2).map((e) => e.event);
    expect(evs).toEqual(["new-subscriber", "new-follower"]);
  });

  it("purchase: unlocks a PPV message once, with a ledger row and purchase-received", async () => {
    let target: { fanIdx: number; uuid: string; price: number } | undefined;
    for (const chat of luna.chats.values()) {
      const m = materialize(sb.state.world.seed, luna, chat).find(
        (x) => !x.fromFan && x.price !== null && x.purchasedAt === null,
      );
      if (m) {
        target = { fanIdx: chat.fanIdx, uuid: m.uuid, price: m.price! };
        break;
      }
    }
    expect(target).toBeDefined();
    const fan = luna.fans[target!.fanIdx]!.uuid;
    const res = await sim("purchase", { creator: "luna", fan, messageUuid: target!.uuid });
    expect(res.status).toBe(201);
    const [row] = (await api("/insights/earnings?size=1")).data;
    expect(row).toMatchObject({
      source: "message",
      gross: target!.price,
      messageUuid: target!.uuid,
      user: { uuid: fan },
    });
    expect((await events()).at(-1)).toMatchObject({
      event: "purchase-received",
      payload: { routeUuid: target!.uuid, price: target!.price },
    });
    expect((await sim("purchase", { creator: "luna", fan, messageUuid: target!.uuid })).status).toBe(409);
  });

  it("purchase: buys a PPV post", async () => {
    const post = luna.posts.find((p) => p.price !== null && p.publishedAt !== null)!;
    const fanIdx = luna.fans.findIndex(
      (_, i) => !luna.ledger.rowsOfRef(post.uuid).some((r) => luna.ledger.fanIdx[r] === i),
    );
    const fan = luna.fans[fanIdx]!.handle;
    const res = await sim("purchase", { creator: "luna", fan, postUuid: post.uuid });
    expect(res.status).toBe(201);
    expect((await events()).at(-1)).toMatchObject({
      event: "purchase-received",
      payload: { postUuid: post.uuid, price: post.price },
    });
    expect((await sim("purchase", { creator: "luna", fan, postUuid: post.uuid })).status).toBe(409);
  });

  it("validates input with 400/404 and a message", async () => {
    const cases: [string, unknown, number][] = [
      ["message", { creator: "luna" }, 400],
      ["message", { creator: "nobody", text: "x" }, 404],
      ["message", { text: "x" }, 400],
      ["message", "{bad json", 400],
      ["tip", { creator: "luna", amount: 50 }, 400],
      ["tip", { creator: "luna", amount: "100" }, 400],
      ["tip", { creator: "luna", amount: 500, postUuid: "nope" }, 400],
      ["tip", { creator: "luna", amount: 500, postUuid: "0b7e3c1a-1111-4222-8333-444455556666" }, 404],
      ["tip", { creator: "luna", amount: 500, fan: "ghost" }, 404],
      ["purchase", { creator: "luna" }, 400],
      ["purchase", { creator: "luna", fan: luna.fans[0]!.uuid }, 400],
      [
        "purchase",
        { creator: "luna", fan: luna.fans[0]!.uuid, messageUuid: "0b7e3c1a-1111-4222-8333-444455556666" },
        404,
      ],
      ["follow", { creator: "luna", handle: "bad handle!" }, 400],
      ["subscribe", { creator: "luna", autoRenew: "yes" }, 400],
    ];
    for (const [action, body, status] of cases) {
      const res = await sim(action, body);
      expect(res.status, `${action} ${JSON.stringify(body)}`).toBe(status);
      const out = await res.json();
      expect(out.message ?? out.errors?.[0]).toEqual(expect.any(String));
    }
  });
});

describe("ground truth", () => {
  it("reports a fan's lifetime totals by source and 404s for strangers", async () => {
    const top = (await api("/insights/top-spenders?size=1")).data[0];
    const t = await (await fetch(`${sb.url}/__sandbox/truth/fans/${top.user.uuid}?creator=luna`)).json();
    expect(t).toMatchObject({ fanUuid: top.user.uuid, gross: top.gross, net: top.net });
    const bySource = Object.values(t.bySource) as { gross: number }[];
    expect(bySource.reduce((s, x) => s + x.gross, 0)).toBe(t.gross);
    expect(
      (await fetch(`${sb.url}/__sandbox/truth/fans/0b7e3c1a-1111-4222-8333-444455556666?creator=luna`)).status,
    ).toBe(404);
    expect((await fetch(`${sb.url}/__sandbox/truth/earnings?creator=luna&start=yesterday`)).status).toBe(400);
  });
});
