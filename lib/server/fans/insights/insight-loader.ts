import "server-only";
import { randomBytes } from "node:crypto";
import type { InsightView } from "@/lib/schemas/fans";
import { FanvueError } from "@/lib/server/fanvue/errors";
import type { FanvueClient } from "@/lib/server/fanvue/client";
import type { Priority } from "@/lib/server/fanvue/limiter";
import { BATCH_MAX, batchFanInsights, type BatchEntry } from "@/lib/server/fanvue/resources/fan-insights";
import type { FanInsight } from "@/generated/prisma/client";
import { chunk, deferred } from "@/lib/server/fans/insights/deferred";
import { FanSetBatcher } from "@/lib/server/fans/insights/fan-set-batcher";
import { ReadCoalescer } from "@/lib/server/fans/insights/read-coalescer";
import { claimInsights, readInsights, releaseInsights, saveAnswers } from "@/lib/server/fans/insights/insight-store";
import {
  classify,
  DEFAULT_TIMINGS,
  toView,
  unsupportedView,
  type InsightTimings,
} from "@/lib/server/fans/insights/insight-state";

// The batched fan-insight loader. A request reads the cache first (reads of
// one creator coalesce: read-coalescer.ts); what is fresh, known "not a fan"
// or waiting for an error retry is answered from it at once. Fans to fetch go
// to the fan-set batcher (fan-set-batcher.ts): they accumulate per creator
// and connection and are sent when 100 distinct fans are pending, when no new
// fan has joined for `quietMs`, or when the oldest has waited `maxWaitMs`, so
// a burst of K distinct fans costs ceil(K/100) calls in whatever order it
// arrives (scripts/bench/insight-burst.ts measures how spread out it may be). A fan already being fetched
// by this process is shared, never asked twice; across processes the row
// lease in insight-store.ts does the same. Stale rows are answered at once and
// refreshed through the same batcher (stale-while-revalidate).

/** Our creator id and the Fanvue client bound to that creator. */
export type InsightSubject = { creatorId: string; client: FanvueClient };
export type FetchBatch = (
  subject: InsightSubject,
  uuids: string[],
  priority: Priority,
) => Promise<Map<string, BatchEntry>>;

export type LoaderOptions = Partial<InsightTimings> & {
  /** A partial batch goes once no new fan joined for this long. 40 ms: a
   * burst of panels (clients firing within ~30 ms of each other, plus our
   * route's own work) lands in one pending set, while a single cold panel
   * waits a fraction of Fanvue's own ~100–300 ms answer, below what a person
   * notices. A full batch (100 fans) never waits. */
  quietMs?: number;
  /** …or once its oldest fan has waited this long, however busy. 250 ms:
   * lookups that keep coming (a server handing a burst over slowly) still
   * share calls, while none waits more than about one Fanvue answer longer,
   * and a steady stream costs at most 4 partial calls a second per creator
   * (the 15-ms window before issue 23 allowed 66). */
  maxWaitMs?: number;
  /** Distinct fans per creator pending or in flight before lookups are
   * refused. 5,000 = 50 calls: twice what the read budget (180 a minute, 3 a
   * second) can answer within an interactive read's 8-s wait, so only a
   * runaway reaches it, and memory stays bounded. */
  maxQueued?: number;
  /** How often a process re-reads fans another process is fetching. */
  pollMs?: number;
  now?: () => number;
  /** Defaults to Fanvue's batch call; tests may count or wrap it. */
  fetchBatch?: FetchBatch;
};

export const fanvueBatch: FetchBatch = (s, uuids, priority) => batchFanInsights(s.client, uuids, { priority });

const failureOf = (err: unknown) =>
  err instanceof FanvueError
    ? { kind: err.kind, message: err.message }
    : { kind: "internal", message: "Loading fan insights failed." };

export class InsightLoader {
  readonly t: InsightTimings;
  readonly owner = `p${process.pid}-${randomBytes(4).toString("hex")}`;
  private readonly pollMs: number;
  private readonly now: () => number;
  private readonly fetchBatch: FetchBatch;
  private inflight = new Map<string, Promise<InsightView>>();
  private readonly reads = new ReadCoalescer<FanInsight>(readInsights);
  private readonly batcher: FanSetBatcher<InsightSubject, InsightView>;

  constructor(o: LoaderOptions) {
    this.t = { ...DEFAULT_TIMINGS, ...o };
    // 50 ms: a cheap indexed read; another process's batch takes ~100 ms+.
    this.pollMs = o.pollMs ?? 50;
    this.now = o.now ?? Date.now;
    this.fetchBatch = o.fetchBatch ?? fanvueBatch;
    this.batcher = new FanSetBatcher({
      maxBatch: BATCH_MAX,
      quietMs: o.quietMs ?? 40,
      maxWaitMs: o.maxWaitMs ?? 250,
      maxQueued: o.maxQueued ?? 5_000,
      groupOf: (s) => `${s.creatorId}:${s.client.connectionId}`,
      run: (s, keys, priority) => this.fetchKeys(s, keys, priority),
      inflight: (s, k) => this.inflight.get(`${s.creatorId}:${k}`),
      arriving: (s) => this.reads.settled(s.creatorId),
    });
  }

