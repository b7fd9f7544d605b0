import "server-only";
import { FANVUE_ERROR_TEXT, FanvueError } from "./errors";
import { DEFAULT_LIMITER, type LimiterOptions } from "./limiter-options";
import { floorFor, memberCap, type Lane } from "./limiter-shares";

export { DEFAULT_LIMITER, type LimiterOptions };

// Client-side mirror of Fanvue's rate buckets (contract §4): 200 requests per
// 60 s per `client:user[:creator]`, refilled in full at X-RateLimit-Reset.
// Requests queue here instead of failing upstream. The mirror re-syncs from
// every response's X-RateLimit-* headers, which also reflect calls made by
// other server processes on the same token. How a window is split between
// sends, people's reads and bulk work is in ./limiter-shares.ts.
//
// The mirror lives in this process's memory, as it always has: several app
// processes on one Postgres share Fanvue's budget only through its headers
// (each sees the others' calls in X-RateLimit-Remaining once it gets an
// answer). So each process keeps the send reserve against the budget it last
// saw (processes calling at the same moment can eat into it by their calls
// in flight), and each counts members' shares on its own: with N processes
// one member can get up to N shares, at most the reads' 180.

export type Priority = "interactive" | "background";

export type AcquireOptions = {
  priority?: Priority;
  /** A change on Fanvue (a send, a post, a mass message): may use the send reserve. */
  write?: boolean;
  /** The signed-in user an interactive read is for: held to a share of the bucket. */
  member?: string | null;
  signal?: AbortSignal;
  /** Overrides the interactive wait limit (a user waiting on a change waits longer). */
  maxWaitMs?: number;
};

/** A granted slot; give it back to release() with the answer's numbers. */
export type Grant = { readonly key: string; released: boolean };

type Waiter = {
  lane: Lane;
  member: string | null;
  /** Latest time it may be granted (local epoch ms); unset: no limit. */
  until?: number;
  grant: (g: Grant) => void;
  refuse: (e: unknown) => void;
};

type Bucket = {
  key: string;
  /** False until a response told us the bucket's state, and again after each
   * refill: one request (the probe) goes first, so a burst cannot overrun a
   * bucket we have not seen (another process may have emptied it). */
  known: boolean;
  /** The probe out now, if any; given up on after probeTimeoutMs. */
  probe: Grant | null;
  probeTimer: NodeJS.Timeout | null;
  limit: number;
  /** Window length, learned from the first answer of a window. */
  windowMs: number;
  remaining: number;
  resetAt: number; // local epoch ms
  inflight: number;
  pausedUntil: number; // after a 429: no call before this
  queue: Waiter[];
  timer: NodeJS.Timeout | null;
  /** Last interactive request (local epoch ms): someone is using the app. */
  lastInteractiveAt: number;
  /** Reads granted per member in this window. */
  used: Map<string, number>;
};

export type LimiterStats = { granted: number; waitedMs: number; throttled429: number };

/** Why a request cannot be granted now, and for how long. */
type Block = { ms: number; scope: "account" | "member" };

export class RateLimiter {
  private buckets = new Map<string, Bucket>();
  readonly stats: LimiterStats = { granted: 0, waitedMs: 0, throttled429: 0 };

  constructor(private opts: LimiterOptions = DEFAULT_LIMITER) {}

  private bucket(key: string): Bucket {
    let b = this.buckets.get(key);
    if (!b) {
      const { limit, windowMs } = this.opts;
      b = {
        key,
        known: false,
        probe: null,
        probeTimer: null,
        limit,
        windowMs,
        remaining: limit,
        resetAt: 0,
        inflight: 0,
        pausedUntil: 0,
        queue: [],
        timer: null,
        lastInteractiveAt: -Infinity,
        used: new Map(),
      };
      this.buckets.set(key, b);
    }
    return b;
  }

  /** Waits for a slot in the bucket; the grant means "send now". */
  acquire(key: string, o: AcquireOptions = {}): Promise<Grant> {
    const b = this.bucket(key);
    const started = this.opts.now();
    const priority = o.priority ?? "interactive";
    const lane: Lane = priority === "background" ? "background" : o.write ? "write" : "read";
    // Shares cap people's reads; sends have the reserve, bulk work its own rules.
    const member = lane === "read" ? (o.member ?? null) : null;
    if (priority === "interactive") b.lastInteractiveAt = started;
    const maxWait = priority === "interactive" ? (o.maxWaitMs ?? this.opts.interactiveMaxWaitMs) : undefined;
    if (maxWait !== undefined) {
      // Known to be longer than the caller will wait: say so at once.
      this.refill(b, started);
      const block = this.blocked(b, lane, member, started);
      if (block && block.ms > maxWait) return Promise.reject(this.refusal(block));
    }
    return new Promise<Grant>((resolve, reject) => {
      const until = maxWait === undefined ? undefined : started + maxWait;
      this.enqueue(b, { lane, member, until }, started, o.signal, resolve, reject);
    });
  }

