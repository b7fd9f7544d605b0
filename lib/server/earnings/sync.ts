import "server-only";
import { attributePending } from "@/lib/server/agency/attribution";
import { db } from "@/lib/server/db";
import { clientForCreator } from "@/lib/server/creators/client";
import { loadCreatorRef } from "@/lib/server/creators/ref";
import { FanvueError } from "@/lib/server/fanvue/errors";
import {
  getAllTimeEarnings,
  getEarningsPage,
  getSpendingPage,
  type FanvueEarningRow,
  type FanvueSpendingRow,
} from "@/lib/server/fanvue/resources/insights";
import { toEarningRow, toSpendingRow } from "./rows";

// Pulls a creator's earnings (and refunds) from Fanvue into the ledger.
// First run: the whole history. Later runs: from the watermark, with an
// overlap for rows Fanvue reports late; duplicates are no-ops (dedupe key).
// Each page's rows and the run's cursor are committed together, so a crash
// resumes from the last committed page: no gaps, no duplicates.

export type Stream = "earnings" | "spending";

/** Fanvue launched in 2021; starting the backfill earlier costs one empty call. */
const HISTORY_START = new Date("2020-01-01T00:00:00.000Z");
/** Rows can settle (PENDING → PAID) a while after their date. */
const OVERLAP_MS = 48 * 3_600_000;
/** Payments pending payout are re-read until Fanvue says they are available,
 * up to this far back (Fanvue holds a payment for days, not weeks). */
const STATUS_REREAD_MS = 14 * 24 * 3_600_000;

type Client = ReturnType<typeof clientForCreator>;
type SyncKey = { creatorId_stream: { creatorId: string; stream: Stream } };
type SyncStateRow = Awaited<ReturnType<typeof db.syncState.update>>;
type Page = Awaited<ReturnType<typeof getEarningsPage>> | Awaited<ReturnType<typeof getSpendingPage>>;

/** Marks the run as running: a new run (window, counters reset) unless one was interrupted. */
async function startRun(client: Client, stream: Stream, key: SyncKey, state: SyncStateRow) {
  if (state.runUntil && state.runFrom)
    return db.syncState.update({ where: key, data: { status: "running", lastError: null } });
  const runUntil = new Date();
  const runFrom = !state.watermark
    ? HISTORY_START
    : stream === "earnings"
      ? await incrementalStart(state.creatorId, state.watermark)
      : new Date(state.watermark.getTime() - OVERLAP_MS);
  // A backfill's progress is measured against Fanvue's all-time gross.
  const expected =
    !state.watermark && stream === "earnings"
      ? await getAllTimeEarnings(client).then(
          (t) => BigInt(t.gross),
          () => null,
        )
      : null;
  return db.syncState.update({
    where: key,
    data: {
      status: "running",
      runFrom,
      runUntil,
      cursor: null,
      reachedAt: null,
      pagesDone: 0,
      rowsDone: 0,
      grossDone: 0n,
      expectedGross: expected,
      lastError: null,
    },
  });
}

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

/** A re-read row whose payout status moved (pending → available) is updated:
 * one statement per status on the page, only for rows that differ. */
async function settleStatuses(tx: Tx, creatorId: string, data: ReturnType<typeof toEarningRow>[]) {
  const byStatus = new Map<string, string[]>();
  for (const r of data)
    if (r.orderStatus) byStatus.set(r.orderStatus, [...(byStatus.get(r.orderStatus) ?? []), r.dedupeKey]);
  for (const [orderStatus, keys] of byStatus)
    await tx.earningRow.updateMany({
      where: { creatorId, dedupeKey: { in: keys }, OR: [{ orderStatus: null }, { orderStatus: { not: orderStatus } }] },
      data: { orderStatus },
    });
}

/** Where an incremental run starts: the overlap before the watermark, or the
 * oldest row still pending payout (so its status settles), whichever is
 * earlier, but never more than STATUS_REREAD_MS back. */
async function incrementalStart(creatorId: string, watermark: Date) {
  const overlap = watermark.getTime() - OVERLAP_MS;
  const pending = await db.earningRow.findFirst({
    where: {
      creatorId,
      orderStatus: "pendingBalance",
      occurredAt: { gte: new Date(watermark.getTime() - STATUS_REREAD_MS) },
    },
    orderBy: { occurredAt: "asc" },
    select: { occurredAt: true },
  });
  return new Date(Math.min(overlap, pending?.occurredAt.getTime() ?? overlap));
}

