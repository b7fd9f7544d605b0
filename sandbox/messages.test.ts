// Contract tests for §5.3 chat messages and §5.2 chat media: list (marks read),
// single message, send (validation, templates, contactability, sentByUserId on
// the agency mirror), unsend, and the cursor-style media list.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allPages, longText, startChatKit, type ChatKit } from "./api/chats-testkit";

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

const MESSAGE_KEYS = [
  "hasMedia",
  "isRead",
  "mediaType",
  "mediaUuids",
  "pricing",
  "purchasedAt",
  "recipient",
  "sender",
  "sentAt",
  "sentByUserId",
  "text",
  "type",
  "uuid",
];
const NO_CONVERSATION = { message: "No conversation found with the given user" };

/** A contactable fan of the creator who already has a conversation. */
function chatFan(handle: string, skip = 0) {
  const c = kit.creator(handle);
  const idx = [...c.chats.keys()].filter((i) => c.relations[i]!.contactable)[skip]!;
  return c.fans[idx]!.uuid;
}

const readyMedia = (handle: string, n = 1) =>
  kit
    .creator(handle)
    .media.filter((m) => m.status === "ready" && m.mediaType === "image")
    .slice(0, n)
    .map((m) => m.uuid);

describe("GET /chats/{userUuid}/messages", () => {
  it("lists newest first with the documented item shape and page envelope", async () => {
    const fan = chatFan("luna");
    const all = await allPages(kit, luna, `/chats/${fan}/messages?markAsRead=false`, 5);
    expect(all.length).toBeGreaterThan(2);
    for (const m of all) {
      expect(Object.keys(m).sort()).toEqual(MESSAGE_KEYS);
      expect([m.sender.uuid, m.recipient.uuid].sort()).toEqual([fan, kit.uuidOf("luna")].sort());
      expect(m.hasMedia).toBe(m.mediaUuids.length > 0);
      expect(m.mediaType === null).toBe(m.mediaUuids.length === 0);
      expect(m.pricing === null || (Number.isInteger(m.pricing.USD.price) && m.pricing.USD.price >= 300)).toBe(true);
    }
    const times = all.map((m) => Date.parse(m.sentAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const first = await kit.call(luna, "GET", `/chats/${fan}/messages?size=2&markAsRead=false`);
    expect(first.body.pagination).toEqual({ page: 1, size: 2, hasMore: true });
    expect(first.body.data).toEqual(all.slice(0, 2));
  });

  it("marks the chat read by default (once) and not with markAsRead=false", async () => {
    const unread = (await kit.call(luna, "GET", "/chats?filter=unread&size=2")).body.data;
    const [a, b] = unread;
    kit.events.length = 0;
    const peek = await kit.call(luna, "GET", `/chats/${b.user.uuid}/messages?markAsRead=false`);
    expect(peek.status).toBe(200);
    expect(peek.body.data.filter((m: any) => !m.isRead && m.sender.uuid === b.user.uuid)).toHaveLength(
      b.unreadMessagesCount,
    );
    expect(kit.events).toHaveLength(0);
    const read = await kit.call(luna, "GET", `/chats/${a.user.uuid}/messages`);
    expect(read.status).toBe(200);
    expect(kit.events.map((e) => e.event)).toEqual(["message-read"]);
    expect(kit.events[0]!.payload).toMatchObject({
      counterpartUuid: a.user.uuid,
      readMessagesCount: a.unreadMessagesCount,
      recipientUuid: kit.uuidOf("luna"),
    });
    const rows = await allPages(kit, luna, "/chats");
    expect(rows.find((x) => x.user.uuid === a.user.uuid).unreadMessagesCount).toBe(0);
    expect(rows.find((x) => x.user.uuid === b.user.uuid).unreadMessagesCount).toBe(b.unreadMessagesCount);
    const reread = await kit.call(luna, "GET", `/chats/${a.user.uuid}/messages`);
    expect(reread.body.data.every((m: any) => m.isRead || m.sender.uuid !== a.user.uuid)).toBe(true);
    expect(kit.events).toHaveLength(1);
  });

  it("answers 404 without a conversation, 400 for bad uuids and flags", async () => {
    const none = await kit.call(luna, "GET", `/chats/${kit.uuidOf("felix")}/messages`);
    expect(none.status).toBe(404);
    expect(none.body).toEqual(NO_CONVERSATION);
    const bad = await kit.call(luna, "GET", "/chats/xyz/messages");
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body)).toEqual(["message"]);
    const flag = await kit.call(luna, "GET", `/chats/${chatFan("luna")}/messages?markAsRead=maybe`);
    expect(flag.status).toBe(400);
    expect(flag.body.errors).toEqual(["markAsRead must be one of: true, false"]);
    expect(
      (await kit.call(await kit.token("luna", ["openid", "write:chat"]), "GET", `/chats/${chatFan("luna")}/messages`))
        .status,
    ).toBe(403);
  });

  it("has no single-message read: the reference documents none", async () => {
    const fan = chatFan("luna", 1);
    const list = await kit.call(luna, "GET", `/chats/${fan}/messages?size=3&markAsRead=false`);
    const one = await kit.call(luna, "GET", `/chats/${fan}/messages/${list.body.data[2].uuid}`);
    expect([404, 405]).toContain(one.status);
  });
});

