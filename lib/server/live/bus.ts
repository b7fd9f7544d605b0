import "server-only";
import type { WebhookEvent } from "@/generated/prisma/client";
import { db } from "@/lib/server/db";

// Fan-out of received webhook events to the open event streams of this
// server process. The receiver publishes at once (same process); a poll of
// the table catches events another process received. Both paths may deliver
// the same event: listeners get each sequence number once.

type Listener = (e: WebhookEvent) => void;

/** Cross-process events show up within this (the 2 s budget for "live"). */
const POLL_MS = 1_000;
/** Sequence numbers are taken before commit, so a slow transaction can land
 * below the highest one seen: each poll looks back this many. */
const LOOKBACK = 50;
/** Delivered sequence numbers remembered to drop the second copy. */
const SEEN_CAP = 2_000;

type Bus = { listeners: Set<Listener>; seen: Set<number>; lastSeq: number; timer: NodeJS.Timeout | null; polling: boolean };
const g = globalThis as unknown as { vuedeckLiveBus?: Bus };
const bus: Bus = (g.vuedeckLiveBus ??= { listeners: new Set(), seen: new Set(), lastSeq: -1, timer: null, polling: false });

function deliver(e: WebhookEvent) {
  if (bus.seen.has(e.seq)) return;
  bus.seen.add(e.seq);
  if (bus.seen.size > SEEN_CAP) bus.seen.delete(bus.seen.values().next().value!);
  bus.lastSeq = Math.max(bus.lastSeq, e.seq);
  for (const l of bus.listeners) {
    try {
      l(e);
    } catch {
      // One broken stream must not stop the others.
    }
  }
}

export const publish = deliver;

async function poll() {
  if (bus.polling) return;
  bus.polling = true;
  try {
    if (bus.lastSeq < 0) {
      const last = await db.webhookEvent.findFirst({ orderBy: { seq: "desc" }, select: { seq: true } });
      bus.lastSeq = last?.seq ?? 0;
      return;
    }
    const rows = await db.webhookEvent.findMany({ where: { seq: { gt: bus.lastSeq - LOOKBACK } }, orderBy: { seq: "asc" }, take: 500 });
    for (const r of rows) deliver(r);
  } catch {
    // The database blipped: the next tick tries again.
  } finally {
    bus.polling = false;
  }
}

export function subscribe(l: Listener): () => void {
  bus.listeners.add(l);
  if (!bus.timer) {
    void poll();
    bus.timer = setInterval(() => void poll(), POLL_MS);
    bus.timer.unref?.();
  }
  return () => {
    bus.listeners.delete(l);
    if (bus.listeners.size === 0 && bus.timer) {
      clearInterval(bus.timer);
      bus.timer = null;
    }
  };
}
