import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSandbox } from "../support/sandbox";
import { staffMember } from "../support/fans";
import { provisionAccount } from "../support/workspace";

// Shifts and payouts, end to end: Sam (a chatter) sells for Mia through
// Vuedeck, the sandbox's fans unlock and tip (one net with a fraction of a
// cent), the ledger syncs; Sam's statement's commission equals what this test
// computes from the sandbox's own ledger rows, to the cent, on the exact sum.
// Hours come from shifts; an idle shift ends at its last activity; "Mark paid"
// freezes the statement against a later reassignment; a chatter cannot read
// another member's statement.

const sb = await startTestSandbox();
const { db } = await import("@/lib/server/db");
const { sendChatMessage } = await import("@/lib/server/chats/send");
const { syncStream } = await import("@/lib/server/earnings/sync");
const { reassignSale } = await import("@/lib/server/agency/sales");
const { getCreatorAccess, getWorkspaceAccess } = await import("@/lib/server/workspaces/access");
const { clockIn, clockOut, closeIdleShifts, heartbeat } = await import("@/lib/server/shifts/clock");
const { correctShift, listShifts } = await import("@/lib/server/shifts/list");
const { getStatement } = await import("@/lib/server/payouts/statement");
const { listPayouts, markPaid, setCommissionRule } = await import("@/lib/server/payouts/pay");
const { statementLines } = await import("@/lib/server/payouts/statement-csv");
const { periodQuerySchema, shiftsQuerySchema } = await import("@/lib/schemas/payouts");
const { localDate, addDays } = await import("@/lib/utils/date-range");

type User = { id: string; name: string };
let workspaceId: string;
let miaId: string;
let owner: User;
let sam: User;
let kai: User;
/** Sam's sales as the sandbox's ledger has them: net in 1/10000 cent, exact. */
const samNetE4: bigint[] = [];
const samGross: number[] = [];
const RATE_BPS = 1250; // 12.5 %
const HOURLY = 1500; // $15.00

const mia = () => [...sb.state.world.creators.values()].find((c) => c.account.handle === "mia")!;
const lastRow = () => mia().ledger.row(mia().ledger.length - 1);
const access = async (u: User) => (await getWorkspaceAccess(u.id, workspaceId))!;
const today = () => localDate(Date.now(), "UTC");
const period = () =>
  periodQuerySchema.parse({ range: "custom", from: addDays(today(), -1), to: addDays(today(), 1), tz: "UTC" });

function freeFan(): string {
  const c = mia();
  for (const chat of c.chats.values()) {
    const fan = c.fans[chat.fanIdx]!;
    if (c.relations[chat.fanIdx]!.contactable && !usedFans.has(fan.uuid)) {
      usedFans.add(fan.uuid);
      return fan.uuid;
    }
  }
  throw new Error("no fan left");
}
const usedFans = new Set<string>();

let n = 0;
async function send(who: User, fan: string, price: number | null) {
  const a = (await getCreatorAccess(who.id, miaId))!;
  const { send: s } = await sendChatMessage(a, who, fan, {
    idempotencyKey: `pay-${++n}-${Date.now()}`,
    text: price ? `Special ${n}` : `Hi ${n}`,
    mediaUuids: price ? [mia().media.find((m) => m.status === "ready")!.uuid] : [],
    price,
    templateUuid: null,
  });
  expect(s.status).toBe("sent");
  return s.messageUuid!;
}

const record = () => {
  const row = lastRow();
  samNetE4.push(BigInt(Math.round(row.net * 10_000)));
  samGross.push(row.gross);
};

/** Sam: two PPVs unlocked, and a tip with a fractional net right after Sam wrote. */
async function samSells() {
  for (const price of [2000, 999]) {
    const fan = freeFan();
    const uuid = await send(sam, fan, price);
    await sb.admin("/simulate/purchase", { creator: "mia", fan, messageUuid: uuid });
    record();
  }
  const fan = freeFan();
  await send(sam, fan, null);
  await sb.admin("/simulate/tip", { creator: "mia", fan, amount: 1000, net: 812.3456 });
  record();
  await syncStream(miaId, "earnings");
}

