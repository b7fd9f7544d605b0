import { afterAll, beforeAll, expect, it } from "vitest";
import { staffMember } from "../support/fans";
import { startTestSandbox } from "../support/sandbox";
import { provisionAccount } from "../support/workspace";

// First-response times per member: a fan's wait starts at their oldest
// unanswered message (as Fanvue's conversation shows it) and ends with the
// next message a member sends through Vuedeck; follow-ups are not replies.
// Each member's median equals what this test computes from the sandbox's
// own message times and the sends' recorded times, to the millisecond.

const sb = await startTestSandbox();
const { db } = await import("@/lib/server/db");
const { sendChatMessage } = await import("@/lib/server/chats/send");
const { getConversation } = await import("@/lib/server/chats/conversation");
const { getPerformance } = await import("@/lib/server/agency/performance");
const { noteFanMessage, waitingSinceOf } = await import("@/lib/server/agency/response-times");
const { getCreatorAccess, getWorkspaceAccess } = await import("@/lib/server/workspaces/access");
const { performanceQuerySchema } = await import("@/lib/schemas/performance");

type User = { id: string; name: string };
let workspaceId: string;
let ownerId: string;
let miaId: string;
let sam: User;
let kai: User;
const waits = new Map<string, number[]>();

const mia = () => [...sb.state.world.creators.values()].find((c) => c.account.handle === "mia")!;

/** The fan writes; returns the sandbox's time of that message. */
async function fanWrites(fan: string | undefined, text: string) {
  const r = (await sb.admin("/simulate/message", { creator: "mia", text, ...(fan ? { fan } : {}) })) as {
    fanUuid: string;
    messageUuid: string;
  };
  const c = mia();
  const chat = c.chats.get(c.fanIndex.get(r.fanUuid)!)!;
  return { fan: r.fanUuid, at: chat.messages!.find((m) => m.uuid === r.messageUuid)!.sentAt };
}

let n = 0;
/** A member opens the chat (as the inbox does before a reply) and writes; `waitedSince` is when the fan's wait began. */
async function reply(who: User, fan: string, waitedSince: number | null, open = true) {
  const access = (await getCreatorAccess(who.id, miaId))!;
  if (open) await getConversation(access, fan, 1);
  const { send } = await sendChatMessage(access, who, fan, {
    idempotencyKey: `reply-${++n}-${Date.now()}`,
    text: `Reply ${n}`,
    mediaUuids: [],
    price: null,
    templateUuid: null,
  });
  if (waitedSince === null) return;
  if (!waits.has(who.id)) waits.set(who.id, []);
  waits.get(who.id)!.push(Date.parse(send.sentAt!) - waitedSince);
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return Math.round(s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2);
};

beforeAll(async () => {
  const p = await provisionAccount(sb, "atlas");
  workspaceId = p.workspace.id;
  ownerId = p.user.id;
  miaId = p.creators.mia!.id;
  sam = (await staffMember(workspaceId, miaId, "chatter", "Sam Ortiz")).user;
  kai = (await staffMember(workspaceId, miaId, "chatter", "Kai Lund")).user;
});

afterAll(async () => {
  await db.$disconnect();
  await sb.close();
});

it("reads the wait from a newest-first conversation: the oldest fan message since the creator last wrote", () => {
  const at = (m: number) => new Date(Date.UTC(2026, 11, 6, 12, m)).toISOString();
  const page = [
    { fromCreator: false, sentAt: at(30) },
    { fromCreator: false, sentAt: at(20) },
    { fromCreator: true, sentAt: at(10) },
    { fromCreator: false, sentAt: at(5) },
  ];
  expect(waitingSinceOf(page)?.toISOString()).toBe(at(20));
  expect(waitingSinceOf([{ fromCreator: true, sentAt: at(40) }, ...page])).toBeNull();
  expect(waitingSinceOf([])).toBeNull();
});

it("gives each member the median of the waits they ended, and ignores follow-ups", async () => {
  // Fan 1 writes twice; Sam answers: the wait began at the first message. His follow-up is no reply.
  const first = await fanWrites(undefined, "hi?");
  await fanWrites(first.fan, "are you there?");
  await reply(sam, first.fan, first.at);
  await reply(sam, first.fan, null);
  // The fan writes again; Kai answers that one.
  const again = await fanWrites(first.fan, "one more thing");
  await reply(kai, first.fan, again.at);
  // A webhook tells of a new message while the fan is not waiting: the wait starts at its time.
  const third = await fanWrites(first.fan, "hello again");
  await noteFanMessage([miaId], first.fan, new Date(third.at));
  await fanWrites(first.fan, "?");
  // A later webhook does not move a wait already open.
  await noteFanMessage([miaId], first.fan, new Date(third.at + 5_000));
  await reply(kai, first.fan, third.at, false);

  const access = (await getWorkspaceAccess(ownerId, workspaceId))!;
  const p = await getPerformance(access, ownerId, performanceQuerySchema.parse({ range: "7d", tz: "UTC" }));
  const row = (u: User) => p.members.find((m) => m.userId === u.id)!;
  expect(row(sam)).toMatchObject({ messages: 2, replies: 1, medianReplyMs: median(waits.get(sam.id)!) });
  expect(row(kai)).toMatchObject({ messages: 2, replies: 2, medianReplyMs: median(waits.get(kai.id)!) });
  expect(waits.get(kai.id)!.every((w) => w >= 0)).toBe(true);
});

it("keeps on the reply the wait the conversation showed", async () => {
  const fresh = [...mia().chats.values()].find((c) => mia().relations[c.fanIdx]!.contactable && c.unreadCount === 0)!;
  const fan = mia().fans[fresh.fanIdx]!.uuid;
  const access = (await getCreatorAccess(sam.id, miaId))!;
  const page = await getConversation(access, fan, 1);
  const waiting = waitingSinceOf(page.items);
  await reply(sam, fan, null);
  const row = await db.chatSend.findFirstOrThrow({ where: { fanUuid: fan, senderUserId: sam.id } });
  expect(row.waitingSince?.toISOString() ?? null).toBe(waiting?.toISOString() ?? null);
});
