import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSandbox } from "../support/sandbox";
import { staffMember } from "../support/fans";
import { provisionAccount } from "../support/workspace";

// Who sold what, end to end: three members write and send PPVs for two
// agency creators through Vuedeck; the sandbox's fans unlock some and tip;
// the ledger syncs; every member's revenue, PPVs and unlock rate equal what
// this test computes from the sandbox's own ledger, to the cent. A manager's
// reassignment moves exactly one sale.

const sb = await startTestSandbox();
const { db } = await import("@/lib/server/db");
const { sendChatMessage } = await import("@/lib/server/chats/send");
const { syncStream } = await import("@/lib/server/earnings/sync");
const { getPerformance } = await import("@/lib/server/agency/performance");
const { listSales, reassignSale } = await import("@/lib/server/agency/sales");
const { listSends } = await import("@/lib/server/agency/sends");
const { sendsQuerySchema } = await import("@/lib/schemas/performance");
const { attributePending } = await import("@/lib/server/agency/attribution");
const { getCreatorAccess, getWorkspaceAccess } = await import("@/lib/server/workspaces/access");
const { performanceQuerySchema } = await import("@/lib/schemas/performance");
const { localDate, addDays } = await import("@/lib/utils/date-range");
const { updateMember } = await import("@/lib/server/workspaces/team");

type User = { id: string; name: string };
const HANDLES = ["mia", "nova"] as const;
let workspaceId: string;
let owner: User;
let members: Record<"sam" | "kai" | "lee", User>;
const creatorIds: Record<string, string> = {};
const startedAt = Date.now();

/** What the test expects per member, built from the sandbox's ledger rows. */
type Expect = {
  gross: number;
  netExact: number;
  sales: number;
  ppvs: number;
  unlocked: number;
  messages: number;
  fans: Set<string>;
};
const expected = new Map<string, Expect>();
const exp = (userId: string) => {
  if (!expected.has(userId))
    expected.set(userId, { gross: 0, netExact: 0, sales: 0, ppvs: 0, unlocked: 0, messages: 0, fans: new Set() });
  return expected.get(userId)!;
};

const world = (handle: string) => [...sb.state.world.creators.values()].find((c) => c.account.handle === handle)!;
const used = new Set<string>();
/** A contactable fan with a chat, not used yet by this file. */
function fanOf(handle: string): string {
  const c = world(handle);
  for (const chat of c.chats.values()) {
    const fan = c.fans[chat.fanIdx]!;
    if (c.relations[chat.fanIdx]!.contactable && !used.has(fan.uuid)) {
      used.add(fan.uuid);
      return fan.uuid;
    }
  }
  throw new Error(`no fan left for ${handle}`);
}

let n = 0;
async function send(who: User, handle: string, fan: string, price: number | null) {
  const access = (await getCreatorAccess(who.id, creatorIds[handle]!))!;
  const { send: s } = await sendChatMessage(access, who, fan, {
    idempotencyKey: `attr-${++n}-${Date.now()}`,
    text: price ? `Something special ${n}` : `Hey there ${n}`,
    // A PPV locks a vault item (Fanvue's rule: a price needs media).
    mediaUuids: price ? [world(handle).media.find((m) => m.status === "ready")!.uuid] : [],
    price,
    templateUuid: null,
  });
  expect(s.status).toBe("sent");
  const e = exp(who.id);
  e.messages += 1;
  e.fans.add(`${handle}:${fan}`);
  if (price) e.ppvs += 1;
  return s.messageUuid!;
}

/** The ledger row the sandbox appended last for this creator (the sale just simulated). */
function lastRow(handle: string) {
  const l = world(handle).ledger;
  return l.row(l.length - 1);
}

async function unlock(who: User, handle: string, fan: string, messageUuid: string) {
  await sb.admin("/simulate/purchase", { creator: handle, fan, messageUuid });
  const row = lastRow(handle);
  const e = exp(who.id);
  e.gross += row.gross;
  e.netExact += row.net;
  e.sales += 1;
  e.unlocked += 1;
}

