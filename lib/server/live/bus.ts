import "server-only";
import type { AccessChange, WebhookEvent } from "@/generated/prisma/client";
import { db } from "@/lib/server/db";

// Fan-out to the open event streams of this server process, of two tables
// every process tails: received webhook events, and access changes (a member
// removed, a scope narrowed, a session ended) written by whichever process
// made the change. The receiver publishes its events at once (same process);
// a writer of an access change nudges the tail so this process reacts at
// once; other processes see both within one tick. Listeners get each
// sequence number once.

type Listener<T> = (row: T) => void;

/** Cross-process events and access changes show up within this (the 2 s
 * budget for "live"; a removed member's stream stops within it). */
const POLL_MS = 1_000;
/** Sequence numbers are taken before commit, so a slow transaction can land
 * below the highest one seen: each poll looks back this many. */
const LOOKBACK = 50;
/** Delivered sequence numbers remembered to drop the second copy. */
const SEEN_CAP = 2_000;

/** `ready`: the tail knows where its table ends (learnt by the first poll after a pause). */
type Tail<T extends { seq: number }> = {
  listeners: Set<Listener<T>>;
  seen: Set<number>;
  lastSeq: number;
  ready: boolean;
};
type Bus = {
  events: Tail<WebhookEvent>;
  changes: Tail<AccessChange>;
  timer: NodeJS.Timeout | null;
  polling: Promise<void> | null;
  again: boolean;
};
const g = globalThis as unknown as { vuedeckLiveTails?: Bus };
const newTail = <T extends { seq: number }>(): Tail<T> => ({
  listeners: new Set(),
  seen: new Set(),
  lastSeq: 0,
  ready: false,
});
const bus: Bus = (g.vuedeckLiveTails ??= {
  events: newTail(),
  changes: newTail(),
  timer: null,
  polling: null,
  again: false,
});

function deliver<T extends { seq: number }>(tail: Tail<T>, row: T) {
  if (tail.seen.has(row.seq)) return;
  tail.seen.add(row.seq);
  if (tail.seen.size > SEEN_CAP) tail.seen.delete(tail.seen.values().next().value!);
  tail.lastSeq = Math.max(tail.lastSeq, row.seq);
  for (const l of tail.listeners) {
    try {
      l(row);
    } catch {
      // One broken stream must not stop the others.
    }
  }
}

export const publish = (e: WebhookEvent) => deliver(bus.events, e);

type Reader<T> = { last: () => Promise<number>; after: (seq: number) => Promise<T[]> };
const eventRows: Reader<WebhookEvent> = {
  last: async () => (await db.webhookEvent.findFirst({ orderBy: { seq: "desc" }, select: { seq: true } }))?.seq ?? 0,
  after: (seq) => db.webhookEvent.findMany({ where: { seq: { gt: seq } }, orderBy: { seq: "asc" }, take: 500 }),
};
const changeRows: Reader<AccessChange> = {
  last: async () => (await db.accessChange.findFirst({ orderBy: { seq: "desc" }, select: { seq: true } }))?.seq ?? 0,
  after: (seq) => db.accessChange.findMany({ where: { seq: { gt: seq } }, orderBy: { seq: "asc" }, take: 500 }),
};

async function pollTail<T extends { seq: number }>(tail: Tail<T>, read: Reader<T>) {
  // The first poll only learns where the table ends: streams replay what they missed themselves.
  if (!tail.ready) {
    tail.lastSeq = Math.max(tail.lastSeq, await read.last());
    tail.ready = true;
  } else for (const r of await read.after(tail.lastSeq - LOOKBACK)) deliver(tail, r);
}

async function pollOnce() {
  try {
    // Access changes first: a stream being re-checked holds back the events of the same tick.
    await pollTail(bus.changes, changeRows);
    await pollTail(bus.events, eventRows);
  } catch {
    // The database blipped: the next tick tries again (streams fail closed on their own re-check).
  }
}

function poll(): Promise<void> {
  if (bus.polling) {
    bus.again = true;
    return bus.polling;
  }
  bus.polling = (async () => {
    do {
      bus.again = false;
      await pollOnce();
    } while (bus.again);
  })().finally(() => (bus.polling = null));
  return bus.polling;
}

/** Reads the tables now instead of at the next tick (after this process wrote an access change). */
export const nudge = () => (bus.timer ? poll() : Promise.resolve());

function listen<T extends { seq: number }>(tail: Tail<T>, l: Listener<T>): () => void {
  tail.listeners.add(l);
  if (!bus.timer) {
    // After a pause nobody listened: start from the tables' ends, not from
    // where the last listener left (old events are not news).
    bus.events.ready = false;
    bus.changes.ready = false;
    void poll();
    bus.timer = setInterval(() => void poll(), POLL_MS);
    bus.timer.unref?.();
  }
  return () => {
    tail.listeners.delete(l);
    if (bus.events.listeners.size === 0 && bus.changes.listeners.size === 0 && bus.timer) {
      clearInterval(bus.timer);
      bus.timer = null;
    }
  };
}

/** Whose access changed (an AccessChange row, or this process's own notice before it is read back). */
export type AccessNotice = Pick<AccessChange, "userId" | "workspaceId">;

export const subscribe = (l: Listener<WebhookEvent>) => listen(bus.events, l);
export const subscribeAccessChanges = (l: (c: AccessNotice) => void) => listen(bus.changes, l);

/** This process changed someone's access (committed, row written): its own
 * streams hold their events and re-check before the next one is sent, then
 * the table is read at once (other processes read it within a tick). */
export function announceAccessChange(c: AccessNotice) {
  for (const l of bus.changes.listeners) {
    try {
      l({ ...c, seq: -1, reason: "local", createdAt: new Date() });
    } catch {
      // One broken stream must not stop the others.
    }
  }
  return nudge();
}
