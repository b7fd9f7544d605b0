import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { staffMember } from "../support/fans";
import { startTestSandbox } from "../support/sandbox";
import { provisionAccount } from "../support/workspace";

// Chat ownership on a real PostgreSQL and sandbox: a claim is exclusive and
// names its holder, a manager takes over or assigns (only to a member who
// answers this creator's chats), an idle claim lapses while an assignment
// does not, a send moves the claim to the sender, and the inbox shows who
// else holds a chat.

const sb = await startTestSandbox();
const { db } = await import("@/lib/server/db");
const claims = await import("@/lib/server/chats/claims");
const { sendChatMessage } = await import("@/lib/server/chats/send");
const { getInbox } = await import("@/lib/server/chats/inbox");
const { getTeamInbox } = await import("@/lib/server/chats/team-inbox");
const { chatPresencePrune } = await import("@/lib/server/chats/presence-prune");
const { getCreatorAccess } = await import("@/lib/server/workspaces/access");
type Access = NonNullable<Awaited<ReturnType<typeof getCreatorAccess>>>;
type Member = { access: Access; user: { id: string; name: string } };

let owner: Member;
let kai: Member;
let sam: Member;
let viewer: Member;
const used = new Set<string>();

/** A contactable fan with a conversation, not used by another test. */
function freshFan(): string {
  const c = sb.state.world.creators.get(owner.access.creator.fanvueUuid)!;
  for (const chat of c.chats.values()) {
    const fan = c.fans[chat.fanIdx]!;
    if (c.relations[chat.fanIdx]!.contactable && !used.has(fan.uuid)) {
      used.add(fan.uuid);
      return fan.uuid;
    }
  }
  throw new Error("no fan left");
}

const claim = (m: Member, fan: string, takeOver = false) => claims.claimChat(m.access, m.user, fan, takeOver);
const holderOf = async (m: Member, fan: string) => (await claims.getOwnership(m.access, fan, m.user.id)).holder;
/** Moves the claim's last activity back, as if the holder had been away. */
const age = (fan: string, ms: number) =>
  db.chatClaim.updateMany({
    where: { creatorId: owner.access.creator.id, fanUuid: fan },
    data: { lastActiveAt: new Date(Date.now() - ms) },
  });

beforeAll(async () => {
  const p = await provisionAccount(sb, "luna");
  const creatorId = p.creators.luna!.id;
  owner = {
    access: (await getCreatorAccess(p.user.id, creatorId))!,
    user: { id: p.user.id, name: p.user.name ?? "Luna" },
  };
  kai = await staffMember(p.workspace.id, creatorId, "chatter", "Kai Lund");
  sam = await staffMember(p.workspace.id, creatorId, "chatter", "Sam Ortiz");
  viewer = await staffMember(p.workspace.id, creatorId, "viewer", "Vic Viewer");
});

afterAll(async () => {
  await db.$disconnect();
  await sb.close();
});

describe("claiming a chat", () => {
  it("is exclusive: a second member gets a conflict naming the holder", async () => {
    const fan = freshFan();
    await claim(kai, fan);
    await expect(claim(sam, fan)).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/Kai Lund/),
    });
    // Taking over needs chats:assign: a chatter's takeOver is still a conflict.
    await expect(claim(sam, fan, true)).rejects.toMatchObject({ code: "conflict" });
    expect(await holderOf(sam, fan)).toMatchObject({ userId: kai.user.id, name: "Kai Lund", assignedBy: null });
    // Claiming again refreshes one's own claim.
    await expect(claim(kai, fan)).resolves.toEqual({ from: null });
  });

  it("lets a manager take it over, and only the holder or a manager release it", async () => {
    const fan = freshFan();
    await claim(kai, fan);
    await expect(claims.releaseChat(sam.access, sam.user, fan)).rejects.toMatchObject({ code: "conflict" });
    await expect(claim(owner, fan, true)).resolves.toEqual({ from: "Kai Lund" });
    expect((await holderOf(kai, fan))?.userId).toBe(owner.user.id);
    await claims.releaseChat(owner.access, owner.user, fan);
    expect(await holderOf(kai, fan)).toBeNull();
  });

  it("admits one winner when two members claim at once", async () => {
    const fan = freshFan();
    const results = await Promise.allSettled([claim(kai, fan), claim(sam, fan)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });
});