async function tip(handle: string, fan: string, amount: number, net: number, creditedTo: User | null) {
  await sb.admin("/simulate/tip", { creator: handle, fan, amount, net });
  if (!creditedTo) return;
  const e = exp(creditedTo.id);
  e.gross += amount;
  e.netExact += net;
  e.sales += 1;
}

const tomorrow = () => addDays(localDate(Date.now(), "UTC"), 2);
const query = () =>
  performanceQuerySchema.parse({
    range: "custom",
    from: localDate(startedAt - 86_400_000, "UTC"),
    to: tomorrow(),
    tz: "UTC",
  });

async function syncAll() {
  for (const h of HANDLES) await syncStream(creatorIds[h]!, "earnings");
}

beforeAll(async () => {
  const p = await provisionAccount(sb, "atlas");
  workspaceId = p.workspace.id;
  owner = { id: p.user.id, name: p.user.name ?? "Atlas" };
  for (const h of HANDLES) creatorIds[h] = p.creators[h]!.id;
  const staff = async (role: "chatter" | "manager", name: string) =>
    (await staffMember(workspaceId, creatorIds.mia!, role, name)).user;
  members = {
    sam: await staff("chatter", "Sam Ortiz"),
    kai: await staff("chatter", "Kai Lund"),
    lee: await staff("manager", "Lee Park"),
  };
  // Earlier history syncs first: only what the scenario does is new.
  await syncAll();
  await playScenario();
});

afterAll(async () => {
  await db.$disconnect();
  await sb.close();
});

/** Three members write and sell for Mia and Nova; fans unlock and tip. */
async function playScenario() {
  const { sam, kai, lee } = members;
  // Sam: two PPVs for Mia (one unlocked), a free message for Nova; Nova's fan tips after it.
  const miaA = fanOf("mia");
  const ppv1 = await send(sam, "mia", miaA, 2000);
  await send(sam, "mia", fanOf("mia"), 1500);
  await unlock(sam, "mia", miaA, ppv1);
  const novaA = fanOf("nova");
  await send(sam, "nova", novaA, null);
  await tip("nova", novaA, 1000, 812.3456, sam);
  // Kai: three PPVs across both creators, two unlocked; then writes to Sam's fan last, so the next tip is Kai's.
  const miaB = fanOf("mia");
  const k1 = await send(kai, "mia", miaB, 999);
  const novaB = fanOf("nova");
  const k2 = await send(kai, "nova", novaB, 4500);
  await send(kai, "nova", fanOf("nova"), 300);
  await unlock(kai, "mia", miaB, k1);
  await unlock(kai, "nova", novaB, k2);
  await send(kai, "mia", miaA, null);
  await tip("mia", miaA, 2500, 2000, kai);
  // Lee: one PPV for Nova, unlocked, and a chat Lee never wrote in tips: nobody is credited.
  const novaC = fanOf("nova");
  const l1 = await send(lee, "nova", novaC, 1234);
  await unlock(lee, "nova", novaC, l1);
  await tip("nova", fanOf("nova"), 700, 560, null);
  await syncAll();
}

