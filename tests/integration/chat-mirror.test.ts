import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSandbox } from "../support/sandbox";
import { startWebhookReceiver } from "../support/webhook-receiver";
import { provisionAccount } from "../support/workspace";

// The agency chat mirror against the strict sandbox over HTTP: GET
// /creators/{c}/chats documents page and size only, so the agency inbox's
// filters, lists, search and sorts, the team inbox and the unread count come
// from Vuedeck's copy in Postgres, kept fresh by syncs, webhooks and our sends.

const SECRET = "whsec_mirror_secret";
process.env.FANVUE_WEBHOOK_SECRET = SECRET;
const sb = await startTestSandbox({ agencyFans: [420, 60, 40] });
const { db } = await import("@/lib/server/db");
const { fullResync, headPass } = await import("@/lib/server/chats/mirror/sync");
const { readListMembers } = await import("@/lib/server/chats/mirror/lists");
const { getInbox } = await import("@/lib/server/chats/inbox");
const { getCreatorAccess } = await import("@/lib/server/workspaces/access");
const { clientForCreator } = await import("@/lib/server/creators/client");
const { sendChatMessage } = await import("@/lib/server/chats/send");
const { patchChat } = await import("@/lib/server/chats/actions");
const { getCreatorOverview } = await import("@/lib/server/creators/overview");
const { isSubscriber } = await import("@/sandbox/world/queries");

const receiver = await startWebhookReceiver();

const p = await provisionAccount(sb, "atlas");
const mia = (await getCreatorAccess(p.user.id, p.creators.mia!.id))!;
const world = () => sb.state.world.creators.get(mia.creator.fanvueUuid)!;
const client = clientForCreator(mia);
const creatorId = mia.creator.id;

beforeAll(async () => {
  await sb.admin("/webhooks", { url: receiver.url, secret: SECRET, retries: 0 });
});
afterAll(async () => {
  await db.$disconnect();
  await sb.close();
  receiver.close();
});

const calls = async (path: string) =>
  ((await sb.admin(`/calls?path=${encodeURIComponent(path)}`)) as { calls: { query: Record<string, string> }[] }).calls;
const inbox = (q: Partial<Parameters<typeof getInbox>[1]> = {}) =>
  getInbox(mia, { filter: "all", sort: "recent", page: 1, ...q });
async function allRows(q: Partial<Parameters<typeof getInbox>[1]> = {}) {
  const out = [];
  for (let page = 1; page < 50; page++) {
    const r = await inbox({ ...q, page });
    out.push(...r.items);
    if (!r.hasMore) return out;
  }
  throw new Error("too many pages");
}
const fanOf = (uuid: string) => world().fanIndex.get(uuid)!;

