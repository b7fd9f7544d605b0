// Contract tests for §5.2 chat writes and counters: POST /chats, PATCH
// /chats/{userUuid}, GET /chats/unread, POST /chats/statuses (self and §6 mirror).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allPages, startChatKit, type ChatKit } from "./api/chats-testkit";

let kit: ChatKit;
let luna: string;
let atlas: string;
let sam: string;

beforeAll(async () => {
  kit = await startChatKit(120);
  luna = await kit.token("luna");
  atlas = await kit.token("atlas");
  sam = await kit.token("sam");
});
afterAll(() => kit.close());

describe("POST /chats", () => {
  it("creates an empty conversation that shows up in the list, idempotently", async () => {
    const c = kit.creator("luna");
    const idx = c.fans.findIndex((_, i) => !c.chats.has(i) && c.relations[i]!.contactable);
    const fan = c.fans[idx]!;
    const r = await kit.call(luna, "POST", "/chats", { userUuid: fan.uuid });
    expect(r.status).toBe(201);
    expect(typeof r.body.message).toBe("string");
    const list = await kit.call(luna, "GET", "/chats?size=1");
    expect(list.body.data[0].user.uuid).toBe(fan.uuid);
    expect(list.body.data[0].lastMessage).toBeNull();
    const msgs = await kit.call(luna, "GET", `/chats/${fan.uuid}/messages`);
    expect(msgs.body).toEqual({ data: [], pagination: { page: 1, size: 0, hasMore: false } });
    const again = await kit.call(luna, "POST", "/chats", { userUuid: fan.uuid });
    expect(again.status).toBe(201);
    expect((await allPages(kit, luna, "/chats")).length).toBe(c.chats.size);
  });

  it("answers 400 for uncontactable users, 404 for strangers and validation errors", async () => {
    const c = kit.creator("luna");
    const idx = c.fans.findIndex((_, i) => !c.chats.has(i));
    c.relations[idx]!.contactable = false;
    const r = await kit.call(luna, "POST", "/chats", { userUuid: c.fans[idx]!.uuid });
    expect(r.status).toBe(400);
    expect(Object.keys(r.body)).toEqual(["message"]);
    expect(c.chats.has(idx)).toBe(false);
    c.relations[idx]!.contactable = true;
    const stranger = await kit.call(luna, "POST", "/chats", { userUuid: kit.uuidOf("felix") });
    expect(stranger.status).toBe(404);
    expect(stranger.body).toEqual({ message: "User not found" });
    for (const body of [{}, { userUuid: 5 }, { userUuid: "nope" }, "{not json", "[]"]) {
      const v = await kit.call(luna, "POST", "/chats", body);
      expect(v.status).toBe(400);
      expect(Array.isArray(v.body.errors)).toBe(true);
    }
    expect(
      (
        await kit.call(await kit.token("luna", ["openid", "read:chat"]), "POST", "/chats", {
          userUuid: c.fans[0]!.uuid,
        })
      ).status,
    ).toBe(403);
  });

  it("works through the agency mirror for a managed creator only", async () => {
    const mia = kit.creator("mia");
    const idx = mia.fans.findIndex((_, i) => !mia.chats.has(i) && mia.relations[i]!.contactable);
    const r = await kit.call(sam, "POST", `/creators/${kit.uuidOf("mia")}/chats`, { userUuid: mia.fans[idx]!.uuid });
    expect(r.status).toBe(201);
    expect(mia.chats.has(idx)).toBe(true);
    const nova = kit.creator("nova");
    expect(
      (await kit.call(sam, "POST", `/creators/${kit.uuidOf("nova")}/chats`, { userUuid: nova.fans[0]!.uuid })).status,
    ).toBe(403);
  });
});