describe("sales attribution", () => {
  it("credits each member exactly what the sandbox's ledger says they sold", async () => {
    const access = (await getWorkspaceAccess(owner.id, workspaceId))!;
    const p = await getPerformance(access, owner.id, query());
    expect(p.scope).toBe("all");
    for (const m of Object.values(members)) {
      const row = p.members.find((r) => r.userId === m.id)!;
      const e = exp(m.id);
      expect(row, m.name).toMatchObject({
        name: m.name,
        gross: e.gross,
        net: Math.round(e.netExact),
        sales: e.sales,
        ppvsSent: e.ppvs,
        ppvsUnlocked: e.unlocked,
        messages: e.messages,
        fansAnswered: e.fans.size,
      });
      expect(row.unlockRate).toBeCloseTo(e.unlocked / e.ppvs, 10);
    }
    // The owner sent nothing and is listed with zeros; the uncredited tip is Fanvue's.
    expect(p.members.find((r) => r.userId === owner.id)).toMatchObject({ gross: 0, sales: 0, messages: 0 });
    const fanvue = p.members.find((r) => r.userId === null)!;
    expect(fanvue.name).toBe("Fanvue (not through Vuedeck)");
    const sales = await listSales(access, owner.id, { ...query(), member: "none" });
    expect(sales.sales.some((s) => s.gross === 700 && s.source === "tip" && s.rule === "none")).toBe(true);
  });

  it("gives revenue per hour on shift from the member's shifts in the range", async () => {
    const now = Date.now();
    await db.shift.create({
      data: {
        workspaceId,
        userId: members.kai.id,
        userName: members.kai.name,
        startedAt: new Date(now - 3 * 3_600_000),
        endedAt: new Date(now - 3_600_000),
        lastSeenAt: new Date(now - 3_600_000),
        endReason: "clock_out",
      },
    });
    const access = (await getWorkspaceAccess(owner.id, workspaceId))!;
    const p = await getPerformance(access, owner.id, query());
    const kai = p.members.find((m) => m.userId === members.kai.id)!;
    expect(kai.shiftMinutes).toBe(120);
    expect(kai.revenuePerHour).toBe(Math.round((kai.gross * 60) / 120));
    expect(p.members.find((m) => m.userId === members.lee.id)!.revenuePerHour).toBeNull();
  });

  it("shows a chatter only their own figures and sales", async () => {
    const access = (await getWorkspaceAccess(members.sam.id, workspaceId))!;
    const p = await getPerformance(access, members.sam.id, query());
    expect(p.scope).toBe("own");
    expect(p.members.map((m) => m.userId)).toEqual([members.sam.id]);
    const asked = await listSales(access, members.sam.id, { ...query(), member: members.kai.id });
    expect(asked.sales.every((s) => s.userId === members.sam.id)).toBe(true);
    expect(asked.total).toBe(exp(members.sam.id).sales);
  });
});

describe("the chats behind the figures", () => {
  it("lists exactly the messages, PPVs, bought PPVs and replies a member's figures count", async () => {
    const access = (await getWorkspaceAccess(owner.id, workspaceId))!;
    const kai = members.kai;
    const sends = (kind: string, who = kai.id, as = owner.id, acc = access) =>
      listSends(acc, as, sendsQuerySchema.parse({ ...query(), member: who, kind }));
    const row = (await getPerformance(access, owner.id, query())).members.find((m) => m.userId === kai.id)!;
    const all = await sends("all");
    expect(all.total).toBe(exp(kai.id).messages);
    expect(all.total).toBe(row.messages);
    expect(new Set(all.sends.map((s) => `${s.creator.handle}:${s.fan.uuid}`))).toEqual(exp(kai.id).fans);
    expect((await sends("ppv")).sends.map((s) => s.price)).toEqual(expect.arrayContaining([999, 4500, 300]));
    const bought = await sends("unlocked");
    expect(bought.total).toBe(exp(kai.id).unlocked);
    expect(bought.sends.every((s) => s.unlocked && s.price !== null)).toBe(true);
    expect((await sends("replies")).total).toBe(row.replies);
    // A chatter asking for Kai's messages gets their own.
    const samAccess = (await getWorkspaceAccess(members.sam.id, workspaceId))!;
    const asSam = await sends("all", kai.id, members.sam.id, samAccess);
    expect(asSam.sends.length).toBeGreaterThan(0);
    expect(asSam.sends.every((s) => !all.sends.some((k) => k.id === s.id))).toBe(true);
  });
});

