import "server-only";
import { createHash } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/server/db";

// The ledger-derived part of an earnings report, kept in Postgres while the
// ledger is unchanged (LedgerVersion, bumped by a trigger on every write).
// Paying fans and top spenders are per-fan aggregates over the range: their
// cost grows with the audience (a 12-month report at 100,000 fans reads
// 300,000 rows), and no time rollup can serve an exact distinct count. The
// first request after a ledger change pays it; every later one, any member,
// any instance, reads one row. The memo is an optimisation only: a failure to
// read or write it computes the report as if it were absent.

export type MemoShape = {
  creatorIds: string[];
  tz: string;
  granularity: string;
  startMs: number;
  endMs: number;
  sources: string[];
};

/** How stale a memo's `usedAt` may get before a read refreshes it (pruning keeps rows used within 30 days). */
const TOUCH_AFTER_MS = 86_400_000;

const keyOf = (s: MemoShape) =>
  createHash("sha256")
    .update(JSON.stringify([[...s.creatorIds].sort(), s.tz, s.granularity, s.startMs, s.endMs, [...s.sources].sort()]))
    .digest("base64url");

type MemoRow = {
  versions: string;
  memoVersions: string | null;
  prevEnd: Date | null;
  payload: unknown;
  usedAt: Date | null;
};

/** The memo for this shape when it was computed from the ledger as it is now
 * and for the same comparison point; else computes, stores and returns it. */
export async function memoized<T>(shape: MemoShape, prevEnd: number, compute: () => Promise<T>): Promise<T> {
  const key = keyOf(shape);
  const read = await readMemo(key, shape.creatorIds).catch(() => null);
  if (read && read.memoVersions === read.versions && read.prevEnd?.getTime() === prevEnd) {
    if (Date.now() - (read.usedAt?.getTime() ?? 0) > TOUCH_AFTER_MS)
      void db.earningsMemo.update({ where: { key }, data: { usedAt: new Date() } }).catch(() => undefined);
    return read.payload as T;
  }
  // Versions read before the ledger: a write landing meanwhile leaves a memo
  // tagged with the older versions, which the next read recomputes.
  const value = await compute();
  if (read) await writeMemo(key, read.versions, prevEnd, value).catch(() => undefined);
  return value;
}

async function readMemo(key: string, creatorIds: string[]) {
  const [row] = await db.$queryRaw<MemoRow[]>`
    SELECT (SELECT string_agg(c || ':' || COALESCE(v.version, 0), ',' ORDER BY c)
              FROM unnest(${creatorIds}::text[]) AS c LEFT JOIN "LedgerVersion" v ON v."creatorId" = c) AS versions,
           m.versions AS "memoVersions", m."prevEnd", m.payload, m."usedAt"
    FROM (SELECT 1) AS one LEFT JOIN "EarningsMemo" m ON m.key = ${key}`;
  return row ?? null;
}

async function writeMemo(key: string, versions: string, prevEnd: number, value: unknown) {
  const payload = value as Prisma.InputJsonValue;
  const data = { versions, prevEnd: new Date(prevEnd), payload, usedAt: new Date() };
  await db.earningsMemo.upsert({ where: { key }, create: { key, ...data }, update: data });
  // Shapes nobody asked for in 30 days (a custom range looked at once) go.
  await db.earningsMemo.deleteMany({ where: { usedAt: { lt: new Date(Date.now() - 30 * 86_400_000) } } });
}
