import "server-only";
import { FanvueError } from "@/lib/server/fanvue/errors";
import type { Priority } from "@/lib/server/fanvue/limiter";
import { deferred, type Deferred } from "@/lib/server/fans/insights/deferred";

// Batches fan lookups by fan set, not by arrival time. Per group (a creator on
// one connection), fans to fetch accumulate in a pending set with the callers
// waiting for them; the set is sent when it holds `maxBatch` distinct fans, or
// when no new fan has joined for `quietMs`, or when its oldest fan has waited
// `maxWaitMs`. A fan already pending is joined, a fan already being fetched
// (`inflight`) too, so a burst of K distinct fans in any order costs
// ceil(K / maxBatch) calls as long as it keeps coming (gaps under `quietMs`)
// or lasts under `maxWaitMs` per partial batch; a lone lookup waits `quietMs`.

export type BatcherOptions<S, V> = {
  maxBatch: number;
  /** A partial set goes once no new fan joined for this long… */
  quietMs: number;
  /** …or once its oldest fan has waited this long. */
  maxWaitMs: number;
  /** Distinct fans one group may have pending or in flight; past it a request
   * is refused (FanvueError "stalled", naming the limit) instead of queuing. */
  maxQueued: number;
  /** The group a subject's fans batch in. */
  groupOf: (subject: S) => string;
  /** Fetches one batch; answers every key or throws (then every waiter of
   * that batch gets the error, and nobody else). */
  run: (subject: S, keys: string[], priority: Priority) => Promise<Map<string, V>>;
  /** A fetch of this key already under way outside the pending set. */
  inflight?: (subject: S, key: string) => Promise<V> | undefined;
  /** Work under way that may still add fans to the subject's pending set
   * (cache reads of requests that arrived in time): a set whose wait ran out
   * is sent once it settles, so a slow read never splits a burst. */
  arriving?: (subject: S) => Promise<unknown> | null;
};

type Slot<V> = { d: Deferred<V>; waiters: number };

type Group<S, V> = {
  subject: S;
  pending: Map<string, Slot<V>>;
  timer: NodeJS.Timeout | null;
  /** When the pending set's first and latest fans joined (ms, monotonic). */
  firstAt: number;
  lastAt: number;
  priority: Priority;
  /** Keys of this group's batches still out. */
  inflight: number;
};

const abortError = (signal: AbortSignal) =>
  signal.reason instanceof Error ? signal.reason : new DOMException("The lookup was cancelled.", "AbortError");

export class FanSetBatcher<S, V> {
  private groups = new Map<string, Group<S, V>>();

  constructor(private readonly o: BatcherOptions<S, V>) {}

  /** Each key's value, once its batch is answered. An aborted `signal`
   * rejects this request only: the batch goes on for everyone else. */
  async request(subject: S, keys: string[], priority: Priority, signal?: AbortSignal): Promise<Map<string, V>> {
    if (signal?.aborted) throw abortError(signal);
    const g = this.groupFor(subject);
    this.checkRoom(g, subject, keys);
    const taken: { key: string; slot: Slot<V> }[] = [];
    const waits = keys.map((key) => {
      const joined = this.o.inflight?.(subject, key);
      if (joined) return joined;
      const slot = this.enqueue(g, key, priority);
      taken.push({ key, slot });
      if (g.pending.size >= this.o.maxBatch) this.flush(g);
      return slot.d.promise;
    });
    const all = Promise.all(waits);
    const values = signal
      ? await this.unlessAborted(all, signal, () => taken.forEach((t) => this.leave(g, t)))
      : await all;
    return new Map(keys.map((k, i) => [k, values[i]!]));
  }

  private unlessAborted<T>(p: Promise<T>, signal: AbortSignal, onAbort: () => void) {
    return new Promise<T>((resolve, reject) => {
      const abort = () => (onAbort(), reject(abortError(signal)));
      signal.addEventListener("abort", abort, { once: true });
      p.then(resolve, reject).finally(() => signal.removeEventListener("abort", abort));
    });
  }

  /** Pending and in-flight fans of a subject's group (for tests and stats). */
  queued(subject: S) {
    const g = this.groups.get(this.o.groupOf(subject));
    return g ? g.pending.size + g.inflight : 0;
  }

