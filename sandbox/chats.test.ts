// Contract tests for §5.2 chats: the self list (its documented filters, lists,
// search and sorts) and the agency list, which documents page and size only:
// an undocumented parameter is refused in strict mode and ignored otherwise.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allPages, startChatKit, type ChatKit } from "./api/chats-testkit";
import { isSubscriber, lifetimeGross } from "./world/queries";

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

const CHAT_KEYS = ["createdAt", "isMuted", "isRead", "lastMessage", "lastMessageAt", "unreadMessagesCount", "user"];
const LAST_MESSAGE_KEYS = ["hasMedia", "mediaType", "senderUuid", "sentAt", "sentByUserId", "text", "type", "uuid"];

describe("GET /chats", () => {
  it("lists every chat once, most recent first, with the documented item shape", async () => {
    const rows = await allPages(kit, luna, "/chats");
    const c = kit.creator("luna");
    expect(rows.length).toBe(c.chats.size);
    expect(new Set(rows.map((r) => r.user.uuid)).size).toBe(rows.length);
    for (const r of rows) {
      expect(Object.keys(r).sort()).toEqual(CHAT_KEYS);
      expect(Object.keys(r.user).sort()).toEqual([
        "avatarUrl",
        "displayName",
        "handle",
        "isTopSpender",
        "nickname",
        "registeredAt",
        "uuid",
      ]);
      expect(r.isRead).toBe(r.unreadMessagesCount === 0);
      expect(r.lastMessage === null || r.lastMessage.sentAt === r.lastMessageAt).toBe(true);
      if (r.lastMessage) expect(Object.keys(r.lastMessage).sort()).toEqual(LAST_MESSAGE_KEYS);
    }
    const times = rows.map((r) => Date.parse(r.lastMessageAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it("paginates with size = rows returned and hasMore", async () => {
    const c = kit.creator("luna");
    const p1 = await kit.call(luna, "GET", "/chats?size=7");
    expect(p1.status).toBe(200);
    expect(p1.body.pagination).toEqual({ page: 1, size: 7, hasMore: true });
    const lastPage = Math.ceil(c.chats.size / 7);
    const pl = await kit.call(luna, "GET", `/chats?size=7&page=${lastPage}`);
    expect(pl.body.pagination).toEqual({ page: lastPage, size: c.chats.size - 7 * (lastPage - 1), hasMore: false });
    const beyond = await kit.call(luna, "GET", `/chats?size=7&page=${lastPage + 1}`);
    expect(beyond.body).toEqual({ data: [], pagination: { page: lastPage + 1, size: 0, hasMore: false } });
    const def = await kit.call(luna, "GET", "/chats");
    expect(def.body.data.length).toBe(15);
  });

  it("rejects bad paging, filters and sorts with a validation body", async () => {
    for (const q of [
      "size=0",
      "size=51",
      "page=0",
      "page=x",
      "filter=bogus",
      "filter=unread,subscribers",
      "smartListIds=no_such_list",
      "sortBy=oldest",
      "search=" + "a".repeat(101),
      "customListId=nope",
    ]) {
      const r = await kit.call(luna, "GET", `/chats?${q}`);
      expect(r.status, q).toBe(400);
      expect(Array.isArray(r.body.errors), q).toBe(true);
    }
    // Repeated keys are the reference's array style; `filter[]` is not documented.
    const brackets = await kit.call(luna, "GET", "/chats?filter[]=unread");
    expect(brackets.status).toBe(400);
    expect(brackets.body.errors.join(" ")).toMatch(/query\.filter\[\] is not documented/);
  });

  it("matches lastMessage with the newest message of the conversation", async () => {
    const r = await kit.call(luna, "GET", "/chats?size=3");
    for (const chat of r.body.data) {
      const msgs = await kit.call(luna, "GET", `/chats/${chat.user.uuid}/messages?size=1&markAsRead=false`);
      const m = msgs.body.data[0];
      expect(chat.lastMessage).toEqual({
        uuid: m.uuid,
        text: m.text,
        type: m.type,
        sentAt: m.sentAt,
        hasMedia: m.hasMedia,
        mediaType: m.mediaType,
        senderUuid: m.sender.uuid,
        sentByUserId: m.sentByUserId,
      });
    }
  });

  it("filters by unread, subscribers, spenders and combined filters (repeated keys)", async () => {
    const c = kit.creator("luna");
    const unread = await allPages(kit, luna, "/chats?filter=unread");
    expect(unread.length).toBe([...c.chats.values()].filter((x) => x.unreadCount > 0).length);
    expect(unread.length).toBeGreaterThan(0);
    expect(unread.every((r) => r.unreadMessagesCount > 0)).toBe(true);
    const subs = await allPages(kit, luna, "/chats?filter=subscribers");
    const expectedSubs = [...c.chats.values()].filter((x) => isSubscriber(c.relations[x.fanIdx]!));
    expect(subs.map((r) => r.user.uuid).sort()).toEqual(expectedSubs.map((x) => c.fans[x.fanIdx]!.uuid).sort());
    const spend = lifetimeGross(c);
    const spenders = await allPages(kit, luna, "/chats?filter=spenders");
    expect(spenders.length).toBe([...c.chats.values()].filter((x) => spend[x.fanIdx]! > 0).length);
    const both = await allPages(kit, luna, "/chats?filter=unread&filter=subscribers");
    expect(both.length).toBe(expectedSubs.filter((x) => x.unreadCount > 0).length);
    const nobody = await kit.call(luna, "GET", "/chats?filter=subscribed_to");
    expect(nobody.body.data).toEqual([]);
  });

  it("filters by custom list, smart lists and search", async () => {
    const c = kit.creator("luna");
    const withChat = [...c.chats.keys()];
    const list = c.customLists[0]!;
    const r = await allPages(kit, luna, `/chats?customListId=${list.uuid}`);
    expect(r.map((x) => x.user.uuid).sort()).toEqual(
      withChat
        .filter((i) => list.members.has(i))
        .map((i) => c.fans[i]!.uuid)
        .sort(),
    );
    const unknown = await kit.call(luna, "GET", "/chats?customListId=00000000-0000-4000-8000-000000000000");
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ message: "Custom list not found" });
    const smart = await allPages(kit, luna, "/chats?smartListIds=subscribers");
    const subs = await allPages(kit, luna, "/chats?filter=subscribers");
    expect(smart).toEqual(subs);
    const target = c.fans[withChat[0]!]!;
    const found = await kit.call(luna, "GET", `/chats?search=${encodeURIComponent(target.handle.toUpperCase())}`);
    expect(found.body.data.map((x: any) => x.user.uuid)).toContain(target.uuid);
    expect(
      found.body.data.every(
        (x: any) => x.user.handle.includes(target.handle) || x.user.displayName.toLowerCase().includes(target.handle),
      ),
    ).toBe(true);
  });

  it("sorts by online_now and most_unanswered_chats", async () => {
    const c = kit.creator("luna");
    const online = await allPages(kit, luna, "/chats?sortBy=online_now");
    const flags = online.map((r) => (c.fans[c.fanIndex.get(r.user.uuid)!]!.isOnline ? 1 : 0));
    expect(flags).toEqual([...flags].sort((a, b) => b - a));
    const unanswered = await allPages(kit, luna, "/chats?sortBy=most_unanswered_chats");
    const counts = unanswered.map((r) => {
      // Newest first; equal timestamps keep history order (later = newer).
      const msgs = c.chats
        .get(c.fanIndex.get(r.user.uuid)!)!
        .messages!.map((m, i) => ({ ...m, i }))
        .sort((a, b) => b.sentAt - a.sentAt || b.i - a.i);
      const k = msgs.findIndex((m) => !m.fromFan);
      return k === -1 ? msgs.length : k;
    });
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const notAnswered = await allPages(kit, luna, "/chats?filter=not_answered");
    expect(notAnswered.length).toBe(counts.filter((n) => n > 0).length);
  });

  it("enforces scopes, creator subject and the agency boundary", async () => {
    const narrow = await kit.token("luna", ["openid", "read:self"]);
    const r = await kit.call(narrow, "GET", "/chats");
    expect(r.status).toBe(403);
    expect(r.body.error).toMatch(/read:chat/);
    expect((await kit.call(atlas, "GET", "/chats")).status).toBe(403);
    const mia = kit.uuidOf("mia");
    const viaAgency = await kit.call(atlas, "GET", `/creators/${mia}/chats?size=5`);
    expect(viaAgency.status).toBe(200);
    expect(viaAgency.body.data.length).toBe(5);
    expect(viaAgency.body.data.every((x: any) => kit.creator("mia").fanIndex.has(x.user.uuid))).toBe(true);
    const outside = await kit.call(atlas, "GET", `/creators/${kit.uuidOf("luna")}/chats`);
    expect(outside.status).toBe(403);
    expect(outside.body).toEqual({ error: "Creator is not part of your agency" });
    expect((await kit.call(sam, "GET", `/creators/${mia}/chats`)).status).toBe(200);
    expect((await kit.call(sam, "GET", `/creators/${kit.uuidOf("nova")}/chats`)).status).toBe(403);
    const noCreatorScope = await kit.token("atlas", ["openid", "read:chat"]);
    expect((await kit.call(noCreatorScope, "GET", `/creators/${mia}/chats`)).status).toBe(403);
    const bad = await kit.call(atlas, "GET", "/creators/not-a-uuid/chats");
    expect(bad.status).toBe(400);
    expect(typeof bad.body.message).toBe("string");
  });

  it("serves agencies page and size only: every chat, most recent first", async () => {
    const mia = kit.uuidOf("mia");
    const rows = await allPages(kit, atlas, `/creators/${mia}/chats`);
    const c = kit.creator("mia");
    expect(rows.length).toBe(c.chats.size);
    const times = rows.map((r) => Date.parse(r.lastMessageAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    for (const q of [
      "filter=unread",
      "search=a",
      "sortBy=online_now",
      "smartListIds=subscribers",
      `customListId=${c.customLists[0]!.uuid}`,
    ]) {
      const r = await kit.call(atlas, "GET", `/creators/${mia}/chats?${q}`);
      expect(r.status, q).toBe(400);
      expect(r.body.errors.join(" "), q).toMatch(
        new RegExp(`query\\.${q.split("=")[0]} is not documented for GET /creators/\\{creatorUserUuid\\}/chats`),
      );
    }
  });
});

describe("GET /creators/{c}/chats against a lenient sandbox (as Fanvue)", () => {
  let lenient: ChatKit;
  beforeAll(async () => {
    lenient = await startChatKit(40, { strict: false });
  });
  afterAll(() => lenient.close());

  it("ignores undocumented filters, search and sorts: same rows as without them", async () => {
    const token = await lenient.token("atlas");
    const mia = lenient.uuidOf("mia");
    const plain = await lenient.call(token, "GET", `/creators/${mia}/chats?size=50`);
    expect(plain.status).toBe(200);
    const unreadOnly = plain.body.data.filter((x: any) => x.unreadMessagesCount > 0);
    expect(unreadOnly.length).toBeLessThan(plain.body.data.length);
    const asked = await lenient.call(
      token,
      "GET",
      `/creators/${mia}/chats?size=50&filter=unread&sortBy=online_now&search=zzz`,
    );
    expect(asked.status).toBe(200);
    expect(asked.body).toEqual(plain.body);
    const { findings } = (await (await fetch(`${lenient.sb.url}/__sandbox/contract`)).json()) as { findings: any[] };
    expect(
      findings.some(
        (f: any) => f.undocumented.includes("query.filter") && f.route === "GET /creators/{creatorUserUuid}/chats",
      ),
    ).toBe(true);
  });
});
