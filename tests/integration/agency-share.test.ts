import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSandbox } from "../support/sandbox";
import { staffMember } from "../support/fans";
import { provisionAccount } from "../support/workspace";

// The agency's share of a creator it runs: the statement's gross, Fanvue's
// fee, net, share and what the creator keeps equal what this test computes
// from the synced ledger rows, to the cent (the share rounded once on the
// exact net); the creator's read-only seat reads it and cannot change it; a
// creator's own workspace has no agency share.

const sb = await startTestSandbox();
const { db } = await import("@/lib/server/db");
const { syncStream } = await import("@/lib/server/earnings/sync");
const { agencyShareStatement, agencyShareLines, setAgencyShare } = await import("@/lib/server/payouts/agency-share");
const { getCreatorAccess, hasPermission } = await import("@/lib/server/workspaces/access");
const { periodQuerySchema } = await import("@/lib/schemas/payouts");
const { centsToDecimal } = await import("@/lib/utils/money");

let ownerId: string;
let workspaceId: string;
let miaId: string;
let lunaOwner: string;
let lunaId: string;
const RATE = 2750; // 27.5 %
const period = () => periodQuerySchema.parse({ range: "90d", tz: "America/New_York" });

beforeAll(async () => {
  const atlas = await provisionAccount(sb, "atlas");
  ownerId = atlas.user.id;
  workspaceId = atlas.workspace.id;
  miaId = atlas.creators.mia!.id;
  await syncStream(miaId, "earnings");
  const luna = await provisionAccount(sb, "luna");
  lunaOwner = luna.user.id;
  lunaId = Object.values(luna.creators)[0]!.id;
});

afterAll(async () => {
  await db.$disconnect();
  await sb.close();
});

/** Cents ×10⁴ of a NUMERIC(16,4) amount, exactly. */
const e4 = (d: { toFixed(n: number): string }) => BigInt(d.toFixed(4).replace(".", ""));
/** round(x / 10^k) half away from zero, for x ≥ 0. */
const roundDiv = (x: bigint, k: bigint) => Number((x + k / 2n) / k);

async function expected(startUtc: string, endUtc: string, rateBps: number) {
  const rows = await db.earningRow.findMany({
    where: { creatorId: miaId, occurredAt: { gte: new Date(startUtc), lt: new Date(endUtc) } },
  });
  const gross = rows.reduce((s, r) => s + e4(r.gross), 0n);
  const net = rows.reduce((s, r) => s + e4(r.net), 0n);
  const share = roundDiv(net * BigInt(rateBps), 10n ** 8n);
  return { n: rows.length, gross: roundDiv(gross, 10n ** 4n), net: roundDiv(net, 10n ** 4n), share };
}

describe("the agency share statement", () => {
  it("is the creator's ledger × the agreed share, to the cent, in the CSV too", async () => {
    const access = (await getCreatorAccess(ownerId, miaId))!;
    const before = await agencyShareStatement(access, period());
    expect(before.rule).toBeNull();
    expect(before.totals.agencyShare).toBe(0);
    await setAgencyShare(access, { name: "Atlas" }, { rateBps: RATE });
    const s = await agencyShareStatement(access, period());
    const want = await expected(s.period.startUtc, s.period.endUtc, RATE);
    expect(want.n).toBeGreaterThan(50);
    expect(s.rule).toMatchObject({ rateBps: RATE, updatedBy: "Atlas" });
    expect(s.totals).toEqual({
      transactions: want.n,
      gross: want.gross,
      fanvueFee: want.gross - want.net,
      net: want.net,
      agencyShare: want.share,
      creatorKeeps: want.net - want.share,
    });
    expect(s.lines.reduce((n, l) => n + l.transactions, 0)).toBe(want.n);
    expect(s.canSetRate).toBe(true);
    // The CSV says the same.
    const csv = agencyShareLines(s);
    expect(csv).toContain(`agency_share_usd,${centsToDecimal(want.share)}`);
    expect(csv).toContain(`creator_keeps_usd,${centsToDecimal(want.net - want.share)}`);
  });

  it("is readable, not changeable, from the creator's own seat", async () => {
    const user = await db.user.create({ data: { name: "Mia (creator)" } });
    await db.membership.create({
      data: {
        workspaceId,
        userId: user.id,
        role: "creator",
        allCreators: false,
        creators: { create: [{ creatorId: miaId }] },
      },
    });
    const access = (await getCreatorAccess(user.id, miaId))!;
    const s = await agencyShareStatement(access, period());
    expect(s.canSetRate).toBe(false);
    expect(s.totals.net).toBeGreaterThan(0);
    // A chatter's seat has no earnings (the route refuses it on earnings:read).
    const chatter = await staffMember(workspaceId, miaId, "chatter", "Chatter Share");
    expect(hasPermission(chatter.access, "earnings:read")).toBe(false);
  });

  it("does not exist for a creator's own workspace", async () => {
    const access = (await getCreatorAccess(lunaOwner, lunaId))!;
    await expect(agencyShareStatement(access, period())).rejects.toMatchObject({ code: "not_found" });
    await expect(setAgencyShare(access, { name: "Luna" }, { rateBps: 1000 })).rejects.toMatchObject({
      code: "not_found",
    });
  });
});