  private enqueue(
    b: Bucket,
    w: Pick<Waiter, "lane" | "member" | "until">,
    started: number,
    signal: AbortSignal | undefined,
    resolve: (g: Grant) => void,
    reject: (e: unknown) => void,
  ) {
    let deadline: NodeJS.Timeout | undefined;
    const leave = () => {
      const i = b.queue.indexOf(waiter);
      if (i >= 0) b.queue.splice(i, 1);
      clearTimeout(deadline);
      signal?.removeEventListener("abort", onAbort);
      return i >= 0;
    };
    // Removed once granted: long-lived job signals would otherwise pile up
    // one listener per call.
    const onAbort = () => leave() && reject(signal!.reason);
    const waiter: Waiter = {
      ...w,
      grant: (g) => {
        leave();
        this.stats.granted++;
        this.stats.waitedMs += this.opts.now() - started;
        resolve(g);
      },
      refuse: (e) => {
        leave();
        reject(e);
      },
    };
    // Interactive requests queue ahead of every background one.
    const firstBackground = w.lane === "background" ? -1 : b.queue.findIndex((q) => q.lane === "background");
    b.queue.splice(firstBackground < 0 ? b.queue.length : firstBackground, 0, waiter);
    signal?.addEventListener("abort", onAbort, { once: true });
    if (w.until !== undefined) {
      deadline = setTimeout(() => b.queue.includes(waiter) && waiter.refuse(this.giveUp(b, waiter)), w.until - started);
      deadline.unref?.();
    }
    this.drain(b);
  }

  /** Why a waiter is still waiting at its limit: out of budget → rate_limited
   * with the refill time; budget left → Fanvue has not answered the calls
   * ahead of it (a probe, or calls in flight), which a refill would not fix. */
  private giveUp(b: Bucket, w: Waiter) {
    const now = this.opts.now();
    this.refill(b, now);
    const block = this.blocked(b, w.lane, w.member, now);
    return block ? this.refusal(block) : new FanvueError("stalled", FANVUE_ERROR_TEXT.stalled, { retryAfterSec: 10 });
  }

  /** What keeps a read or write from its budget now (null: only the queue,
   * a probe, or calls Fanvue has not answered). */
  private blocked(b: Bucket, lane: Lane, member: string | null, now: number): Block | null {
    if (now < b.pausedUntil) return { ms: b.pausedUntil - now, scope: "account" };
    const toReset = Math.max(0, b.resetAt - now);
    if (member !== null && (b.used.get(member) ?? 0) >= memberCap(b.limit, this.opts))
      return { ms: toReset, scope: "member" };
    if (b.known && b.remaining - b.inflight <= this.floor(b, lane, now)) return { ms: toReset, scope: "account" };
    return null;
  }

  private refusal(block: Block) {
    const sec = Math.max(1, Math.ceil(block.ms / 1000));
    const text =
      block.scope === "member"
        ? `This member has used their share of the account's Fanvue requests for this window; more in ${sec} s.`
        : `Fanvue's rate limit for this account is used up for now; it refills in ${sec} s.`;
    return new FanvueError("rate_limited", text, { retryAfterSec: sec, scope: block.scope });
  }

  /** Past the reset time the server has refilled the bucket; the next
   * request probes for the new window's numbers. */
  private refill(b: Bucket, now: number) {
    if (now >= b.resetAt && now >= b.pausedUntil) {
      b.remaining = b.limit;
      b.resetAt = now + b.windowMs;
      b.known = false;
      this.endProbe(b);
      b.used.clear();
    }
  }

  private floor(b: Bucket, lane: Lane, now: number) {
    const releasing = b.resetAt - now <= b.windowMs * this.opts.releaseReserveShare;
    const inUse = this.opts.activeForMs !== undefined && now - b.lastInteractiveAt < this.opts.activeForMs;
    return floorFor(lane, { limit: b.limit, releasing, inUse }, this.opts);
  }

  private canSend(b: Bucket, w: Waiter, now: number) {
    if (now < b.pausedUntil) return false;
    if (w.member !== null && (b.used.get(w.member) ?? 0) >= memberCap(b.limit, this.opts)) return false;
    if (!b.known) return b.probe === null;
    return b.remaining - b.inflight > this.floor(b, w.lane, now);
  }

