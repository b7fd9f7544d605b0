import "server-only";
import type { WebhookRefusalState } from "@/lib/schemas/live";
import { db } from "@/lib/server/db";

// Why webhooks may not be arriving, for the live indicator: refused
// deliveries are counted per reason (one row each). A correctly signed
// delivery whose timestamp is outside the tolerance means this server's
// clock (or Fanvue's) is off: every delivery is then refused, and the page
// must say so instead of "Live".

export type RefusalReason = "clock_skew" | "bad_signature";

/** At most one write per reason and process this often: anyone can post
 * forged deliveries, and a flood must not queue the pool's 10 connections on
 * one row's lock. Counts in between are added up and written with the next. */
const WRITE_EVERY_MS = 1_000;
/** A skew refusal this old, with nothing refused since, is no longer news. */
const RECENT_MS = 60 * 60_000;
/** Every open stream re-reads the state on its periodic check: one read per
 * process this often at most. */
const CACHE_MS = 5_000;

type Pending = { count: number; lastAt: Date; skewSec: number | null };
type State = {
  lastWrite: Map<RefusalReason, number>;
  pending: Map<RefusalReason, Pending>;
  timers: Map<RefusalReason, NodeJS.Timeout>;
  cache: { at: number; value: WebhookRefusalState | null } | null;
};
const g = globalThis as unknown as { vuedeckWebhookHealth?: State };
const state: State = (g.vuedeckWebhookHealth ??= {
  lastWrite: new Map(),
  pending: new Map(),
  timers: new Map(),
  cache: null,
});

async function flush(reason: RefusalReason) {
  const p = state.pending.get(reason);
  state.pending.delete(reason);
  state.timers.delete(reason);
  if (!p) return;
  state.lastWrite.set(reason, Date.now());
  state.cache = null;
  await db.webhookRefusal.upsert({
    where: { reason },
    create: { reason, count: p.count, lastAt: p.lastAt, skewSec: p.skewSec },
    update: { count: { increment: p.count }, lastAt: p.lastAt, skewSec: p.skewSec },
  });
  state.cache = null;
}

/** Records one refused delivery (throttled; never throws: the refusal stands either way). */
export async function recordRefusal(reason: RefusalReason, skewSec: number | null, now = Date.now()) {
  const p = state.pending.get(reason);
  state.pending.set(reason, { count: (p?.count ?? 0) + 1, lastAt: new Date(now), skewSec });
  if (state.timers.has(reason)) return;
  const wait = (state.lastWrite.get(reason) ?? 0) + WRITE_EVERY_MS - Date.now();
  const write = () =>
    flush(reason).catch((err: unknown) => console.error("[webhooks] could not record a refusal", err));
  if (wait <= 0) return write();
  const t = setTimeout(() => void write(), wait);
  t.unref?.();
  state.timers.set(reason, t);
}

/** An accepted delivery ends a skew episode: the cached state is re-read. */
export const noteAccepted = () => void (state.cache = null);

async function readRefusal(now: number): Promise<WebhookRefusalState | null> {
  const [skew, last] = await Promise.all([
    db.webhookRefusal.findUnique({ where: { reason: "clock_skew" } }),
    db.webhookEvent.findFirst({ orderBy: { seq: "desc" }, select: { receivedAt: true } }),
  ]);
  if (!skew || skew.skewSec === null || now - skew.lastAt.getTime() > RECENT_MS) return null;
  // A delivery accepted since proves the clocks agree again.
  if (last && last.receivedAt >= skew.lastAt) return null;
  return { reason: "clock_skew", skewSec: skew.skewSec, at: skew.lastAt.toISOString() };
}

/** The instance's webhook state (not a tenant's data: the clock and the
 * signing secret are the server's). */
export async function webhookRefusal(now = Date.now()): Promise<WebhookRefusalState | null> {
  if (state.cache && now - state.cache.at < CACHE_MS) return state.cache.value;
  const value = await readRefusal(now);
  state.cache = { at: now, value };
  return value;
}