describe("agency chat mirror: a full resync and Postgres's filters", () => {
  it("a full resync copies every chat as Fanvue lists it, asking only for page and size", async () => {
    await sb.admin("/calls", undefined, "DELETE");
    const r = await fullResync(client, creatorId);
    const c = world();
    expect(c.chats.size).toBeGreaterThan(50); // several pages
    expect(r.seen).toBeGreaterThanOrEqual(c.chats.size);
    expect(await db.mirrorChat.count({ where: { creatorId } })).toBe(c.chats.size);
    const sent = await calls("/creators/*/chats");
    expect(sent.length).toBeGreaterThan(1);
    for (const call of sent) expect(Object.keys(call.query).sort()).toEqual(["page", "size"]);
    const contract = (await sb.admin("/contract")) as { total: number };
    expect(contract.total).toBe(0);
    const unread = [...c.chats.values()].filter((x) => x.unreadCount > 0).length;
    expect((await inbox()).unread).toEqual({ chats: unread, capped: false });
  });

  it("filters unread and not answered (last message from the fan), searches and sorts in Postgres", async () => {
    const c = world();
    const unread = await allRows({ filter: "unread" });
    expect(unread.length).toBe([...c.chats.values()].filter((x) => x.unreadCount > 0).length);
    expect(unread.every((r) => r.unreadCount > 0)).toBe(true);
    const waiting = await allRows({ filter: "unanswered" });
    expect(waiting.length).toBeGreaterThan(0);
    for (const r of waiting) {
      const msgs = c.chats.get(fanOf(r.fanUuid))!.messages!;
      const last = [...msgs].sort((a, b) => b.sentAt - a.sentAt)[0]!;
      expect(last.fromFan).toBe(true);
    }
    const target = c.fans[[...c.chats.keys()][3]!]!;
    const byHandle = await allRows({ search: `@${target.handle.toUpperCase()}` });
    expect(byHandle.map((r) => r.fanUuid)).toContain(target.uuid);
    expect(
      byHandle.every(
        (r) =>
          r.handle.toLowerCase().includes(target.handle) || (r.displayName ?? "").toLowerCase().includes(target.handle),
      ),
    ).toBe(true);
    const part = target.displayName.split(" ")[0]!.slice(1, 4);
    expect((await allRows({ search: part })).map((r) => r.fanUuid)).toContain(target.uuid);
    const recent = await allRows();
    const times = recent.map((r) => r.lastMessageAt ?? "");
    expect(times).toEqual([...times].sort().reverse());
    const most = await allRows({ sort: "unanswered" });
    const flags = most.map((r) => (r.lastMessage && !r.lastMessage.fromCreator ? 1 : 0));
    expect(flags).toEqual([...flags].sort((a, b) => b - a));
    const page = await inbox();
    expect(page.mirror?.syncedAt).not.toBeNull();
    expect(page.mirror?.syncing).toBe(false);
  });

  it("filters by smart and custom list membership read through the list routes, with their age", async () => {
    const c = world();
    const first = await inbox({ filter: "subscribers" });
    expect(first.mirror?.list).toEqual({ syncedAt: null, pending: true });
    expect(first.items).toEqual([]);
    expect(await readListMembers(client, creatorId, "smart:subscribers")).toBe("done");
    const subs = await allRows({ filter: "subscribers" });
    const expected = [...c.chats.keys()].filter((i) => isSubscriber(c.relations[i]!)).map((i) => c.fans[i]!.uuid);
    expect(subs.map((r) => r.fanUuid).sort()).toEqual(expected.sort());
    expect((await inbox({ filter: "subscribers" })).mirror?.list?.pending).toBe(false);
    const vip = c.customLists.find((l) => [...l.members].some((i) => c.chats.has(i)))!;
    await inbox({ list: `custom:${vip.uuid}` });
    await readListMembers(client, creatorId, `custom:${vip.uuid}`);
    const inList = await allRows({ list: `custom:${vip.uuid}` });
    expect(inList.map((r) => r.fanUuid).sort()).toEqual(
      [...vip.members]
        .filter((i) => c.chats.has(i))
        .map((i) => c.fans[i]!.uuid)
        .sort(),
    );
    const listCalls = await calls("/creators/*/chats/lists/**");
    for (const call of listCalls) expect(Object.keys(call.query).sort()).toEqual(["page", "size"]);
  });
});

