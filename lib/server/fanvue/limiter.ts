import "server-only";
import { FanvueError } from "./errors";

// Client-side mirror of Fanvue's rate buckets (contract §4): 200 requests per
// 60 s per `client:user[:creator]`, refilled in full at X-RateLimit-Reset.
// Requests queue here instead of failing upstream. The mirror re-syncs from
// every response's X-RateLimit-* headers, which also reflect calls made by
// other server processes on the same token. Interactive requests go first;
// background work keeps a reserve free for them until the window's end.

export type Priority = "interactive" | "background";

type Waiter = { priority: Priority; resolve: () => void; reject: (e: unknown) => void; signal?: AbortSignal };

type Bucket = {
  /** False until a response told us the bucket's state, and again after each
   * refill: one request at a time probes, so a burst cannot overrun a bucket
   * we have not seen (another process may have emptied it). */
  known: boolean;
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
};

export type LimiterOptions = {
  /** Assumed until the first response says otherwise. */
  limit: number;
  windowMs: number;
  /** Share of the bucket background work leaves for interactive requests. */
  reserveShare: number;
  /** The share left while interactive requests are recent (see activeForMs). */
  activeReserveShare?: number;
  /** How long after an interactive request the bucket counts as in use by a person. */
  activeForMs?: number;
  /** In the last part of a window background work may use the reserve too. */
  releaseReserveShare: number;
  /** An interactive request (a page, a click) waits at most this long for a
   * slot; past it the caller gets a "rate_limited" error with the time until
   * the bucket refills, so the screen can say so instead of spinning for up
   * to a whole window. Unset: wait as long as it takes (background work). */
  interactiveMaxWaitMs?: number;
  now: () => number;
};

export const DEFAULT_LIMITER: LimiterOptions = {
  limit: 200,
  windowMs: 60_000,
  // 10 %: headroom for a page's burst of reads while a bulk job runs;
  // released in the window's last 10 % so bulk work still uses ≥ 90 %.
  reserveShare: 0.1,
  // While someone is using the app on this account (an interactive call in
  // the last 30 s) bulk work leaves 30 % (60 calls a minute): a first sign-in
  // starts a full earnings backfill, and browsing meanwhile (pages, vault
  // thumbnails, fan panels) easily needs more than 20 calls a minute.
  activeReserveShare: 0.3,
  activeForMs: 30_000,
  releaseReserveShare: 0.1,
  interactiveMaxWaitMs: 8_000,
  now: Date.now,
};

export type LimiterStats = { granted: number; waitedMs: number; throttled429: number };

export class RateLimiter {
  private buckets = new Map<string, Bucket>();
  readonly stats: LimiterStats = { granted: 0, waitedMs: 0, throttled429: 0 };

  constructor(private opts: LimiterOptions = DEFAULT_LIMITER) {}

  private bucket(key: string): Bucket {
    let b = this.buckets.get(key);
    if (!b) {
      b = { known: false, limit: this.opts.limit, windowMs: this.opts.windowMs, remaining: this.opts.limit, resetAt: 0, inflight: 0, pausedUntil: 0, queue: [], timer: null, lastInteractiveAt: -Infinity };
      this.buckets.set(key, b);
    }
    return b;
  }

  /** Waits for a slot in the bucket; resolve means "send now". `maxWaitMs`
   * overrides the interactive limit (a user waiting on a change waits longer). */
  acquire(key: string, priority: Priority = "interactive", signal?: AbortSignal, maxWaitMs?: number): Promise<void> {
    const b = this.bucket(key);
    const started = this.opts.now();
    if (priority === "interactive") b.lastInteractiveAt = started;
    const maxWait = priority === "interactive" ? (maxWaitMs ?? this.opts.interactiveMaxWaitMs) : undefined;
    if (maxWait !== undefined) {
      // Known to be longer than the caller will wait: say so at once.
      this.refill(b, started);
      const readyIn = this.readyInMs(b, started);
      if (readyIn > maxWait) return Promise.reject(this.tooLong(readyIn));
    }
    return new Promise<void>((resolve, reject) => {
      let deadline: NodeJS.Timeout | undefined;
      // Removed once granted: long-lived job signals would otherwise pile up
      // one listener per call.
      const onAbort = () => {
        const i = b.queue.indexOf(waiter);
        if (i >= 0) {
          b.queue.splice(i, 1);
          clearTimeout(deadline);
          reject(signal!.reason);
        }
      };
      const waiter: Waiter = {
        priority,
        signal,
        resolve: () => {
          signal?.removeEventListener("abort", onAbort);
          clearTimeout(deadline);
          this.stats.granted++;
          this.stats.waitedMs += this.opts.now() - started;
          resolve();
        },
        reject,
      };
      // Interactive requests queue ahead of every background one.
      if (priority === "interactive") {
        const i = b.queue.findIndex((w) => w.priority === "background");
        b.queue.splice(i < 0 ? b.queue.length : i, 0, waiter);
      } else b.queue.push(waiter);
      signal?.addEventListener("abort", onAbort, { once: true });
      if (maxWait !== undefined) {
        deadline = setTimeout(() => {
          const i = b.queue.indexOf(waiter);
          if (i < 0) return;
          b.queue.splice(i, 1);
          signal?.removeEventListener("abort", onAbort);
          reject(this.tooLong(this.readyInMs(b, this.opts.now())));
        }, maxWait);
        deadline.unref?.();
      }
      this.drain(b);
    });
  }

