import "server-only";
import type { ChatRow, FanValue } from "@/lib/schemas/chats";
import { db } from "@/lib/server/db";

// What each fan in the inbox is worth: lifetime spend, status and last
// purchase, for a whole page of chats in ONE query (never one per row).
// Spend comes from our earnings ledger once the creator's backfill is done
// (exact sums, rounded once), else from Fanvue's own total in the insight
// cache; status from the insight cache, else the roster's list. Added after
// the page is built, outside any snapshot, like the holders' badges.

type Raw = {
  creatorId: string;
  fanUuid: string;
  ledgerReady: boolean;
  ledgerGross: bigint | null;
  ledgerLastAt: Date | null;
  paidSince: boolean;
  status: string | null;
  totalGross: number | null;
  lastPurchaseAt: Date | null;
  subscribedAt: Date | null;
  list: string | null;
};

/** One row per (creator, fan) asked, in one round trip. */
async function readValues(pairs: { creatorId: string; fanUuid: string }[]): Promise<Raw[]> {
  const creatorIds = pairs.map((p) => p.creatorId);
  const fanUuids = pairs.map((p) => p.fanUuid);
  // The ledger's fan ids are Fanvue's as sent; = ANY keeps the (creatorId,
  // fanUuid) index usable while matching an id stored in either case.
  return db.$queryRaw<Raw[]>`
    SELECT f."creatorId", f."fanUuid",
      (s."backfilledAt" IS NOT NULL) AS "ledgerReady",
      l.gross AS "ledgerGross", l."lastAt" AS "ledgerLastAt", COALESCE(l."paidSince", false) AS "paidSince",
      i.status, i."totalGross", i."lastPurchaseAt", i."subscribedAt", a.list
    FROM unnest(${creatorIds}::text[], ${fanUuids}::text[]) AS f("creatorId", "fanUuid")
    LEFT JOIN "SyncState" s ON s."creatorId" = f."creatorId" AND s.stream = 'earnings'
    LEFT JOIN "FanInsight" i ON i."creatorId" = f."creatorId" AND i."fanUuid" = f."fanUuid"
    LEFT JOIN "AudienceFan" a ON a."creatorId" = f."creatorId" AND a."fanUuid" = f."fanUuid"
    LEFT JOIN LATERAL (
      SELECT ROUND(SUM(e.gross))::bigint AS gross, MAX(e."occurredAt") AS "lastAt",
        bool_or(e.source IN ('subscription', 'renewal') AND e.gross > 0
          AND e."occurredAt" >= i."subscribedAt" - interval '1 day') AS "paidSince"
      FROM "EarningRow" e
      WHERE e."creatorId" = f."creatorId" AND e."fanUuid" = ANY(ARRAY[f."fanUuid", lower(f."fanUuid"), upper(f."fanUuid")])
    ) l ON s."backfilledAt" IS NOT NULL`;
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
const later = (a: string | null, b: string | null) => (a && b ? (a > b ? a : b) : (a ?? b));

/** The row's figures from what Postgres knows (null: nothing known). */
export function toFanValue(r: Raw): FanValue | null {
  const fromLedger = r.ledgerReady;
  const spend = fromLedger ? Number(r.ledgerGross ?? 0) : r.totalGross;
  const known = r.status ?? (r.list === "subscribers" ? "subscriber" : r.list === "followers" ? "follower" : null);
  const status = known === "subscriber" || known === "expired" || known === "follower" ? known : null;
  // A subscriber the complete ledger has no paid subscription from since they
  // subscribed is on a free trial (or a free subscription).
  const trial = status === "subscriber" && fromLedger && r.subscribedAt !== null && !r.paidSince;
  if (spend === null && status === null) return null;
  return {
    spend,
    spendFrom: spend === null ? null : fromLedger ? "ledger" : "fanvue",
    status: trial ? "trial" : status,
    lastPurchaseAt: fromLedger ? iso(r.ledgerLastAt) : later(iso(r.lastPurchaseAt), null),
  };
}

/** `rows` with `value` set from one query for the whole page. */
export async function withFanValue<R extends ChatRow>(rows: R[], creatorOf: (r: R) => string): Promise<R[]> {
  if (rows.length === 0) return rows;
  let raw: Raw[];
  try {
    raw = await readValues(rows.map((r) => ({ creatorId: creatorOf(r), fanUuid: r.fanUuid })));
  } catch (err) {
    // The list is still right without the figures ("—" on the rows).
    console.error("[chats] reading fan values failed:", err);
    return rows;
  }
  const by = new Map(raw.map((r) => [`${r.creatorId}:${r.fanUuid}`, toFanValue(r)]));
  return rows.map((r) => ({ ...r, value: by.get(`${creatorOf(r)}:${r.fanUuid}`) ?? null }));
}