beforeAll(async () => {
  const p = await provisionAccount(sb, "atlas");
  workspaceId = p.workspace.id;
  miaId = p.creators.mia!.id;
  owner = { id: p.user.id, name: p.user.name ?? "Atlas" };
  sam = (await staffMember(workspaceId, miaId, "chatter", "Sam Ortiz")).user;
  kai = (await staffMember(workspaceId, miaId, "chatter", "Kai Lund")).user;
  await syncStream(miaId, "earnings");
  await samSells();
  await setCommissionRule(await access(owner), owner, sam.id, { rateBps: RATE_BPS, hourlyCents: HOURLY });
});

afterAll(async () => {
  await db.$disconnect();
  await sb.close();
});

/** round(x / 10^8) half away from zero, for a positive BigInt (net e4 × bps). */
const roundE8 = (x: bigint) => Number((x + 50_000_000n) / 100_000_000n);

describe("a statement's commission", () => {
  it("equals the rate on the exact sum of Sam's ledger net, rounded once", async () => {
    const s = await getStatement(await access(owner), owner.id, sam.id, period());
    const sumE4 = samNetE4.reduce((a, b) => a + b, 0n);
    expect(samNetE4.some((x) => x % 100n !== 0n)).toBe(true); // a fraction of a cent is in it
    expect(s.sales).toHaveLength(samNetE4.length);
    expect(s.totals.gross).toBe(samGross.reduce((a, b) => a + b, 0));
    expect(s.totals.netExact).toBe((Number(sumE4) / 10_000).toFixed(4));
    expect(s.totals.net).toBe(roundE8(sumE4 * 10_000n));
    expect(s.totals.commission).toBe(roundE8(sumE4 * BigInt(RATE_BPS)));
    expect(s.totals.total).toBe(s.totals.commission + s.totals.hourlyPay);
    // The CSV carries the same totals, as decimals from the same cents.
    const csv = statementLines(s);
    expect(csv).toContain(`commission_usd,${(s.totals.commission / 100).toFixed(2)}`);
    expect(csv.filter((l) => l.startsWith("sale,"))).toHaveLength(s.sales.length);
  });

  it("is Sam's own to read: a chatter asking for another's statement is refused", async () => {
    const own = await getStatement(await access(sam), sam.id, sam.id, period());
    expect(own.totals.commission).toBeGreaterThan(0);
    await expect(getStatement(await access(kai), kai.id, sam.id, period())).rejects.toMatchObject({
      code: "forbidden",
    });
  });

  it("is refused to a viewer scoped to some creators: a statement spans every creator", async () => {
    const viewer = await db.user.create({ data: { name: "Scoped Viewer" } });
    await db.membership.create({
      data: {
        workspaceId,
        userId: viewer.id,
        role: "viewer",
        allCreators: false,
        creators: { create: [{ creatorId: miaId }] },
      },
    });
    const scoped = (await getWorkspaceAccess(viewer.id, workspaceId))!;
    await expect(getStatement(scoped, viewer.id, sam.id, period())).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("shifts", () => {
  it("allows one open shift per member: a second clock-in is a conflict naming it", async () => {
    const { shift } = await clockIn(await access(sam), sam);
    await expect(clockIn(await access(sam), sam)).rejects.toMatchObject({ code: "conflict" });
    await expect(clockIn(await access(sam), sam)).rejects.toThrow(shift.id);
    await clockOut(await access(sam), sam.id);
    // A corrected 2 h 30 min shift yesterday is paid by the hour, with a reason kept.
    const start = Date.parse(`${addDays(today(), -1)}T09:00:00Z`);
    await correctShift(await access(owner), owner, shift.id, {
      startedAt: new Date(start).toISOString(),
      endedAt: new Date(start + 150 * 60_000).toISOString(),
      reason: "Forgot to clock in",
    });
    const s = await getStatement(await access(owner), owner.id, sam.id, period());
    expect(s.shifts.map((x) => x.minutes)).toEqual([150]);
    expect(s.totals.minutes).toBe(150);
    expect(s.totals.hourlyPay).toBe(Math.round((150 * HOURLY) / 60));
    expect(s.totals.total).toBe(s.totals.commission + s.totals.hourlyPay);
    const hours = await listShifts(await access(owner), owner.id, shiftsQuerySchema.parse({ ...period() }));
    expect(hours.members.find((m) => m.userId === sam.id)?.minutes).toBe(150);
  });

  it("closes an idle shift at the last activity (a send), not when the sweeper ran", async () => {
    await clockIn(await access(kai), kai);
    const open = (await db.shift.findFirst({ where: { userId: kai.id, endedAt: null } }))!;
    const started = Date.now() - 2 * 3_600_000;
    await db.shift.update({
      where: { id: open.id },
      data: { startedAt: new Date(started), lastSeenAt: new Date(Date.now() - 90 * 60_000) },
    });
    const uuid = await send(kai, freeFan(), null);
    const sentAt = new Date(Date.now() - 45 * 60_000);
    await db.chatSend.updateMany({ where: { messageUuid: uuid }, data: { sentAt } });
    // A heartbeat-fresh shift is left alone; Kai's is idle past 30 minutes.
    expect(await closeIdleShifts()).toBe(1);
    const closed = (await db.shift.findUnique({ where: { id: open.id } }))!;
    expect(closed.endReason).toBe("idle");
    expect(closed.endedAt?.toISOString()).toBe(sentAt.toISOString());
    const beat = await heartbeat(await access(kai), kai.id);
    expect(beat.shift).toBeNull();
  });
});

describe("marking a statement paid", () => {
  it("says as of what the ledger covers: not synced until every creator has synced, then the oldest watermark", async () => {
    const creators = await db.creator.findMany({ where: { workspaceId, removedAt: null }, select: { id: true } });
    expect(creators.length).toBeGreaterThan(1);
    expect((await listPayouts(await access(owner), owner.id, period())).ledgerAsOf).toBeNull();
    for (const c of creators) if (c.id !== miaId) await syncStream(c.id, "earnings");
    const marks = await db.syncState.findMany({
      where: { creatorId: { in: creators.map((c) => c.id) }, stream: "earnings" },
    });
    const oldest = new Date(Math.min(...marks.map((m) => m.watermark!.getTime()))).toISOString();
    expect((await listPayouts(await access(owner), owner.id, period())).ledgerAsOf).toBe(oldest);
    expect((await getStatement(await access(owner), owner.id, sam.id, period())).ledgerAsOf).toBe(oldest);
  });

  it("freezes what was paid: a later reassignment changes the live figures, not the paid statement", async () => {
    // Paying needs a period that has ended, and the sandbox's clock is now:
    // Sam's sales and shifts are moved 40 days back, into a closed period.
    await db.$executeRaw`UPDATE "SaleAttribution" SET "occurredAt" = "occurredAt" - interval '40 days' WHERE "userId" = ${sam.id}`;
    await db.$executeRaw`UPDATE "Shift" SET "startedAt" = "startedAt" - interval '40 days', "endedAt" = "endedAt" - interval '40 days' WHERE "userId" = ${sam.id}`;
    const closed = periodQuerySchema.parse({
      range: "custom",
      from: addDays(today(), -45),
      to: addDays(today(), -30),
      tz: "UTC",
    });
    const before = await getStatement(await access(owner), owner.id, sam.id, closed);
    expect(before.sales).toHaveLength(samNetE4.length);
    const paid = await markPaid(await access(owner), owner, sam.id, closed);
    expect(paid.paid?.by).toBe(owner.name);
    await expect(markPaid(await access(owner), owner, sam.id, closed)).rejects.toMatchObject({ code: "conflict" });
    await reassignSale(await access(owner), owner, before.sales[0]!.id, { userId: kai.id, reason: "Kai's pitch" });
    const after = await getStatement(await access(owner), owner.id, sam.id, closed);
    expect(after.paid).not.toBeNull();
    expect(after.totals).toEqual(before.totals);
    expect(after.sales).toEqual(before.sales);
    expect(after.ledgerAsOf).toBe(before.ledgerAsOf);
    const kaiNow = await getStatement(await access(owner), owner.id, kai.id, closed);
    expect(kaiNow.sales.map((s) => s.id)).toContain(before.sales[0]!.id);
  });
});