describe("PATCH /chats/{userUuid}", () => {
  it("mutes, nicknames (shown on FanUser) and clears the nickname with an empty string", async () => {
    const first = (await kit.call(luna, "GET", "/chats?filter=not_muted&size=1")).body.data[0];
    const u = first.user.uuid;
    expect((await kit.call(luna, "PATCH", `/chats/${u}`, { isMuted: true, nickname: "Big Tipper" })).status).toBe(204);
    const all = await allPages(kit, luna, "/chats");
    const row = all.find((x) => x.user.uuid === u);
    expect(row.isMuted).toBe(true);
    expect(row.user.nickname).toBe("Big Tipper");
    const notMuted = await allPages(kit, luna, "/chats?filter=not_muted");
    expect(notMuted.some((x) => x.user.uuid === u)).toBe(false);
    // The reference's nickname is a non-nullable string: null is refused.
    const nul = await kit.call(luna, "PATCH", `/chats/${u}`, { nickname: null });
    expect(nul.status).toBe(400);
    expect(nul.body.errors.join(" ")).toMatch(/nickname/);
    expect((await kit.call(luna, "PATCH", `/chats/${u}`, { nickname: "", isMuted: false })).status).toBe(204);
    const after = (await allPages(kit, luna, "/chats")).find((x) => x.user.uuid === u);
    expect(after.user.nickname).toBeNull();
    expect(after.isMuted).toBe(false);
  });

  it("marks read (emitting message-read) and unread, keeping unread counts in step", async () => {
    const c = kit.creator("luna");
    const row = (await kit.call(luna, "GET", "/chats?filter=unread&size=1")).body.data[0];
    const before = (await kit.call(luna, "GET", "/chats/unread")).body;
    kit.events.length = 0;
    expect((await kit.call(luna, "PATCH", `/chats/${row.user.uuid}`, { isRead: true })).status).toBe(204);
    const after = (await kit.call(luna, "GET", "/chats/unread")).body;
    expect(after.unreadChatsCount).toBe(before.unreadChatsCount - 1);
    expect(after.unreadMessagesCount).toBe(before.unreadMessagesCount - row.unreadMessagesCount);
    expect(kit.events).toHaveLength(1);
    expect(kit.events[0]!.event).toBe("message-read");
    expect(kit.events[0]!.payload).toEqual({
      counterpartUuid: row.user.uuid,
      readMessagesCount: row.unreadMessagesCount,
      recipientUuid: c.account.uuid,
      timestamp: expect.any(String),
    });
    const msgs = await kit.call(luna, "GET", `/chats/${row.user.uuid}/messages?size=50&markAsRead=false`);
    expect(msgs.body.data.filter((m: any) => m.sender.uuid === row.user.uuid).every((m: any) => m.isRead)).toBe(true);
    expect((await kit.call(luna, "PATCH", `/chats/${row.user.uuid}`, { isRead: true })).status).toBe(204);
    expect(kit.events).toHaveLength(1);
    expect((await kit.call(luna, "PATCH", `/chats/${row.user.uuid}`, { isRead: false })).status).toBe(204);
    const unreadAgain = (await allPages(kit, luna, "/chats?filter=unread")).find((x) => x.user.uuid === row.user.uuid);
    expect(unreadAgain.unreadMessagesCount).toBe(1);
  });

  it("validates the body and the path", async () => {
    const u = (await kit.call(luna, "GET", "/chats?size=1")).body.data[0].user.uuid;
    for (const body of [
      {},
      { isRead: "yes" },
      { isMuted: 1 },
      { nickname: "x".repeat(31) },
      { nickname: null },
      { nickname: 3 },
      "{",
    ]) {
      const r = await kit.call(luna, "PATCH", `/chats/${u}`, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(Array.isArray(r.body.errors)).toBe(true);
    }
    const bad = await kit.call(luna, "PATCH", "/chats/not-a-uuid", { isMuted: true });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body)).toEqual(["message"]);
    const none = await kit.call(luna, "PATCH", `/chats/${kit.uuidOf("felix")}`, { isMuted: true });
    expect(none.status).toBe(404);
    expect(none.body).toEqual({ message: "No conversation found with the given user" });
  });

  it("works through the agency mirror", async () => {
    const mia = kit.creator("mia");
    const fanIdx = [...mia.chats.keys()][0]!;
    const r = await kit.call(atlas, "PATCH", `/creators/${kit.uuidOf("mia")}/chats/${mia.fans[fanIdx]!.uuid}`, {
      nickname: "Agency pick",
    });
    expect(r.status).toBe(204);
    expect(mia.relations[fanIdx]!.nickname).toBe("Agency pick");
    const extra = await kit.call(atlas, "PATCH", `/creators/${kit.uuidOf("mia")}/chats/${mia.fans[fanIdx]!.uuid}`, {
      nickname: "x",
      label: "vip",
    });
    expect(extra.status).toBe(400);
    expect(extra.body.errors).toEqual([
      "body.label is not documented for PATCH /creators/{creatorUserUuid}/chats/{userUuid} in Fanvue's API reference",
    ]);
    expect(mia.relations[fanIdx]!.nickname).toBe("Agency pick");
  });
});

describe("GET /chats/unread and POST /chats/statuses", () => {
  it("reports unread totals that agree with the chat list", async () => {
    const r = await kit.call(luna, "GET", "/chats/unread");
    expect(r.status).toBe(200);
    const rows = await allPages(kit, luna, "/chats");
    expect(r.body.unreadChatsCount).toBe(rows.filter((x) => !x.isRead).length);
    expect(r.body.unreadMessagesCount).toBe(rows.reduce((n, x) => n + x.unreadMessagesCount, 0));
    expect(Object.keys(r.body.unreadNotifications).sort()).toEqual([
      "newFollower",
      "newPostComment",
      "newPostLike",
      "newPromotion",
      "newPurchase",
      "newSubscriber",
      "newTip",
    ]);
    expect(Object.values(r.body.unreadNotifications).every((v) => Number.isInteger(v))).toBe(true);
  });

  it("maps presence by uuid, hiding hidden users' last seen time", async () => {
    const c = kit.creator("luna");
    const hidden = c.fans.find((f) => f.lastSeenAt === null)!;
    const seen = c.fans.find((f) => f.lastSeenAt !== null && !f.isOnline)!;
    const r = await kit.call(luna, "POST", "/chats/statuses", {
      userUuids: [hidden.uuid, seen.uuid, kit.uuidOf("felix")],
    });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      [hidden.uuid]: { isOnline: false, lastSeenAt: null },
      [seen.uuid]: { isOnline: false, lastSeenAt: new Date(seen.lastSeenAt!).toISOString() },
    });
    for (const body of [
      {},
      { userUuids: [] },
      { userUuids: ["x"] },
      { userUuids: Array.from({ length: 101 }, () => hidden.uuid) },
      "nope",
    ]) {
      const v = await kit.call(luna, "POST", "/chats/statuses", body);
      expect(v.status).toBe(400);
      expect(Array.isArray(v.body.errors)).toBe(true);
    }
  });
});