describe("agency chat mirror: new messages, our sends and edits", () => {
  it("a head pass picks up a new fan message in one call; a webhook shows it at once", async () => {
    await headPass(client, creatorId);
    await sb.admin("/calls", undefined, "DELETE");
    const fan = world().fans[[...world().chats.keys()].at(-1)!]!;
    await sb.admin("/simulate/message", { creator: "mia", fan: fan.uuid, text: "are you there?" });
    // The sandbox delivers the signed webhook to our receiver.
    await waitFor(
      async () =>
        (await db.mirrorChat.findUnique({ where: { creatorId_fanUuid: { creatorId, fanUuid: fan.uuid } } }))
          ?.lastMessageText === "are you there?",
    );
    const top = (await inbox()).items[0]!;
    expect(top).toMatchObject({ fanUuid: fan.uuid, lastMessage: { text: "are you there?", fromCreator: false } });
    expect(top.unreadCount).toBeGreaterThan(0);
    expect((await calls("/creators/*/chats")).length).toBe(0);
    await headPass(client, creatorId);
    expect((await calls("/creators/*/chats")).length).toBe(1);
    const row = await db.mirrorChat.findUniqueOrThrow({
      where: { creatorId_fanUuid: { creatorId, fanUuid: fan.uuid } },
    });
    expect(row).toMatchObject({ lastSenderUuid: fan.uuid, lastMessageText: "are you there?", isRead: false });
  });

  it("our own send answers the chat, written by the agency account; read and nickname edits land in the mirror", async () => {
    const fan = (await inbox({ filter: "unanswered" })).items[0]!;
    const user = { id: p.user.id, name: "Atlas" };
    const r = await sendChatMessage(mia, user, fan.fanUuid, {
      idempotencyKey: "mirror-send-1",
      text: "here now",
      mediaUuids: [],
      price: null,
      templateUuid: null,
    });
    expect(r.send.status).toBe("sent");
    const row = await db.mirrorChat.findUniqueOrThrow({
      where: { creatorId_fanUuid: { creatorId, fanUuid: fan.fanUuid } },
    });
    expect(row).toMatchObject({
      lastSenderUuid: mia.creator.fanvueUuid,
      lastSentByUserId: p.connection.fanvueUserUuid,
      lastMessageUuid: r.send.messageUuid,
    });
    expect((await allRows({ filter: "unanswered" })).some((x) => x.fanUuid === fan.fanUuid)).toBe(false);
    // Fanvue's own listing agrees on who wrote it.
    await headPass(client, creatorId);
    expect(
      await db.mirrorChat.findUniqueOrThrow({ where: { creatorId_fanUuid: { creatorId, fanUuid: fan.fanUuid } } }),
    ).toMatchObject({ lastSentByUserId: p.connection.fanvueUserUuid, lastMessageText: "here now" });
    await patchChat(mia, fan.fanUuid, { isRead: true, nickname: "Qzx night owl" });
    expect((await allRows({ search: "qzx" })).map((x) => x.fanUuid)).toEqual([fan.fanUuid]);
    expect((await allRows({ filter: "unread" })).some((x) => x.fanUuid === fan.fanUuid)).toBe(false);
    await patchChat(mia, fan.fanUuid, { nickname: "" });
    expect(world().relations[fanOf(fan.fanUuid)]!.nickname).toBeNull();
    expect(await allRows({ search: "qzx" })).toEqual([]);
  });
});

describe("agency chat mirror: resuming a resync, the overview", () => {
  it("a full resync interrupted mid-way resumes at its checkpoint; a chat missed by two runs goes", async () => {
    await db.mirrorChatSync.update({ where: { creatorId }, data: { fullSyncedAt: null } });
    const gone = [...world().chats.keys()][0]!;
    const goneUuid = world().fans[gone]!.uuid;
    world().chats.delete(gone);
    // A stop after two committed pages stands in for a crash: the checkpoint
    // was written with the rows, so nothing after it is known.
    const crash = new AbortController();
    let pages = 0;
    await expect(
      fullResync(client, creatorId, {
        signal: crash.signal,
        onPage: async () => void (++pages === 2 && crash.abort()),
      }),
    ).rejects.toThrow();
    const mid = await db.mirrorChatSync.findUniqueOrThrow({ where: { creatorId } });
    expect(mid.runNextPage).toBe(3);
    await sb.admin("/calls", undefined, "DELETE");
    await fullResync(client, creatorId);
    const pagesRead = (await calls("/creators/*/chats")).map((x) => Number(x.query.page));
    expect(pagesRead[0]).toBe(3); // resumed, not restarted
    expect(
      (await db.mirrorChat.findUnique({ where: { creatorId_fanUuid: { creatorId, fanUuid: goneUuid } } }))?.missedRuns,
    ).toBe(1);
    await fullResync(client, creatorId);
    expect(
      await db.mirrorChat.findUnique({ where: { creatorId_fanUuid: { creatorId, fanUuid: goneUuid } } }),
    ).toBeNull();
    expect(await db.mirrorChat.count({ where: { creatorId } })).toBe(world().chats.size);
  });

  it("the overview counts unread chats from the mirror, with its age", async () => {
    const snap = await getCreatorOverview(mia);
    expect(snap.data.unreadChats).toBe([...world().chats.values()].filter((x) => x.unreadCount > 0).length);
    expect(snap.data.unreadSyncedAt).not.toBeNull();
    const unreadCalls = (await sb.admin("/calls?path=/creators/*/chats/unread")) as { calls: unknown[] };
    expect(unreadCalls.calls).toHaveLength(0);
  });
});

async function waitFor(cond: () => Promise<boolean>, timeoutMs = 10_000) {
  const until = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > until) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 25));
  }
}
