import { afterAll, describe, expect, it, vi } from "vitest";
import { startTestSandbox } from "../support/sandbox";
import { provisionAccount } from "../support/workspace";

// The inbox's fan value (lifetime spend, status, last purchase) on every row
// of a page: one query for the whole page, figures equal to the ledger
// (exact sums rounded once), Fanvue's own total until the ledger is complete.

const sb = await startTestSandbox();
const { db } = await import("@/lib/server/db");
const { getInbox } = await import("@/lib/server/chats/inbox");
const { getConversation } = await import("@/lib/server/chats/conversation");
const { withFanValue } = await import("@/lib/server/chats/fan-value");
const { inboxQuerySchema } = await import("@/lib/schemas/chats");
const { getCreatorAccess } = await import("@/lib/server/workspaces/access");

afterAll(async () => {
  await db.$disconnect();
  await sb.close();
});

const p = await provisionAccount(sb, "luna");
const luna = (await getCreatorAccess(p.user.id, p.creators.luna!.id))!;
const creatorId = luna.creator.id;
const first = await getInbox(luna, inboxQuerySchema.parse({}));
const [a, b, c, d] = first.items.map((r) => r.fanUuid) as [string, string, string, string];

let n = 0;
const earning = (fanUuid: string, gross: string, at: string, source = "message") =>
  db.earningRow.create({
    data: {
      creatorId,
      dedupeKey: `test:${n++}`,
      occurredAt: new Date(at),
      gross,
      net: "0",
      currency: "USD",
      source,
      fanUuid,
    },
  });
const insight = (fanUuid: string, data: Record<string, unknown>) =>
  db.fanInsight.upsert({
    where: { creatorId_fanUuid: { creatorId, fanUuid } },
    create: { creatorId, fanUuid, state: "ok", fetchedAt: new Date(), ...data },
    update: data,
  });
const valueOf = async (fanUuid: string) => {
  const page = await getInbox(luna, inboxQuerySchema.parse({}));
  return page.items.find((r) => r.fanUuid === fanUuid)?.value;
};

describe("fan value on inbox rows", () => {
  it("uses Fanvue's total from the insight cache until the ledger is complete", async () => {
    await insight(a, { status: "subscriber", totalGross: 4200, lastPurchaseAt: new Date("2026-11-01T10:00:00Z") });
    expect(await valueOf(a)).toEqual({
      spend: 4200,
      spendFrom: "fanvue",
      status: "subscriber",
      lastPurchaseAt: "2026-11-01T10:00:00.000Z",
    });
    // Nothing known about a fan: no made-up zero.
    await db.fanInsight.deleteMany({ where: { creatorId, fanUuid: d } });
    await db.audienceFan.deleteMany({ where: { creatorId, fanUuid: d } });
    expect(await valueOf(d)).toBeNull();
  });

  it("sums the complete ledger exactly, rounded once, with the last purchase and a trial", async () => {
    await db.syncState.upsert({
      where: { creatorId_stream: { creatorId, stream: "earnings" } },
      create: { creatorId, stream: "earnings", status: "idle", backfilledAt: new Date() },
      update: { backfilledAt: new Date() },
    });
    // 3 × 333.3333 = 999.9999 → $10.00 (each rounded first would be $9.99).
    await earning(a, "333.3333", "2026-10-01T10:00:00Z", "subscription");
    await earning(a, "333.3333", "2026-10-05T10:00:00Z");
    await earning(a.toUpperCase(), "333.3333", "2026-11-20T08:30:00Z", "tip");
    await insight(a, { subscribedAt: new Date("2026-10-01T09:00:00Z") });
    // b subscribed after their only subscription payment: on a free trial now.
    await earning(b, "2500", "2026-09-01T10:00:00Z", "subscription");
    await insight(b, { status: "subscriber", subscribedAt: new Date("2026-11-25T00:00:00Z"), totalGross: 2500 });
    await insight(c, { status: "expired", totalGross: 999 });
    expect(await valueOf(a)).toEqual({
      spend: 1000,
      spendFrom: "ledger",
      status: "subscriber",
      lastPurchaseAt: "2026-11-20T08:30:00.000Z",
    });
    expect(await valueOf(b)).toMatchObject({ spend: 2500, status: "trial" });
    // Expired, nothing in the complete ledger: a real zero.
    expect(await valueOf(c)).toEqual({ spend: 0, spendFrom: "ledger", status: "expired", lastPurchaseAt: null });
  });

  it("reads a whole page in one query", async () => {
    const rows = first.items;
    expect(rows.length).toBeGreaterThan(10);
    const raw = vi.spyOn(db, "$queryRaw");
    const ran = [
      vi.spyOn(db.earningRow, "findMany"),
      vi.spyOn(db.fanInsight, "findMany"),
      vi.spyOn(db.audienceFan, "findMany"),
    ];
    try {
      const out = await withFanValue(rows, () => creatorId);
      expect(raw).toHaveBeenCalledTimes(1);
      for (const s of ran) expect(s).not.toHaveBeenCalled();
      expect(out.find((r) => r.fanUuid === a)?.value?.spend).toBe(1000);
    } finally {
      raw.mockRestore();
      for (const s of ran) s.mockRestore();
    }
  });
});

describe("tip amounts in a conversation", () => {
  it("shows a tip's amount from the ledger row that names the message", async () => {
    await sb.admin("/simulate/tip", { creator: "luna", fan: a, amount: 2_500 });
    const before = await getConversation(luna, a, 1);
    const tip = before.items.find((m) => m.type === "TIP")!;
    // Not synced yet and no webhook stored: unknown, never a made-up zero.
    expect(tip.tipAmount).toBeNull();
    await db.earningRow.create({
      data: {
        creatorId,
        dedupeKey: `test:tip:${tip.uuid}`,
        occurredAt: new Date(),
        gross: "2500",
        net: "2000",
        currency: "USD",
        source: "tip",
        fanUuid: a,
        messageUuid: tip.uuid,
      },
    });
    const after = await getConversation(luna, a, 1);
    expect(after.items.find((m) => m.uuid === tip.uuid)?.tipAmount).toBe(2_500);
    expect(after.items.filter((m) => m.type !== "TIP").every((m) => m.tipAmount === null)).toBe(true);
  });
});

describe("the inbox when Fanvue's sign-in has ended", () => {
  it("keeps the last copy on screen, flagged so the badge never says Live", async () => {
    expect((await getInbox(luna, inboxQuerySchema.parse({}))).reauth).toBe(false);
    await db.fanvueConnection.update({
      where: { id: luna.workspace.connectionId },
      data: { status: "needs_reauth", statusReason: "Fanvue revoked access; reconnect to continue." },
    });
    try {
      const page = await getInbox(luna, inboxQuerySchema.parse({}));
      expect(page.reauth).toBe(true);
      expect(page.items.length).toBeGreaterThan(0);
    } finally {
      await db.fanvueConnection.update({
        where: { id: luna.workspace.connectionId },
        data: { status: "active", statusReason: null },
      });
    }
  });
});
