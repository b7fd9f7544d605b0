import "server-only";
import { createHash } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/server/db";

// The ledger-derived part of an earnings report, kept in Postgres while the
// ledger is unchanged (LedgerVersion, bumped by a trigger on every write).
// Paying fans and top spenders are per-fan aggregates over the range: their
// cost grows with the audience (a 12-month report at 100,000 fans reads
// 300,000 rows), and no time rollup can serve an exact distinct count. The
// first request after a ledger change pays it, unless the sync job has
// already recomputed it (rewarm); every later one, any member, any instance,
// reads one row. The memo is an optimisation only: a failure to read or
// write it computes the report as if it were absent.

/** What the ledger part of a report depends on (besides the ledger). */
export type LedgerShape = {
  creatorIds: string[];
  tz: string;
  granularity: "day" | "week" | "month";
  sources: string[];
  startMs: number;
  endMs: number;
  prevStartMs: number;
  /** Where the memoized previous period ends: fixed for a closed range, the
   * cut day's start for a running one (checked, not part of the key). */
  prevEndMs: number;
};

/** How stale a memo's `usedAt` may get before a read refreshes it (pruning keeps rows used within 30 days). */
const TOUCH_AFTER_MS = 86_400_000;
const PRUNE_AFTER_MS = 30 * 86_400_000;
/** After a sync: the memos used this recently are recomputed, at most this many. */
const REWARM_USED_WITHIN_MS = 6 * 3_600_000;
const REWARM_MAX = 12;

const keyOf = (s: LedgerShape) =>
  createHash("sha256")
    .update(
      JSON.stringify([
        [...s.creatorIds].sort(),
        s.tz,
        s.granularity,
        s.startMs,
        s.endMs,
        s.prevStartMs,
        [...s.sources].sort(),
      ]),
    )
    .digest("base64url");

type MemoRow = {
  versions: string;
  memoVersions: string | null;
  prevEnd: Date | null;
  payload: unknown;
  usedAt: Date | null;
};

/** The memo for this shape when it was computed from the ledger as it is now;
 * else computes, stores and returns it. */
export async function memoized<T>(shape: LedgerShape, compute: (s: LedgerShape) => Promise<T>): Promise<T> {
  const key = keyOf(shape);
  const read = await readMemo(key, shape.creatorIds).catch(() => null);
  if (read && read.memoVersions === read.versions && read.prevEnd?.getTime() === shape.prevEndMs) {
    if (Date.now() - (read.usedAt?.getTime() ?? 0) > TOUCH_AFTER_MS)
      void db.earningsMemo.update({ where: { key }, data: { usedAt: new Date() } }).catch(() => undefined);
    return read.payload as T;
  }
  // Versions read before the ledger: a write landing meanwhile leaves a memo
  // tagged with the older versions, which the next read recomputes.
  const value = await compute(shape);
  if (read) await writeMemo(key, shape, read.versions, value).catch(() => undefined);
  return value;
}

/** Recomputes the memos of this creator's reports used lately whose ledger
 * changed (the sync job calls it once its run is committed), so the next
 * view after a sync reads a memo instead of the whole range. */
export async function rewarmMemos<T>(creatorId: string, compute: (s: LedgerShape) => Promise<T>) {
  const memos = await db.earningsMemo.findMany({
    where: { creatorIds: { has: creatorId }, usedAt: { gte: new Date(Date.now() - REWARM_USED_WITHIN_MS) } },
    orderBy: { usedAt: "desc" },
    take: REWARM_MAX,
    select: { key: true, shape: true, versions: true },
  });
  let rewarmed = 0;
  for (const m of memos) {
    const shape = m.shape as LedgerShape;
    const read = await readMemo(m.key, shape.creatorIds);
    if (!read || read.versions === m.versions) continue;
    await writeMemo(m.key, shape, read.versions, await compute(shape), false);
    rewarmed++;
  }
  return rewarmed;
}

async function readMemo(key: string, creatorIds: string[]) {
  const [row] = await db.$queryRaw<MemoRow[]>`
    SELECT (SELECT string_agg(c || ':' || COALESCE(v.version, 0), ',' ORDER BY c)
              FROM unnest(${creatorIds}::text[]) AS c LEFT JOIN "LedgerVersion" v ON v."creatorId" = c) AS versions,
           m.versions AS "memoVersions", m."prevEnd", m.payload, m."usedAt"
    FROM (SELECT 1) AS one LEFT JOIN "EarningsMemo" m ON m.key = ${key}`;
  return row ?? null;
}

/** `used`: a viewer asked for it now (a rewarm keeps the memo's last use). */
async function writeMemo(key: string, shape: LedgerShape, versions: string, value: unknown, used = true) {
  const data = {
    creatorIds: shape.creatorIds,
    shape: shape as unknown as Prisma.InputJsonValue,
    versions,
    prevEnd: new Date(shape.prevEndMs),
    payload: value as Prisma.InputJsonValue,
  };
  await db.earningsMemo.upsert({
    where: { key },
    create: { key, ...data },
    update: used ? { ...data, usedAt: new Date() } : data,
  });
  // Shapes nobody asked for in 30 days (a custom range looked at once) go.
  if (used) await db.earningsMemo.deleteMany({ where: { usedAt: { lt: new Date(Date.now() - PRUNE_AFTER_MS) } } });
}