/** A message of the conversation by uuid, read through the documented list. */
async function findMessage(token: string, base: string, uuid: string) {
  const all = await allPages(kit, token, `${base}/messages?markAsRead=false`);
  return all.find((m) => m.uuid === uuid);
}

describe("POST /chats/{userUuid}/message", () => {
  it("sends text, visible in the message list and as the chat's lastMessage", async () => {
    const fan = chatFan("luna", 2);
    const r = await kit.call(luna, "POST", `/chats/${fan}/message`, { text: "hello from the test" });
    expect(r.status).toBe(201);
    expect(Object.keys(r.body)).toEqual(["messageUuid"]);
    const top = (await kit.call(luna, "GET", `/chats/${fan}/messages?size=1&markAsRead=false`)).body.data[0];
    expect(top).toMatchObject({
      uuid: r.body.messageUuid,
      text: "hello from the test",
      type: "SINGLE_RECIPIENT",
      pricing: null,
      hasMedia: false,
      sentByUserId: null,
    });
    expect(top.sender).toEqual({ uuid: kit.uuidOf("luna"), handle: "luna" });
    const chat = (await kit.call(luna, "GET", "/chats?size=1")).body.data[0];
    expect(chat.user.uuid).toBe(fan);
    expect(chat.lastMessage).toMatchObject({ uuid: r.body.messageUuid, senderUuid: kit.uuidOf("luna") });
    expect(chat.lastMessageAt).toBe(top.sentAt);
  });

  it("sends pay-to-view media that shows up in the chat media list", async () => {
    const fan = chatFan("luna", 3);
    const media = readyMedia("luna", 2);
    const r = await kit.call(luna, "POST", `/chats/${fan}/message`, {
      text: "unlock me",
      mediaUuids: media,
      price: 900,
    });
    expect(r.status).toBe(201);
    const top = (await kit.call(luna, "GET", `/chats/${fan}/messages?size=1&markAsRead=false`)).body.data[0];
    expect(top).toMatchObject({
      mediaUuids: media,
      hasMedia: true,
      mediaType: "image",
      pricing: { USD: { price: 900 } },
      purchasedAt: null,
    });
    const mediaList = await kit.call(luna, "GET", `/chats/${fan}/media?limit=2`);
    expect(mediaList.body.data.map((m: any) => [m.uuid, m.messageUuid])).toEqual(
      media.map((u) => [u, r.body.messageUuid]),
    );
  });

  it("fills text, media and price from a template; body fields win", async () => {
    const c = kit.creator("luna");
    const t = c.templates.find((x) => x.price !== null && x.mediaUuids.length > 0)!;
    const fan = chatFan("luna", 4);
    const r = await kit.call(luna, "POST", `/chats/${fan}/message`, { templateUuid: t.uuid });
    expect(r.status).toBe(201);
    const top = (await kit.call(luna, "GET", `/chats/${fan}/messages?size=1&markAsRead=false`)).body.data[0];
    expect(top).toMatchObject({ text: t.text, mediaUuids: t.mediaUuids, pricing: { USD: { price: t.price } } });
    const own = await kit.call(luna, "POST", `/chats/${fan}/message`, {
      templateUuid: t.uuid,
      text: "custom",
      price: null,
    });
    const top2 = await findMessage(luna, `/chats/${fan}`, own.body.messageUuid);
    expect(top2).toMatchObject({ text: "custom", mediaUuids: t.mediaUuids, pricing: null });
    const unknown = await kit.call(luna, "POST", `/chats/${fan}/message`, {
      templateUuid: "00000000-0000-4000-8000-000000000000",
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ message: "Template not found" });
  });

  it("rejects invalid bodies with validation errors and leaves the chat alone", async () => {
    const fan = chatFan("luna", 5);
    const before = (await kit.call(luna, "GET", `/chats/${fan}/messages?size=1&markAsRead=false`)).body.data[0];
    const media = readyMedia("luna");
    const processing = kit
      .creator("luna")
      .media.find((m) => m.status === "processing" && m.readyAt! > kit.sb.state.clock.now())!;
    const foreign = readyMedia("mia");
    const cases: [unknown, RegExp][] = [
      [{}, /text or media/],
      [{ text: "" }, /text must be at least 1 character$/],
      [{ text: longText(5001) }, /text must be at most 5000 characters/],
      [{ text: 42 }, /text must be a string/],
      [{ text: "hi", price: 500 }, /requires at least one media/],
      [{ mediaUuids: media, price: 299 }, /price must be at least 300/],
      [{ mediaUuids: media, price: 450.5 }, /integer/],
      [{ mediaUuids: "abc" }, /mediaUuids must be an array/],
      [{ mediaUuids: ["nope"] }, /mediaUuids\.0/],
      [{ mediaUuids: foreign }, /own ready media/],
      [{ mediaUuids: [processing.uuid] }, /own ready media/],
      [{ templateUuid: "x" }, /templateUuid/],
      [{ text: "hi", scheduledAt: "2030-01-01T00:00:00Z" }, /body\.scheduledAt is not documented/],
      ["{bad", /valid JSON/],
    ];
    for (const [body, msg] of cases) {
      const r = await kit.call(luna, "POST", `/chats/${fan}/message`, body);
      expect(r.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(r.body.errors.join(" ")).toMatch(msg);
    }
    expect((await kit.call(luna, "GET", `/chats/${fan}/messages?size=1&markAsRead=false`)).body.data[0]).toEqual(
      before,
    );
    // A processing upload becomes usable once the clock passes its ready time.
    await kit.advanceClock((processing.readyAt! - kit.sb.state.clock.now()) / 1000 + 1);
    expect((await kit.call(luna, "POST", `/chats/${fan}/message`, { mediaUuids: [processing.uuid] })).status).toBe(201);
  });

  it("answers 404 without a conversation and 400 {message} for uncontactable fans", async () => {
    const c = kit.creator("luna");
    const noChat = c.fans.find((_, i) => !c.chats.has(i))!;
    const r = await kit.call(luna, "POST", `/chats/${noChat.uuid}/message`, { text: "hi" });
    expect(r.status).toBe(404);
    expect(r.body).toEqual(NO_CONVERSATION);
    const idx = [...c.chats.keys()][6]!;
    c.relations[idx]!.contactable = false;
    const blocked = await kit.call(luna, "POST", `/chats/${c.fans[idx]!.uuid}/message`, { text: "hi" });
    c.relations[idx]!.contactable = true;
    expect(blocked.status).toBe(400);
    expect(Object.keys(blocked.body)).toEqual(["message"]);
    expect((await kit.call(luna, "POST", "/chats/bad-uuid/message", { text: "hi" })).body).toEqual({
      message: "userUuid must be a valid UUID",
    });
  });

  it("records the agency admin or team member as sentByUserId on the mirror", async () => {
    const mia = kit.uuidOf("mia");
    const fan = chatFan("mia");
    for (const [token, handle] of [
      [atlas, "atlas"],
      [sam, "sam"],
    ] as const) {
      const r = await kit.call(token, "POST", `/creators/${mia}/chats/${fan}/message`, { text: `from ${handle}` });
      expect(r.status).toBe(201);
      const top = (await kit.call(token, "GET", `/creators/${mia}/chats/${fan}/messages?size=1&markAsRead=false`)).body
        .data[0];
      expect(top).toMatchObject({
        uuid: r.body.messageUuid,
        text: `from ${handle}`,
        sentByUserId: kit.uuidOf(handle),
        sender: { uuid: mia, handle: "mia" },
      });
    }
    const nova = kit.uuidOf("nova");
    const denied = await kit.call(sam, "POST", `/creators/${nova}/chats/${chatFan("nova")}/message`, { text: "x" });
    expect(denied.status).toBe(403);
    const scopeless = await kit.token("atlas", ["openid", "write:chat"]);
    expect((await kit.call(scopeless, "POST", `/creators/${mia}/chats/${fan}/message`, { text: "x" })).status).toBe(
      403,
    );
  });
});

describe("DELETE /chats/{userUuid}/messages/{messageUuid}", () => {
  it("unsends the creator's own message; a second delete is 404", async () => {
    const fan = chatFan("luna", 7);
    const before = (await allPages(kit, luna, "/chats")).find((x) => x.user.uuid === fan);
    const sent = await kit.call(luna, "POST", `/chats/${fan}/message`, { text: "oops" });
    const del = await kit.call(luna, "DELETE", `/chats/${fan}/messages/${sent.body.messageUuid}`);
    expect(del.status).toBe(204);
    const list = await allPages(kit, luna, `/chats/${fan}/messages?markAsRead=false`);
    expect(list.some((m) => m.uuid === sent.body.messageUuid)).toBe(false);
    const after = (await allPages(kit, luna, "/chats")).find((x) => x.user.uuid === fan);
    expect(after.lastMessage).toEqual(before.lastMessage);
    expect(after.lastMessageAt).toBe(before.lastMessageAt);
    const again = await kit.call(luna, "DELETE", `/chats/${fan}/messages/${sent.body.messageUuid}`);
    expect(again.status).toBe(404);
    expect(again.body).toEqual({ message: "Message not found" });
  });

  it("refuses fan messages, purchased PPV and mass-message copies with 400 {message}", async () => {
    const c = kit.creator("luna");
    const materialised = async (pred: (m: any, fan: string) => boolean) => {
      for (const idx of c.chats.keys()) {
        const fan = c.fans[idx]!.uuid;
        const all = await allPages(kit, luna, `/chats/${fan}/messages?markAsRead=false`);
        const m = all.find((x) => pred(x, fan));
        if (m) return { fan, m };
      }
      throw new Error("no such message in the seeded world");
    };
    const fanMsg = await materialised((m, fan) => m.sender.uuid === fan);
    const ppv = await materialised((m) => m.type === "SINGLE_RECIPIENT" && m.purchasedAt !== null);
    const broadcast = await materialised((m) => m.type === "BROADCAST");
    for (const { fan, m } of [fanMsg, ppv, broadcast]) {
      const r = await kit.call(luna, "DELETE", `/chats/${fan}/messages/${m.uuid}`);
      expect(r.status, m.type).toBe(400);
      expect(Object.keys(r.body)).toEqual(["message"]);
      expect(await findMessage(luna, `/chats/${fan}`, m.uuid)).toBeDefined();
    }
    expect((await kit.call(luna, "DELETE", `/chats/${fanMsg.fan}/messages/not-a-uuid`)).status).toBe(400);
    expect((await kit.call(luna, "DELETE", `/chats/${kit.uuidOf("felix")}/messages/${fanMsg.m.uuid}`)).body).toEqual(
      NO_CONVERSATION,
    );
  });
});