/** The page's rows and the run's cursor, committed together. */
function commitPage(creatorId: string, stream: Stream, key: SyncKey, page: Page) {
  const rows = page.data;
  const oldest = rows.reduce<Date | null>(
    (min, r) => (min === null || Date.parse(r.date) < min.getTime() ? new Date(r.date) : min),
    null,
  );
  const next = page.nextCursor && rows.length > 0 ? page.nextCursor : null;
  const state = db.$transaction(async (tx) => {
    // The page came from the endpoint of `stream`, so its rows have that shape.
    if (stream === "earnings") {
      const data = (rows as FanvueEarningRow[]).map((r) => toEarningRow(creatorId, r));
      await tx.earningRow.createMany({ data, skipDuplicates: true });
      await settleStatuses(tx, creatorId, data);
    } else
      await tx.spendingRow.createMany({
        data: (rows as FanvueSpendingRow[]).map((r) => toSpendingRow(creatorId, r)),
        skipDuplicates: true,
      });
    return tx.syncState.update({
      where: key,
      data: {
        cursor: next,
        pagesDone: { increment: 1 },
        rowsDone: { increment: rows.length },
        grossDone: { increment: BigInt(rows.reduce((sum, r) => sum + r.gross, 0)) },
        ...(oldest ? { reachedAt: oldest } : {}),
      },
    });
  });
  return state.then((s) => ({ state: s, next }));
}

/** Reads and commits page after page from the run's cursor; returns the state after the last page. */
async function pullPages(
  client: Client,
  creatorId: string,
  stream: Stream,
  key: SyncKey,
  state: SyncStateRow,
  signal: AbortSignal | undefined,
) {
  const window = { startDate: state.runFrom!.toISOString(), endDate: state.runUntil!.toISOString() };
  let cursor = state.cursor ?? undefined;
  for (;;) {
    const page =
      stream === "earnings"
        ? await getEarningsPage(client, { ...window, cursor, signal })
        : await getSpendingPage(client, { ...window, cursor, signal });
    const committed = await commitPage(creatorId, stream, key, page);
    state = committed.state;
    if (!committed.next) return state;
    cursor = committed.next;
  }
}

/** A failed run: an endpoint Fanvue does not offer this creator stops syncing it (the run is
 * then skipped); any other error is recorded and thrown. */
async function failRun(key: SyncKey, err: unknown): Promise<void> {
  if (err instanceof FanvueError && err.kind === "unsupported") {
    await db.syncState.update({
      where: key,
      data: { unsupported: true, status: "idle", runFrom: null, runUntil: null, cursor: null },
    });
    return;
  }
  await db.syncState.update({
    where: key,
    data: { status: "failed", lastError: err instanceof Error ? err.message : String(err) },
  });
  throw err;
}

/** A completed run moves the watermark to its end. */
function finishRun(key: SyncKey, state: SyncStateRow) {
  return db.syncState.update({
    where: key,
    data: {
      status: "idle",
      watermark: state.runUntil,
      runFrom: null,
      runUntil: null,
      cursor: null,
      lastSyncedAt: new Date(),
      backfilledAt: state.backfilledAt ?? new Date(),
      lastError: null,
    },
  });
}

export async function syncStream(creatorId: string, stream: Stream, opts: { signal?: AbortSignal } = {}) {
  const ref = await loadCreatorRef(creatorId);
  if (!ref) return { skipped: true };
  const client = clientForCreator(ref);
  const key = { creatorId_stream: { creatorId, stream } };
  let state = await db.syncState.upsert({ where: key, create: { creatorId, stream }, update: {} });
  if (state.unsupported) return { skipped: true };
  state = await startRun(client, stream, key, state);
  try {
    state = await pullPages(client, creatorId, stream, key, state, opts.signal);
  } catch (err) {
    await failRun(key, err);
    return { skipped: true };
  }
  const done = await finishRun(key, state);
  // New chat sales are credited to the member who made them (agency/attribution.ts).
  if (stream === "earnings") await attributePending(creatorId);
  return { skipped: false, rows: state.rowsDone, pages: state.pagesDone, watermark: done.watermark };
}
