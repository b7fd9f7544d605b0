import { afterAll, describe, expect, it } from "vitest";
import { startTestSandbox } from "../support/sandbox";
import { provisionAccount } from "../support/workspace";

// "Why does this number differ?" against the sandbox's ground truth (summed
// from its own ledger by plain loops, sandbox/truth.ts): a 120-day range in
// Asia/Kolkata (UTC+5:30, so each local day starts at 18:30 UTC the day
// before) holding seeded refunds and chargebacks, and a tip Fanvue has that
// the ledger has not synced yet. Every line equals the truth and the lines
// bridge Fanvue's UTC-day figure to the ledger's figure to the cent.
const sb = await startTestSandbox({ soloFans: 400 });
const { db } = await import("@/lib/server/db");
const { syncStream } = await import("@/lib/server/earnings/sync");
const { reconcile } = await import("@/lib/server/earnings/reconcile");
const { earningsReport } = await import("@/lib/server/earnings/report");
const { earningsQuerySchema } = await import("@/lib/schemas/earnings");
const { getCreatorAccess } = await import("@/lib/server/workspaces/access");
const { localDate, addDays } = await import("@/lib/utils/date-range");

const luna = await provisionAccount(sb, "luna");
const creatorId = luna.creators.luna!.id;
await syncStream(creatorId, "earnings");
await syncStream(creatorId, "spending");
// After the sync: Fanvue has this tip, the ledger not yet.
const TIP = { gross: 5_000, net: 4_000 };
await sb.admin("/simulate/tip", { creator: "luna", amount: TIP.gross, net: TIP.net });

afterAll(async () => {
  await db.$disconnect();
  await sb.close();
});

type Sum = { gross: number; net: number; count: number };
type Truth = Sum & { reversalsBySource: { refund: Sum; chargeback: Sum }; pendingBalance: Sum };
const truth = (start: string, end: string) =>
  sb.admin(
    `/truth/earnings?creator=luna&start=${encodeURIComponent(start)}&end=${encodeURIComponent(end)}`,
  ) as Promise<Truth>;
const money = (s: { gross: number; net: number }) => ({ gross: s.gross, net: s.net });
const counted = (s: Sum) => ({ gross: s.gross, net: s.net, count: s.count });

const tz = "Asia/Kolkata";
const today = localDate(Date.now(), tz);
const q = earningsQuerySchema.parse({ range: "custom", from: addDays(today, -119), to: today, tz });
const access = (await getCreatorAccess(luna.user.id, creatorId))!;
const r = await reconcile(access, q);
const local = await truth(r.range.startUtc, r.range.endUtc);

describe("reconciliation with Fanvue (Asia/Kolkata, 120 days, seeded refunds, an unsynced tip)", () => {
  it("reads the local days as starting 5 h 30 min before the UTC days", () => {
    expect(r.range.startUtc).toBe(`${addDays(q.from!, -1)}T18:30:00.000Z`);
    expect(r.utcRange.startUtc).toBe(`${q.from}T00:00:00.000Z`);
    expect(r.utcRange.endUtc).toBe(`${addDays(today, 1)}T00:00:00.000Z`);
  });

  it("Fanvue's figures are Fanvue's summary for the UTC days and for the local days", async () => {
    expect(r.fanvue.utc).toEqual(money(await truth(r.utcRange.startUtc, r.utcRange.endUtc)));
    expect(money(r.fanvue.local)).toEqual(money(local));
    expect(r.fanvue.local).toMatchObject({ zone: tz, honoured: true });
    expect(r.fanvue.windowApplied).toBe(true);
  });

  it("each edge is the payments between the local and the UTC day boundaries", async () => {
    const start = await truth(r.range.startUtc, r.utcRange.startUtc);
    expect(start.count).toBeGreaterThan(0);
    expect(r.bridge.startEdge).toMatchObject({ sign: 1, ...counted(start) });
    expect(r.bridge.startEdge.fromUtc).toBe(r.range.startUtc);
    const end = await truth(r.range.endUtc, r.utcRange.endUtc);
    expect(r.bridge.endEdge).toMatchObject({ sign: -1, ...counted(end) });
  });

  it("itemises the tip Fanvue has and the ledger does not", () => {
    expect(r.bridge.unsynced).toMatchObject({ ...TIP, count: 1, capped: false });
    expect(r.bridge.unsynced.rows).toEqual([expect.objectContaining({ source: "tip", ...TIP })]);
    expect(r.bridge.unsynced.since).not.toBeNull();
  });

  it("the ledger's figure is the KPI's, and the lines bridge Fanvue's figure to it exactly", async () => {
    const report = await earningsReport([creatorId], [creatorId], q);
    expect(money(r.ledger)).toEqual(money(report.totals));
    expect(r.ledger).toEqual({ gross: local.gross - TIP.gross, net: local.net - TIP.net, count: local.count - 1 });
    expect(r.bridge.unexplained).toEqual({ gross: 0, net: 0 });
    for (const k of ["gross", "net"] as const) {
      const { startEdge, endEdge, unsynced, unexplained } = r.bridge;
      const lines = startEdge.sign * startEdge[k] + endEdge.sign * endEdge[k] - unsynced[k] + unexplained[k];
      expect(r.fanvue.utc[k] + lines).toBe(r.ledger[k]);
      expect(lines).not.toBe(0);
    }
  });

  it("refunds and chargebacks, Fanvue's share and the payout status equal the truth", () => {
    const { refund, chargeback } = local.reversalsBySource;
    expect(refund.count + chargeback.count).toBeGreaterThan(0);
    expect(r.reversals).toEqual({ available: true, refunds: counted(refund), chargebacks: counted(chargeback) });
    expect(r.afterReversals).toEqual({
      gross: r.ledger.gross - refund.gross - chargeback.gross,
      net: r.ledger.net - refund.net - chargeback.net,
    });
    expect(r.fanvueShare.cents).toBe(r.ledger.gross - r.ledger.net);
    // The unsynced tip is pending at Fanvue but not in the ledger.
    expect(r.payout).toEqual({
      pending: local.pendingBalance.net - TIP.net,
      available: r.ledger.net - (local.pendingBalance.net - TIP.net),
      unknown: 0,
    });
  });

  it("a sync brings the tip in: nothing is left unsynced and the bridge still closes", async () => {
    await syncStream(creatorId, "earnings");
    const after = await reconcile(access, q);
    expect(after.bridge.unsynced).toMatchObject({ gross: 0, net: 0, count: 0 });
    expect(money(after.ledger)).toEqual(money(local));
    expect(after.bridge.unexplained).toEqual({ gross: 0, net: 0 });
  });

  it("payments pending payout settle: once Fanvue holds them no longer, the next sync marks them available", async () => {
    expect((await reconcile(access, q)).payout.pending).toBeGreaterThan(0);
    await sb.admin("/clock/advance", { seconds: 8 * 86_400 });
    await syncStream(creatorId, "earnings");
    const settled = await reconcile(access, q);
    expect(settled.payout).toEqual({ pending: 0, available: settled.ledger.net, unknown: 0 });
  });
});