  /** Time until this bucket can grant again (0 when it has room now). */
  private readyInMs(b: Bucket, now: number) {
    if (now < b.pausedUntil) return b.pausedUntil - now;
    if (b.known && b.remaining - b.inflight <= 0) return Math.max(0, b.resetAt - now);
    return 0;
  }

  private tooLong(readyInMs: number) {
    const sec = Math.max(1, Math.ceil(readyInMs / 1000));
    return new FanvueError("rate_limited", `Fanvue's rate limit for this account is used up for now; it refills in ${sec} s.`, { retryAfterSec: sec });
  }

  /** Past the reset time the server has refilled the bucket; the next
   * request probes for the new window's numbers. */
  private refill(b: Bucket, now: number) {
    if (now >= b.resetAt && now >= b.pausedUntil) {
      b.remaining = b.limit;
      b.resetAt = now + b.windowMs;
      b.known = false;
    }
  }

  private canSend(b: Bucket, w: Waiter, now: number) {
    if (now < b.pausedUntil) return false;
    if (!b.known) return b.inflight === 0;
    const free = b.remaining - b.inflight;
    if (w.priority === "interactive") return free > 0;
    const windowLeft = b.resetAt - now;
    const releasing = windowLeft <= b.windowMs * this.opts.releaseReserveShare;
    // Even at the window's end a couple of tokens stay free: a sign-in or a
    // page load on the same account must not meet a 429 made by our own sync.
    const inUse = this.opts.activeForMs !== undefined && now - b.lastInteractiveAt < this.opts.activeForMs;
    const full = Math.ceil(b.limit * (inUse ? (this.opts.activeReserveShare ?? this.opts.reserveShare) : this.opts.reserveShare));
    const reserve = releasing ? Math.min(2, full) : full;
    return free > reserve;
  }

  private drain(b: Bucket) {
    const now = this.opts.now();
    this.refill(b, now);
    while (b.queue.length) {
      const w = b.queue[0]!;
      if (!this.canSend(b, w, now)) break;
      b.queue.shift();
      b.inflight++;
      w.resolve();
    }
    this.schedule(b, now);
  }

  /** Wakes the queue when the window resets, a pause ends, or the reserve is released… */
  private schedule(b: Bucket, now: number) {
    if (b.timer || b.queue.length === 0) return;
    // …or when a person's larger reserve lapses (nobody used the app for a while).
    const lapse = this.opts.activeForMs !== undefined ? b.lastInteractiveAt + this.opts.activeForMs : -Infinity;
    const candidates = [b.resetAt, b.pausedUntil, b.resetAt - b.windowMs * this.opts.releaseReserveShare, lapse].filter((t) => t > now);
    const at = Math.min(...candidates, now + b.windowMs);
    b.timer = setTimeout(() => {
      b.timer = null;
      this.drain(b);
    }, Math.max(1, at - now));
    b.timer.unref?.();
  }

  /** Records the outcome of a granted request and re-syncs from headers. */
  release(key: string, info: { remaining?: number; limit?: number; resetInMs?: number; retryAfterMs?: number; status?: number }) {
    const b = this.bucket(key);
    const now = this.opts.now();
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

  /** For dashboards and benches: a bucket's current view. */
  snapshot(key: string) {
    const b = this.bucket(key);
    return { limit: b.limit, remaining: b.remaining, inflight: b.inflight, queued: b.queue.length, resetAt: b.resetAt, pausedUntil: b.pausedUntil };
  }
}