  /** Insights for fans of one creator, keyed by lower-case uuid. `signal`
   * cancels this request only, never the batch other requests wait on. */
  async load(
    subject: InsightSubject,
    uuids: string[],
    priority: Priority = "interactive",
    opts: { signal?: AbortSignal } = {},
  ): Promise<Map<string, InsightView>> {
    const keys = [...new Set(uuids.map((u) => u.toLowerCase()))];
    if (keys.length === 0) return new Map();
    // Fanvue offers fan insights on self routes only (contract §6).
    if (subject.client.mode !== "self") return new Map(keys.map((k) => [k, unsupportedView()]));
    const rows = await this.reads.read(subject.creatorId, keys);
    const now = this.now();
    const out = new Map<string, InsightView>();
    const toFetch: string[] = [];
    const toRefresh: string[] = [];
    for (const k of keys) {
      const verdict = classify(rows.get(k), now, this.t);
      if (verdict === "fetch") toFetch.push(k);
      else out.set(k, toView(rows.get(k), now, this.t, { refreshing: verdict === "stale" }));
      if (verdict === "stale") toRefresh.push(k);
    }
    if (toRefresh.length)
      void this.batcher
        .request(subject, toRefresh, "background")
        .catch((err) => console.error("[fans] background refresh failed:", err));
    if (toFetch.length) {
      const fetched = await this.batcher.request(subject, toFetch, priority, opts.signal);
      for (const [k, v] of fetched) out.set(k, v);
    }
    // In the caller's order.
    return new Map(keys.map((k) => [k, out.get(k)!]));
  }

  /** Fans of a subject pending or in flight in the batcher. */
  queued(subject: InsightSubject) {
    return this.batcher.queued(subject);
  }

  /** Fetches keys, sharing fans this process is already fetching. Used by the
   * batcher and directly (in chunks of 100) by the audience analysis. */
  async fetchKeys(subject: InsightSubject, keys: string[], priority: Priority): Promise<Map<string, InsightView>> {
    const id = (k: string) => `${subject.creatorId}:${k}`;
    const mine = keys.filter((k) => !this.inflight.has(id(k)));
    const own = new Map(mine.map((k) => [k, deferred<InsightView>()]));
    for (const [k, d] of own) this.inflight.set(id(k), d.promise);
    // Read the shared promises before ours can settle and leave the map.
    const waits = keys.map((k) => this.inflight.get(id(k))!);
    void this.fetchOwned(subject, mine, priority)
      .then((views) => own.forEach((d, k) => d.resolve(views.get(k)!)))
      .catch((err) => own.forEach((d) => d.reject(err)))
      .finally(() => own.forEach((_, k) => this.inflight.delete(id(k))));
    const views = await Promise.all(waits);
    return new Map(keys.map((k, i) => [k, views[i]!]));
  }

  /** Claims what needs fetching, fetches it in batches of ≤100, and waits
   * for fans another process holds (taking them over if its lease runs out). */
  private async fetchOwned(
    subject: InsightSubject,
    keys: string[],
    priority: Priority,
  ): Promise<Map<string, InsightView>> {
    const out = new Map<string, InsightView>();
    let remaining = keys;
    for (let round = 0; remaining.length > 0; round++) {
      const claimed = await claimInsights(subject.creatorId, remaining, this.owner, this.now(), this.t);
      const claimedSet = new Set(claimed);
      const others = remaining.filter((k) => !claimedSet.has(k));
      await Promise.all(
        chunk(claimed, BATCH_MAX).map(async (c) =>
          (await this.fetchChunk(subject, c, priority)).forEach((v, k) => out.set(k, v)),
        ),
      );
      remaining = others.length ? await this.awaitOthers(subject.creatorId, others, out, round >= 2) : [];
    }
    return out;
  }

  private async fetchChunk(
    subject: InsightSubject,
    keys: string[],
    priority: Priority,
  ): Promise<Map<string, InsightView>> {
    let failure: { kind: string; message: string } | undefined;
    try {
      const answers = await this.fetchBatch(subject, keys, priority);
      await saveAnswers(subject.creatorId, this.owner, answers, this.now(), this.t);
    } catch (err) {
      // The whole call failed (network, rate limit, reconnect needed): no
      // answer to remember; free the fans so the next request tries again.
      failure = failureOf(err);
      await releaseInsights(subject.creatorId, keys, this.owner).catch(() => undefined);
    }
    const rows = await readInsights(subject.creatorId, keys);
    const now = this.now();
    return new Map(keys.map((k) => [k, toView(rows.get(k), now, this.t, failure ? { failure } : {})]));
  }

  /** Waits until fans leased by another process are answered (→ `out`) or
   * their lease is gone (→ returned, to claim again). `giveUp`: answer what
   * is there instead of trying once more. */
  private async awaitOthers(
    creatorId: string,
    keys: string[],
    out: Map<string, InsightView>,
    giveUp: boolean,
  ): Promise<string[]> {
    let waiting = keys;
    const deadline = this.now() + this.t.leaseMs + 1_000;
    const again: string[] = [];
    while (waiting.length) {
      const rows = await readInsights(creatorId, waiting);
      const now = this.now();
      const still: string[] = [];
      for (const k of waiting) {
        const row = rows.get(k);
        const leased = row?.leaseUntil && row.leaseUntil.getTime() > now && now < deadline;
        if (leased) still.push(k);
        else if (classify(row, now, this.t) === "fetch" && !giveUp) again.push(k);
        else out.set(k, toView(row, now, this.t));
      }
      waiting = still;
      if (waiting.length) await new Promise((r) => setTimeout(r, this.pollMs));
    }
    return again;
  }
}