describe("stale claims and assignments", () => {
  it("lets an idle claim lapse, so another member can take the fan", async () => {
    const fan = freshFan();
    await claim(kai, fan);
    await age(fan, claims.CLAIM_IDLE_MS - 60_000);
    await expect(claim(sam, fan)).rejects.toMatchObject({ code: "conflict" });
    await age(fan, claims.CLAIM_IDLE_MS + 1_000);
    expect(await holderOf(sam, fan)).toBeNull();
    await expect(claim(sam, fan)).resolves.toEqual({ from: null });
    expect((await holderOf(kai, fan))?.name).toBe("Sam Ortiz");
  });

  it("keeps a heartbeat's claim alive and shows the member present", async () => {
    const fan = freshFan();
    await claim(kai, fan);
    await age(fan, claims.CLAIM_IDLE_MS - 1_000);
    await claims.heartbeat(kai.access, kai.user, fan, "typing");
    const seen = await claims.getOwnership(sam.access, fan, sam.user.id);
    expect(seen.holder?.name).toBe("Kai Lund");
    expect(seen.present).toEqual([expect.objectContaining({ name: "Kai Lund", state: "typing" })]);
    expect(seen.canAssign).toBe(false);
    // One's own presence is not listed back.
    expect((await claims.getOwnership(kai.access, fan, kai.user.id)).present).toEqual([]);
  });

  it("does not lapse a manager's assignment", async () => {
    const fan = freshFan();
    await claims.assignChat(owner.access, owner.user, fan, kai.user.id);
    await age(fan, claims.CLAIM_IDLE_MS * 10);
    await expect(claim(sam, fan)).rejects.toMatchObject({ message: expect.stringMatching(/assigned to Kai Lund/) });
    expect(await holderOf(sam, fan)).toMatchObject({ name: "Kai Lund", assignedBy: owner.user.name, lapsesAt: null });
  });

  it("assigns only to a member who answers this creator's chats", async () => {
    const fan = freshFan();
    const stranger = await db.user.create({ data: { name: "Not A Member" } });
    for (const userId of [stranger.id, viewer.user.id, "no-such-user"])
      await expect(claims.assignChat(owner.access, owner.user, fan, userId)).rejects.toMatchObject({
        code: "invalid_input",
        extra: { field: "userId" },
      });
    expect(await holderOf(owner, fan)).toBeNull();
    const o = await claims.getOwnership(owner.access, fan, owner.user.id);
    expect(o.canAssign).toBe(true);
    expect(o.members.map((m) => m.name).sort()).toEqual(["Kai Lund", owner.user.name, "Sam Ortiz"].sort());
  });
});

let sends = 0;
const send = (m: Member, fan: string) =>
  sendChatMessage(m.access, m.user, fan, {
    idempotencyKey: `claims-${Date.now()}-${++sends}`,
    text: `Hi from ${m.user.name} ${sends}`,
    mediaUuids: [],
    price: null,
    templateUuid: null,
  });

describe("sending through Vuedeck", () => {
  it("claims a free chat for the sender and refreshes their own claim", async () => {
    const fan = freshFan();
    expect((await send(kai, fan)).send.status).toBe("sent");
    expect((await holderOf(sam, fan))?.name).toBe("Kai Lund");
    await age(fan, claims.CLAIM_IDLE_MS - 5_000);
    await send(kai, fan);
    const h = await holderOf(sam, fan);
    expect(Date.now() - new Date(h!.lastActiveAt).getTime()).toBeLessThan(60_000);
  });

  it("is never blocked by another's claim, and moves it to the one writing", async () => {
    const fan = freshFan();
    await claim(kai, fan);
    expect((await send(sam, fan)).send.status).toBe("sent");
    expect((await holderOf(kai, fan))?.name).toBe("Sam Ortiz");
  });

  it("leaves a manager's assignment with the assignee", async () => {
    const fan = freshFan();
    await claims.assignChat(owner.access, owner.user, fan, kai.user.id);
    expect((await send(sam, fan)).send.status).toBe("sent");
    expect(await holderOf(sam, fan)).toMatchObject({ name: "Kai Lund", assignedBy: owner.user.name });
  });
});

describe("the inbox", () => {
  it("names who else holds a chat, not one's own", async () => {
    const page = await getInbox(owner.access, { filter: "all", sort: "recent", page: 1 }, owner.user.id);
    const fan = page.items[0]!.fanUuid;
    used.add(fan);
    await db.chatClaim.deleteMany({ where: { fanUuid: fan } });
    await claim(kai, fan);
    const rowFor = async (m: Member) =>
      (await getInbox(m.access, { filter: "all", sort: "recent", page: 1 }, m.user.id)).items.find(
        (r) => r.fanUuid === fan,
      );
    expect((await rowFor(sam))?.holder).toEqual({ name: "Kai Lund", assigned: false });
    expect((await rowFor(kai))?.holder).toBeUndefined();
    const team = await getTeamInbox(sam.access, { filter: "all", sort: "recent" }, sam.user.id);
    expect(team.items.find((r) => r.fanUuid === fan)?.holder).toEqual({ name: "Kai Lund", assigned: false });
  });
});

describe("presence housekeeping", () => {
  it("forgets presence an hour old, keeping fresh beats", async () => {
    const fan = freshFan();
    await claims.heartbeat(kai.access, kai.user, fan, "viewing");
    await claims.heartbeat(sam.access, sam.user, fan, "viewing");
    await db.chatPresence.updateMany({ where: { fanUuid: fan, userId: kai.user.id }, data: { seenAt: new Date(0) } });
    await chatPresencePrune.tick();
    const left = await db.chatPresence.findMany({ where: { fanUuid: fan } });
    expect(left.map((p) => p.userId)).toEqual([sam.user.id]);
  });
});
