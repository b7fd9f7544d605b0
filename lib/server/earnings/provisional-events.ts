import "server-only";
import type { ProvisionalEvent, SourceGroup } from "@/lib/schemas/earnings";

// Money Fanvue announced by webhook that the ledger does not hold yet. Pure:
// the reading of a stored event and the rules that keep a figure from
// counting the same money twice (unit-tested in provisional-events.test.ts).

/** The webhook events that carry money the ledger will hold after a sync. */
export const MONEY_EVENTS = ["tip-received", "purchase-received", "new-subscriber"] as const;
export type MoneyEventKind = (typeof MONEY_EVENTS)[number];
export const isMoneyEvent = (kind: string): kind is MoneyEventKind =>
  (MONEY_EVENTS as readonly string[]).includes(kind);

/** Fanvue's event time and its ledger date may differ by a little (clocks,
 * processing): a ledger row this close to an event, same fan and amount, is
 * taken to be that event's row. Wider would swallow a fan's second tip of the
 * same amount; narrower would count a row twice when the clocks disagree. */
export const MATCH_SLACK_MS = 5 * 60_000;

/** A stored webhook event, as read from the database. */
export type StoredEvent = {
  event: string;
  recipientUuid: string | null;
  fanUuid: string | null;
  payload: unknown;
  signedAt: Date;
};

/** One money event, read for the figures. `identity`: the same event delivered twice has the same one. */
export type MoneyEvent = Omit<ProvisionalEvent, "bucket"> & { fanUuid: string | null; atMs: number; identity: string };

type P = Record<string, unknown>;
const obj = (v: unknown): P => (v && typeof v === "object" && !Array.isArray(v) ? (v as P) : {});
const str = (v: unknown) => (typeof v === "string" && v ? v : null);

/** The ledger's source for the event: what the real row will say. */
function sourceOf(kind: MoneyEventKind, p: P): SourceGroup {
  if (kind === "tip-received") return "tip";
  if (kind === "new-subscriber") return "subscription";
  return str(p.postUuid) ? "post" : "message";
}

/** A stored event as money, or null when it carries none we can count (no price, no creator). */
export function readMoneyEvent(e: StoredEvent, creatorId: string): MoneyEvent | null {
  if (!isMoneyEvent(e.event)) return null;
  const p = obj(e.payload);
  // Cents, gross (what the fan paid); Fanvue's reference types money as `number`.
  const price = typeof p.price === "number" && Number.isFinite(p.price) && p.price > 0 ? Math.round(p.price) : null;
  if (price === null) return null;
  const stamped = str(p.timestamp) ? Date.parse(p.timestamp as string) : NaN;
  const atMs = Number.isNaN(stamped) ? e.signedAt.getTime() : stamped;
  const sender = obj(p.sender);
  return {
    creatorId,
    kind: e.event,
    source: sourceOf(e.event, p),
    gross: price,
    at: new Date(atMs).toISOString(),
    atMs,
    fanUuid: e.fanUuid ?? str(sender.uuid),
    fanHandle: str(sender.handle),
    fanName: str(sender.displayName),
    // The payload itself (jsonb keeps keys in one order): a second delivery of
    // one event, whatever its delivery id or signature, reads the same.
    identity: `${creatorId}\u0000${e.event}\u0000${JSON.stringify(p)}`,
  };
}

/** A ledger row near the watermark, to recognise an event the ledger already holds. */
export type LedgerRow = { creatorId: string; fanUuid: string | null; gross: number; occurredAtMs: number };

/**
 * The events the ledger has not covered yet: at or after their creator's
 * watermark (everything before it is synced), each event once however often
 * it was delivered, and none a ledger row already stands for (one row per
 * event: a fan's two equal tips need two rows, and an event just before the
 * watermark claims its own row first). A creator without a watermark has no
 * provisional money: its first import is still running.
 */
export function settleProvisional(
  events: MoneyEvent[],
  watermarks: Map<string, number>,
  ledger: LedgerRow[],
): MoneyEvent[] {
  const seen = new Set<string>();
  const unmatched = [...ledger];
  const out: MoneyEvent[] = [];
  for (const e of [...events].sort((a, b) => a.atMs - b.atMs)) {
    const mark = watermarks.get(e.creatorId);
    if (mark === undefined || seen.has(e.identity)) continue;
    seen.add(e.identity);
    const i = unmatched.findIndex(
      (r) =>
        r.creatorId === e.creatorId &&
        r.fanUuid === e.fanUuid &&
        Math.round(r.gross) === e.gross &&
        Math.abs(r.occurredAtMs - e.atMs) <= MATCH_SLACK_MS,
    );
    if (i >= 0) unmatched.splice(i, 1);
    else if (e.atMs >= mark) out.push(e);
  }
  return out;
}
