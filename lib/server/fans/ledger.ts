import "server-only";
import { db } from "@/lib/server/db";

// Per-fan gross/net from the synced earnings ledger (EarningRow, owned by the
// earnings feature). Fanvue's fan insights carry gross only, and none at all
// for agency-managed creators; the ledger has both. Used only once the
// creator's earnings backfill is complete, so a half-synced ledger never
// shows a too-low figure. Read with SQL and guarded, so this feature works
// (showing "—") where the ledger does not exist.

export type LedgerSpend = { gross: number; net: number; payments: number; lastAt: string | null };

// Positive answers only ever stay true (tables are not dropped at runtime, a
// finished backfill stays finished), so they are remembered per process.
const g = globalThis as unknown as { fanLedgerReady?: { tables: boolean; creators: Set<string> } };
const known = (g.fanLedgerReady ??= { tables: false, creators: new Set() });

async function ledgerReady(creatorId: string): Promise<boolean> {
  if (known.creators.has(creatorId)) return true;
  if (!known.tables) {
    const [exists] = await db.$queryRaw<{ ok: boolean }[]>`
      SELECT to_regclass('"EarningRow"') IS NOT NULL AND to_regclass('"SyncState"') IS NOT NULL AS ok`;
    if (!exists?.ok) return false;
    known.tables = true;
  }
  const [state] = await db.$queryRaw<{ done: boolean }[]>`
    SELECT "backfilledAt" IS NOT NULL AS done FROM "SyncState" WHERE "creatorId" = ${creatorId} AND stream = 'earnings'`;
  if (state?.done) known.creators.add(creatorId);
  return state?.done ?? false;
}

/** Lifetime earnings per fan (before refunds), or null when the ledger is
 * not available or not complete for this creator. */
export async function ledgerSpend(creatorId: string, fanUuids: string[]): Promise<Map<string, LedgerSpend> | null> {
  if (fanUuids.length === 0) return new Map();
  try {
    if (!(await ledgerReady(creatorId))) return null;
    const rows = await db.$queryRaw<
      { fanUuid: string; gross: number; net: number; payments: number; lastAt: Date | null }[]
    >`
      SELECT lower("fanUuid") AS "fanUuid", sum(gross)::int AS gross, sum(net)::int AS net, count(*)::int AS payments, max("occurredAt") AS "lastAt"
      FROM "EarningRow" WHERE "creatorId" = ${creatorId} AND lower("fanUuid") = ANY(${fanUuids}::text[])
      GROUP BY 1`;
    const out = new Map<string, LedgerSpend>();
    for (const r of rows)
      out.set(r.fanUuid, {
        gross: r.gross,
        net: r.net,
        payments: r.payments,
        lastAt: r.lastAt ? new Date(r.lastAt).toISOString() : null,
      });
    // A fan without rows in a complete ledger really spent nothing.
    for (const u of fanUuids) if (!out.has(u)) out.set(u, { gross: 0, net: 0, payments: 0, lastAt: null });
    return out;
  } catch (err) {
    console.error("[fans] reading the earnings ledger failed:", err);
    return null;
  }
}

/** The creator's current renewal price: the latest subscription/renewal
 * payment in the ledger (null when unavailable). */
export async function ledgerRenewalPrice(creatorId: string): Promise<number | null> {
  try {
    if (!(await ledgerReady(creatorId))) return null;
    const [row] = await db.$queryRaw<{ gross: number }[]>`
      SELECT round(gross)::int AS gross FROM "EarningRow" WHERE "creatorId" = ${creatorId} AND source IN ('renewal', 'subscription') AND gross > 0
      ORDER BY "occurredAt" DESC LIMIT 1`;
    return row?.gross ?? null;
  } catch {
    return null;
  }
}
