import { beforeAll, describe, expect, it } from "vitest";
import { cleanUpBetweenTests, startTestSandbox } from "../support/sandbox";
import { provisionAccount } from "../support/workspace";

// Idempotent chat sends against a real sandbox and PostgreSQL: duplicates,
// lost connections (before and after Fanvue acted), refusals.

const sb = await startTestSandbox();
const { db } = await import("@/lib/server/db");
const { sendChatMessage, checkSend } = await import("@/lib/server/chats/send");
const { getConversation } = await import("@/lib/server/chats/conversation");
const { unsendMessage } = await import("@/lib/server/chats/actions");
const { getCreatorAccess } = await import("@/lib/server/workspaces/access");
const { ApiError } = await import("@/lib/server/api/errors");
type Access = NonNullable<Awaited<ReturnType<typeof getCreatorAccess>>>;

let access: Access;
let user: { id: string; name: string };
const used = new Set<string>();
let n = 0;
const key = () => `test-key-${Date.now()}-${++n}`;
const body = (over: Record<string, unknown> = {}) => ({
  idempotencyKey: key(),
  text: `hello ${n} ${Math.random()}`,
  mediaUuids: [] as string[],
  price: null,
  templateUuid: null,
  ...over,
});

const world = () => sb.state.world.creators.get(access.creator.fanvueUuid)!;
/** A fan with a conversation who can be messaged, not used by another test. */
function freshFan(): string {
  const c = world();
  for (const chat of c.chats.values()) {
    const fan = c.fans[chat.fanIdx]!;
    if (c.relations[chat.fanIdx]!.contactable && !used.has(fan.uuid)) {
      used.add(fan.uuid);
      return fan.uuid;
    }
  }
  throw new Error("no chat left");
}
const copies = async (fanUuid: string, text: string) =>
  (await getConversation(access, fanUuid, 1)).items.filter((m) => m.fromCreator && m.text === text);
const postCalls = async () =>
  ((await sb.admin("/calls?path=/chats/*/message&summary=1")) as { byRoute: Record<string, number> }).byRoute[
    "POST /chats/:userUuid/message"
  ] ?? 0;

beforeAll(async () => {
  const p = await provisionAccount(sb, "luna");
  access = (await getCreatorAccess(p.user.id, p.creators.luna!.id))!;
  user = { id: p.user.id, name: "Luna" };
});
cleanUpBetweenTests(sb, db);

describe("idempotent chat sends: duplicates and retries", () => {
  it("the same send posted 10 times concurrently with one key → exactly one message in the sandbox", async () => {
    const fan = freshFan();
    const b = body();
    const results = await Promise.all(Array.from({ length: 10 }, () => sendChatMessage(access, user, fan, { ...b })));
    const uuids = new Set(results.map((r) => r.send.messageUuid));
    expect(results.every((r) => r.send.status === "sent")).toBe(true);
    expect(uuids.size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await copies(fan, b.text)).toHaveLength(1);
    expect(await postCalls()).toBe(1);
    expect(await db.chatSend.count({ where: { idempotencyKey: b.idempotencyKey } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "message.send", target: fan } })).toBe(1);
  });

  it("a retry after success answers the first result; the key cannot be reused for another message", async () => {
    const fan = freshFan();
    const b = body();
    const first = await sendChatMessage(access, user, fan, b);
    const again = await sendChatMessage(access, user, fan, { ...b });
    expect(again).toMatchObject({ created: false, send: { status: "sent", messageUuid: first.send.messageUuid } });
    await expect(sendChatMessage(access, user, fan, { ...b, text: "something else" })).rejects.toMatchObject({
      code: "conflict",
    });
    expect(await copies(fan, b.text)).toHaveLength(1);
  });
});

describe("idempotent chat sends: lost connections", () => {
  it("connection lost after Fanvue sent it → found in the conversation, marked sent, not resent", async () => {
    const fan = freshFan();
    await sb.admin("/faults", { path: "/chats/*/message", method: "POST", drop: "after", times: 1 });
    const b = body();
    const r = await sendChatMessage(access, user, fan, b);
    expect(r.send.status).toBe("sent");
    const found = await copies(fan, b.text);
    expect(found).toHaveLength(1);
    expect(r.send.messageUuid).toBe(found[0]!.uuid);
    expect(await postCalls()).toBe(1);
    // The sender is shown on the message.
    expect(found[0]!.sentBy).toBe("Luna");
  });

  it("connection lost before Fanvue got it → checked, not sent; the retry sends it once", async () => {
    const fan = freshFan();
    await sb.admin("/faults", { path: "/chats/*/message", method: "POST", drop: "before", times: 1 });
    const b = body();
    const r = await sendChatMessage(access, user, fan, b);
    expect(r.send).toMatchObject({ status: "failed", messageUuid: null });
    expect(r.send.error).toMatch(/checked the conversation/);
    expect(await copies(fan, b.text)).toHaveLength(0);
    const retry = await sendChatMessage(access, user, fan, { ...b });
    expect(retry.send.status).toBe("sent");
    expect(await copies(fan, b.text)).toHaveLength(1);
  });

  it("when the conversation cannot be read either → state unknown; a later check settles it without resending", async () => {
    const fan = freshFan();
    await sb.admin("/faults", { path: "/chats/*/message", method: "POST", drop: "after", times: 1 });
    // The check reads messages: Fanvue is down for all its attempts.
    await sb.admin("/faults", { path: "/chats/*/messages", method: "GET", status: 503, times: 3 });
    const b = body();
    const r = await sendChatMessage(access, user, fan, b);
    expect(r.send.status).toBe("unknown");
    expect(r.send.error).toMatch(/State unknown/);
    const checked = await checkSend(access, b.idempotencyKey);
    expect(checked.status).toBe("sent");
    expect(await copies(fan, b.text)).toHaveLength(1);
    expect(await postCalls()).toBe(1);
  });

  it("a retry of an unknown send looks first and does not send twice", async () => {
    const fan = freshFan();
    await sb.admin("/faults", { path: "/chats/*/message", method: "POST", drop: "after", times: 1 });
    await sb.admin("/faults", { path: "/chats/*/messages", method: "GET", status: 503, times: 3 });
    const b = body();
    expect((await sendChatMessage(access, user, fan, b)).send.status).toBe("unknown");
    const retried = await Promise.all([
      sendChatMessage(access, user, fan, { ...b }),
      sendChatMessage(access, user, fan, { ...b }),
    ]);
    expect(retried.map((x) => x.send.status)).toEqual(["sent", "sent"]);
    expect(await copies(fan, b.text)).toHaveLength(1);
    expect(await postCalls()).toBe(1);
  });
});