  private groupFor(subject: S) {
    const id = this.o.groupOf(subject);
    let g = this.groups.get(id);
    if (!g) {
      g = { subject, pending: new Map(), timer: null, firstAt: 0, lastAt: 0, priority: "background", inflight: 0 };
      this.groups.set(id, g);
    }
    return g;
  }

  private checkRoom(g: Group<S, V>, subject: S, keys: string[]) {
    const added = keys.filter((k) => !g.pending.has(k) && !this.o.inflight?.(subject, k)).length;
    if (added === 0 || g.pending.size + g.inflight + added <= this.o.maxQueued) return;
    throw new FanvueError(
      "stalled",
      `Too many fan lookups are waiting for Fanvue for this creator (limit ${this.o.maxQueued.toLocaleString("en-US")} fans). Try again in a few seconds.`,
      { retryAfterSec: 10 },
    );
  }

  private enqueue(g: Group<S, V>, key: string, priority: Priority) {
    let slot = g.pending.get(key);
    if (!slot) {
      slot = { d: deferred<V>(), waiters: 0 };
      // Settled even when every waiter has gone (a background refresh, a cancel).
      slot.d.promise.catch(() => undefined);
      g.pending.set(key, slot);
      g.lastAt = performance.now();
      if (g.pending.size === 1) {
        g.firstAt = g.lastAt;
        g.timer = setTimeout(() => this.onTimer(g), this.o.quietMs);
      }
    }
    slot.waiters++;
    if (priority === "interactive") g.priority = "interactive";
    return slot;
  }

  /** A cancelled waiter: a fan nobody waits for any more leaves the pending
   * set (no call spent on it); once sent, its batch goes on regardless. */
  private leave(g: Group<S, V>, { key, slot }: { key: string; slot: Slot<V> }) {
    if (g.pending.get(key) !== slot || --slot.waiters > 0) return;
    g.pending.delete(key);
    slot.d.reject(new DOMException("Nobody waits for this fan any more.", "AbortError"));
    if (g.pending.size === 0) this.takePending(g);
    this.dropIfIdle(g);
  }

  /** Empties the pending set (its timer and priority go with it). */
  private takePending(g: Group<S, V>) {
    const taken = { slots: g.pending, priority: g.priority };
    if (g.timer) clearTimeout(g.timer);
    g.timer = null;
    g.priority = "background";
    g.pending = new Map();
    return taken;
  }

  private dropIfIdle(g: Group<S, V>) {
    const id = this.o.groupOf(g.subject);
    if (g.pending.size === 0 && g.inflight === 0 && this.groups.get(id) === g) this.groups.delete(id);
  }

  private onTimer(g: Group<S, V>) {
    const now = performance.now();
    const due = Math.min(g.lastAt + this.o.quietMs, g.firstAt + this.o.maxWaitMs);
    if (due - now > 1) g.timer = setTimeout(() => this.onTimer(g), due - now);
    else this.flushWhenArrived(g);
  }

  /** The wait ran out: send once the reads already asked for have joined
   * (unless the set filled up and went meanwhile). */
  private flushWhenArrived(g: Group<S, V>) {
    const arriving = this.o.arriving?.(g.subject);
    if (!arriving) return this.flush(g);
    const slots = g.pending;
    // setImmediate: after the requests' own continuations have queued their fans.
    const go = () => setImmediate(() => g.pending === slots && this.flush(g));
    arriving.then(go, go);
  }

  private flush(g: Group<S, V>) {
    const { slots, priority } = this.takePending(g);
    if (slots.size === 0) return;
    g.inflight += slots.size;
    const keys = [...slots.keys()];
    let run: Promise<Map<string, V>>;
    try {
      run = this.o.run(g.subject, keys, priority);
    } catch (err) {
      run = Promise.reject(err);
    }
    void run
      .then(
        (values) =>
          slots.forEach((s, k) =>
            values.has(k) ? s.d.resolve(values.get(k)!) : s.d.reject(new Error(`No answer for fan ${k}.`)),
          ),
        (err) => slots.forEach((s) => s.d.reject(err)),
      )
      .finally(() => {
        g.inflight -= keys.length;
        this.dropIfIdle(g);
      });
  }
}