  private grant(b: Bucket, w: Waiter) {
    const g: Grant = { key: b.key, released: false };
    b.inflight++;
    if (w.member !== null) b.used.set(w.member, (b.used.get(w.member) ?? 0) + 1);
    if (!b.known) {
      b.probe = g;
      if (this.opts.probeTimeoutMs !== undefined) {
        b.probeTimer = setTimeout(() => {
          b.probeTimer = null;
          // Still unanswered: it counts as in flight, but the next request
          // may probe, so one slow call does not hold the creator's others.
          if (b.probe === g) b.probe = null;
          this.drain(b);
        }, this.opts.probeTimeoutMs);
        b.probeTimer.unref?.();
      }
    }
    w.grant(g);
  }

  private endProbe(b: Bucket) {
    b.probe = null;
    if (b.probeTimer) clearTimeout(b.probeTimer);
    b.probeTimer = null;
  }

  /** Grants every waiter that may go, in queue order. A read held by its
   * member's share or the send reserve does not hold up a send or another
   * member behind it; background waiters all wait for the same thing. One
   * now blocked past its limit (its member's share ran out while it queued)
   * is told at once, as at acquire(). */
  private drain(b: Bucket) {
    const now = this.opts.now();
    this.refill(b, now);
    for (let i = 0; i < b.queue.length;) {
      const w = b.queue[i]!;
      if (this.canSend(b, w, now)) {
        b.queue.splice(i, 1);
        this.grant(b, w);
        continue;
      }
      if (w.lane === "background") break;
      const block = w.until === undefined ? null : this.blocked(b, w.lane, w.member, now);
      if (block && now + block.ms > w.until!) {
        b.queue.splice(i, 1);
        w.refuse(this.refusal(block));
      } else i++;
    }
    this.schedule(b, now);
  }

  /** Wakes the queue when the window resets, a pause ends, or the reserve is released… */
  private schedule(b: Bucket, now: number) {
    if (b.timer || b.queue.length === 0) return;
    // …or when a person's larger reserve lapses (nobody used the app for a while).
    const lapse = this.opts.activeForMs !== undefined ? b.lastInteractiveAt + this.opts.activeForMs : -Infinity;
    const candidates = [b.resetAt, b.pausedUntil, b.resetAt - b.windowMs * this.opts.releaseReserveShare, lapse].filter(
      (t) => t > now,
    );
    const at = Math.min(...candidates, now + b.windowMs);
    b.timer = setTimeout(
      () => {
        b.timer = null;
        this.drain(b);
      },
      Math.max(1, at - now),
    );
    b.timer.unref?.();
  }

  /** Records the outcome of a granted request and re-syncs from headers. */
  release(
    grant: Grant,
    info: { remaining?: number; limit?: number; resetInMs?: number; retryAfterMs?: number; status?: number },
  ) {
    if (grant.released) return;
    grant.released = true;
    const b = this.bucket(grant.key);
    const now = this.opts.now();
    if (b.probe === grant) this.endProbe(b);
    b.inflight = Math.max(0, b.inflight - 1);
    if (info.limit !== undefined && info.limit > 0) b.limit = info.limit;
    if (info.resetInMs !== undefined && info.remaining !== undefined) {
      const resetAt = now + info.resetInMs;
      if (!b.known || Math.abs(resetAt - b.resetAt) > 1000) {
        // First answer of a window: take the server's numbers as they are,
        // and learn how long its windows are.
        b.remaining = info.remaining;
        b.resetAt = resetAt;
        if (info.remaining >= b.limit - 1 - b.inflight) b.windowMs = Math.max(1000, info.resetInMs);
      } else {
        // Same window: answers can arrive out of order; the lowest wins.
        b.remaining = Math.min(b.remaining, info.remaining);
      }
      b.known = true;
      // Known now, whichever call told us: a probe still out no longer matters.
      this.endProbe(b);
    } else {
      // No headers (network error): assume the call counted.
      b.remaining = Math.max(0, b.remaining - 1);
    }
    if (info.status === 429) {
      this.stats.throttled429++;
      b.remaining = 0;
      // Retry-After says when the bucket has tokens again: that is the refill.
      b.pausedUntil = Math.max(b.pausedUntil, now + (info.retryAfterMs ?? this.opts.windowMs));
      b.resetAt = b.pausedUntil;
    }
    if (b.timer) {
      clearTimeout(b.timer);
      b.timer = null;
    }
    this.drain(b);
  }

  /** For dashboards, benches and tests: a bucket's current view. */
  snapshot(key: string) {
    const b = this.bucket(key);
    return {
      limit: b.limit,
      remaining: b.remaining,
      inflight: b.inflight,
      queued: b.queue.length,
      resetAt: b.resetAt,
      pausedUntil: b.pausedUntil,
      probing: b.probe !== null,
      used: Object.fromEntries(b.used),
    };
  }
}