describe("idempotent chat sends: refusals, first messages, PPV", () => {
  it("a fan who cannot be messaged → a clear 400, nothing sent, the send marked failed", async () => {
    const fan = freshFan();
    const c = world();
    c.relations[c.fanIndex.get(fan)!]!.contactable = false;
    const b = body();
    const err = await sendChatMessage(access, user, fan, b).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: "invalid_input" });
    expect((err as Error).message).toMatch(/can't be messaged/);
    expect(await copies(fan, b.text)).toHaveLength(0);
    expect((await db.chatSend.findFirstOrThrow({ where: { idempotencyKey: b.idempotencyKey } })).status).toBe("failed");
  });

  it("a fan without a conversation yet: an empty history, and the first send starts the chat", async () => {
    const c = world();
    const idx = c.fans.findIndex((_, i) => !c.chats.has(i) && c.relations[i]!.contactable);
    const fan = c.fans[idx]!.uuid;
    expect((await getConversation(access, fan, 1)).items).toEqual([]);
    const b = body();
    expect((await sendChatMessage(access, user, fan, b)).send.status).toBe("sent");
    expect(await copies(fan, b.text)).toHaveLength(1);
    expect(await postCalls()).toBe(2); // the refused first try (404, nothing sent) and the send
  });

  it("a PPV message with a vault item reaches Fanvue with its price and media", async () => {
    const fan = freshFan();
    const media = world().media.find((m) => m.status === "ready")!;
    const b = body({ mediaUuids: [media.uuid], price: 500 });
    const r = await sendChatMessage(access, user, fan, b);
    expect(r.send.status).toBe("sent");
    const [m] = await copies(fan, b.text);
    expect(m).toMatchObject({ price: 500, mediaUuids: [media.uuid], purchasedAt: null });
  });
});

describe("unsending a message", () => {
  it("takes the creator's message back on Fanvue; a repeat is harmless; a fan's message is refused in our words", async () => {
    const fan = freshFan();
    const b = body();
    const { send } = await sendChatMessage(access, user, fan, b);
    expect(await copies(fan, b.text)).toHaveLength(1);
    await expect(unsendMessage(access, fan, send.messageUuid!)).resolves.toEqual({ ok: true });
    expect(await copies(fan, b.text)).toHaveLength(0);
    // A second click (or a retry after a lost answer) finds it gone: still fine.
    await expect(unsendMessage(access, fan, send.messageUuid!)).resolves.toEqual({ ok: true });
    expect((await db.chatSend.findFirst({ where: { messageUuid: send.messageUuid } }))?.error).toBe("Unsent");

    const fromFan = (await getConversation(access, fan, 1)).items.find((m) => !m.fromCreator);
    expect(fromFan).toBeDefined();
    const err = await unsendMessage(access, fan, fromFan!.uuid).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: "invalid_input", message: "Only the creator's own messages can be unsent." });
    expect((await getConversation(access, fan, 1)).items.some((m) => m.uuid === fromFan!.uuid)).toBe(true);
  });

  it("against a Fanvue without message delete (404 or 405), says so and never claims the message unsent", async () => {
    const fan = freshFan();
    const b = body();
    const { send } = await sendChatMessage(access, user, fan, b);
    for (const status of [404, 405]) {
      await sb.admin("/faults", {
        path: "/chats/*/messages/*",
        method: "DELETE",
        status,
        body: { message: "Not Found" },
      });
      const err = await unsendMessage(access, fan, send.messageUuid!).catch((e: unknown) => e);
      await sb.admin("/faults", undefined, "DELETE");
      expect(err, String(status)).toBeInstanceOf(ApiError);
      expect(err).toMatchObject({
        code: "conflict",
        message: expect.stringMatching(/^Fanvue does not offer unsending messages for this account/),
      });
      expect(await copies(fan, b.text)).toHaveLength(1);
      expect((await db.chatSend.findFirst({ where: { messageUuid: send.messageUuid } }))?.error).toBeNull();
    }
  });
});
