import "server-only";
import type { Provisional, SourceGroup } from "@/lib/schemas/earnings";
import { db } from "@/lib/server/db";
import { bucketStarts, localDate } from "@/lib/utils/date-range";
import { MATCH_SLACK_MS, MONEY_EVENTS, readMoneyEvent, settleProvisional, type MoneyEvent } from "./provisional-events";

// Money announced by webhook (stored WebhookEvent rows) that the ledger has
// not synced yet, for a report's range: today's figures move within seconds of
// a tip instead of at the next sync, marked as provisional. Read from the
// events themselves, no table of its own: an event stops being provisional the
// moment a sync's watermark passes it (its row is then in the ledger).

/** The newest events listed with the figures (count and gross cover all of them). */
const LISTED = 20;

export type ProvisionalSpan = {
  creatorIds: string[];
  startMs: number;
  endMs: number;
  tz: string;
  granularity: "day" | "week" | "month";
  /** Source groups asked for (empty: all). */
  sources: string[];
};

async function watermarksOf(creatorIds: string[]) {
  const states = await db.syncState.findMany({
    where: { creatorId: { in: creatorIds }, stream: "earnings", watermark: { not: null } },
    select: { creatorId: true, watermark: true },
  });
  return new Map(states.map((s) => [s.creatorId, s.watermark!.getTime()]));
}

/** Money events near or after the watermarks, read as money, per creator. */
async function eventsSince(creatorIds: string[], watermarks: Map<string, number>): Promise<MoneyEvent[]> {
  const creators = await db.creator.findMany({
    where: { id: { in: [...watermarks.keys()].filter((id) => creatorIds.includes(id)) } },
    select: { id: true, fanvueUuid: true },
  });
  if (creators.length === 0) return [];
  // An event is received after it happened (its time is in the payload), so
  // one received before the oldest watermark, less the slack, is never provisional.
  const since = new Date(Math.min(...watermarks.values()) - MATCH_SLACK_MS);
  const rows = await db.webhookEvent.findMany({
    where: {
      recipientUuid: { in: creators.map((c) => c.fanvueUuid) },
      event: { in: [...MONEY_EVENTS] },
      receivedAt: { gte: since },
    },
    select: { event: true, recipientUuid: true, fanUuid: true, payload: true, signedAt: true },
  });
  return creators.flatMap((c) =>
    rows.filter((r) => r.recipientUuid === c.fanvueUuid).flatMap((r) => readMoneyEvent(r, c.id) ?? []),
  );
}

/** Ledger rows in the slack around the watermarks: the rows an event there may already have. */
async function ledgerNear(watermarks: Map<string, number>) {
  if (watermarks.size === 0) return [];
  const rows = await db.earningRow.findMany({
    where: {
      OR: [...watermarks].map(([creatorId, mark]) => ({
        creatorId,
        occurredAt: { gte: new Date(mark - 2 * MATCH_SLACK_MS) },
      })),
    },
    select: { creatorId: true, fanUuid: true, gross: true, occurredAt: true },
  });
  return rows.map((r) => ({
    creatorId: r.creatorId,
    fanUuid: r.fanUuid,
    gross: r.gross.toNumber(),
    occurredAtMs: r.occurredAt.getTime(),
  }));
}

const none = () => ({
  provisional: { count: 0, gross: 0, events: [], byCreator: {} } as Provisional,
  byBucket: new Map<string, number>(),
});

/** The range's provisional money, and its gross per bucket of the report's chart. */
export async function provisionalMoney(span: ProvisionalSpan) {
  const watermarks = await watermarksOf(span.creatorIds);
  if (watermarks.size === 0) return none();
  const [events, ledger] = await Promise.all([eventsSince(span.creatorIds, watermarks), ledgerNear(watermarks)]);
  const inRange = settleProvisional(events, watermarks, ledger).filter(
    (e) =>
      e.atMs >= span.startMs &&
      e.atMs < span.endMs &&
      (span.sources.length === 0 || span.sources.includes(e.source satisfies SourceGroup)),
  );
  if (inRange.length === 0) return none();
  const bucketOf = (atMs: number) =>
    bucketStarts(localDate(atMs, span.tz), localDate(atMs, span.tz), span.granularity)[0]!;
  const byBucket = new Map<string, number>();
  for (const e of inRange) byBucket.set(bucketOf(e.atMs), (byBucket.get(bucketOf(e.atMs)) ?? 0) + e.gross);
  const byCreator: Record<string, number> = {};
  for (const e of inRange) byCreator[e.creatorId] = (byCreator[e.creatorId] ?? 0) + e.gross;
  const provisional: Provisional = {
    byCreator,
    count: inRange.length,
    gross: inRange.reduce((s, e) => s + e.gross, 0),
    events: inRange
      .slice(-LISTED)
      .reverse()
      .map(({ fanUuid: _f, atMs, identity: _i, ...e }) => ({ ...e, bucket: bucketOf(atMs) })),
  };
  return { provisional, byBucket };
}