describe("the tip window and reassignments", () => {
  it("credits a tip within 24 hours of the member's last message, not after", async () => {
    // The member wrote 23 h (credited) or 25 h (not credited) before the fan tipped.
    const wroteAgo = async (hours: number, amount: number) => {
      const fan = fanOf("mia");
      const uuid = await send(members.sam, "mia", fan, null);
      await db.chatSend.updateMany({
        where: { messageUuid: uuid },
        data: { sentAt: new Date(Date.now() - hours * 3_600_000) },
      });
      await tip("mia", fan, amount, amount * 0.8, hours < 24 ? members.sam : null);
      return fan;
    };
    const late = await wroteAgo(25, 4200);
    const inTime = await wroteAgo(23, 3100);
    await syncStream(creatorIds.mia!, "earnings");
    const access = (await getWorkspaceAccess(owner.id, workspaceId))!;
    const none = await listSales(access, owner.id, { ...query(), member: "none" });
    expect(none.sales.some((s) => s.gross === 4200 && s.fan.uuid === late)).toBe(true);
    const samSales = await listSales(access, owner.id, { ...query(), member: members.sam.id });
    expect(samSales.sales.find((s) => s.fan.uuid === inTime)).toMatchObject({ gross: 3100, rule: "tip" });
    const sam = (await getPerformance(access, owner.id, query())).members.find((m) => m.userId === members.sam.id)!;
    expect(sam.gross).toBe(exp(members.sam.id).gross);
    expect(sam.net).toBe(Math.round(exp(members.sam.id).netExact));
  });

  it("moves exactly the reassigned sale, keeps the reason, and survives the next sync", async () => {
    const access = (await getWorkspaceAccess(members.lee.id, workspaceId))!;
    const before = await getPerformance(access, members.lee.id, query());
    const samSales = await listSales(access, members.lee.id, { ...query(), member: members.sam.id });
    const sale = samSales.sales.find((s) => s.source === "message")!;
    await reassignSale(access, members.lee, sale.id, { userId: members.kai.id, reason: "Kai wrote the pitch" });
    await attributePending(creatorIds.mia!);
    await syncStream(creatorIds.mia!, "earnings");
    const after = await getPerformance(access, members.lee.id, query());
    const figure = (p: typeof before, u: User) => p.members.find((m) => m.userId === u.id)!;
    expect(figure(after, members.sam).gross).toBe(figure(before, members.sam).gross - sale.gross);
    expect(figure(after, members.kai).gross).toBe(figure(before, members.kai).gross + sale.gross);
    expect(figure(after, members.sam).sales).toBe(figure(before, members.sam).sales - 1);
    expect(figure(after, members.lee).gross).toBe(figure(before, members.lee).gross);
    const kaiSales = await listSales(access, members.lee.id, { ...query(), member: members.kai.id });
    expect(kaiSales.sales.find((s) => s.id === sale.id)?.reassigned).toMatchObject({
      by: "Lee Park",
      reason: "Kai wrote the pitch",
      fromName: "Sam Ortiz",
    });
  });
});

describe("who may see and move sales", () => {
  it("gives the creator of an agency-run account a read-only seat over their own sales", async () => {
    const user = await db.user.create({ data: { name: "Mia (creator)" } });
    const m = await db.membership.create({
      data: {
        workspaceId,
        userId: user.id,
        role: "creator",
        allCreators: false,
        creators: { create: [{ creatorId: creatorIds.mia! }] },
      },
    });
    const access = (await getWorkspaceAccess(user.id, workspaceId))!;
    const p = await getPerformance(access, user.id, query());
    expect(p.scope).toBe("all");
    expect(p.creators.map((c) => c.id)).toEqual([creatorIds.mia]);
    const sales = await listSales(access, user.id, query());
    const inRange = { gte: new Date(p.range.startUtc), lt: new Date(p.range.endUtc) };
    expect(sales.total).toBe(
      await db.saleAttribution.count({ where: { creatorId: creatorIds.mia, occurredAt: inRange } }),
    );
    expect(sales.total).toBeLessThan(await db.saleAttribution.count({ where: { occurredAt: inRange } }));
    expect(sales.sales.every((s) => s.creator.id === creatorIds.mia)).toBe(true);
    expect(p.canReassign).toBe(false);
    // The seat covers one account: widening it is refused, naming the field.
    await expect(
      updateMember(workspaceId, m.id, { creatorIds: [creatorIds.mia!, creatorIds.nova!] }),
    ).rejects.toMatchObject({ code: "invalid_input", extra: { field: "creatorIds" } });
  });

  it("refuses to credit someone who does not work on the creator", async () => {
    const access = (await getWorkspaceAccess(owner.id, workspaceId))!;
    const sale = (await listSales(access, owner.id, query())).sales[0]!;
    const stranger = await db.user.create({ data: { name: "Stranger" } });
    await expect(reassignSale(access, owner, sale.id, { userId: stranger.id, reason: "nope" })).rejects.toMatchObject({
      code: "invalid_input",
      extra: { field: "userId" },
    });
  });
});
