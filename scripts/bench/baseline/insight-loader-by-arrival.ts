// BASELINE for scripts/bench/insight-burst.ts: the fan-insight loader as it
// was before issue 23 (commit 3ec1d30), frozen so `npm run bench` measures it
// in the same run as today's. It answers requests arriving within a 15-ms
// window together (flush by arrival time). Not used by the app.
import "server-only";
import { randomBytes } from "node:crypto";
import type { InsightView } from "@/lib/schemas/fans";
import { FanvueError } from "@/lib/server/fanvue/errors";
import type { FanvueClient } from "@/lib/server/fanvue/client";
import type { Priority } from "@/lib/server/fanvue/limiter";
import { BATCH_MAX, batchFanInsights, type BatchEntry } from "@/lib/server/fanvue/resources/fan-insights";
import { chunk, deferred, type Deferred } from "@/lib/server/fans/insights/deferred";
import { FreshHints } from "./insight-hints";
import { claimInsights, readInsights, releaseInsights, saveAnswers } from "@/lib/server/fans/insights/insight-store";
import {
  classify,
  DEFAULT_TIMINGS,
  toView,
  unsupportedView,
  type InsightTimings,
} from "@/lib/server/fans/insights/insight-state";

// The batched fan-insight loader. Requests for one creator arriving within
// `windowMs` are answered together: one cache read, then Fanvue's batch call
// for what is missing, ≤100 distinct fans per call. A fan already being
// fetched by this process is shared, never asked twice; across processes the
// row lease in insight-store.ts does the same. Stale rows are answered at
// once and refreshed in the background (stale-while-revalidate).

/** Our creator id and the Fanvue client bound to that creator. */
export type InsightSubject = { creatorId: string; client: FanvueClient };
export type FetchBatch = (
  subject: InsightSubject,
  uuids: string[],
  priority: Priority,
) => Promise<Map<string, BatchEntry>>;

export type LoaderOptions = Partial<InsightTimings> & {
  /** 15 ms: gathers a table page and concurrently opened panels into one
   * call while adding no noticeable latency to a single panel. */
  windowMs?: number;
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

type Pending = { subject: InsightSubject; priority: Priority; waiters: Map<string, Deferred<InsightView>[]> };

export class InsightLoader {
  readonly t: InsightTimings;
  readonly owner = `p${process.pid}-${randomBytes(4).toString("hex")}`;
  private readonly windowMs: number;
  private readonly pollMs: number;
  private readonly now: () => number;
  private readonly fetchBatch: FetchBatch;
  private pending = new Map<string, Pending>();
  private inflight = new Map<string, Promise<InsightView>>();
  private hints: FreshHints;

  constructor(o: LoaderOptions) {
    this.t = { ...DEFAULT_TIMINGS, ...o };
    this.windowMs = o.windowMs ?? 15;
    // 50 ms: a cheap indexed read; another process's batch takes ~100 ms+.
    this.pollMs = o.pollMs ?? 50;
    this.now = o.now ?? Date.now;
    this.fetchBatch = o.fetchBatch ?? fanvueBatch;
    this.hints = new FreshHints(this.t);
  }

  /** Insights for fans of one creator, keyed by lower-case uuid. */
  async load(
    subject: InsightSubject,
    uuids: string[],
    priority: Priority = "interactive",
  ): Promise<Map<string, InsightView>> {
    const keys = [...new Set(uuids.map((u) => u.toLowerCase()))];
    if (keys.length === 0) return new Map();
    // Fanvue offers fan insights on self routes only (contract §6).
    if (subject.client.mode !== "self") return new Map(keys.map((k) => [k, unsupportedView()]));
    const warm = await this.loadWarm(subject.creatorId, keys);
    if (warm) return warm;
    let p = this.pending.get(subject.creatorId);
    if (!p) {
      p = { subject, priority, waiters: new Map() };
      this.pending.set(subject.creatorId, p);
      setTimeout(() => void this.flush(subject.creatorId), this.windowMs);
    }
    if (priority === "interactive") p.priority = "interactive";
    const views = keys.map((k) => {
      const d = deferred<InsightView>();
      const list = p.waiters.get(k) ?? [];
      list.push(d);
      p.waiters.set(k, list);
      return d.promise;
    });
    const resolved = await Promise.all(views);
    return new Map(keys.map((k, i) => [k, resolved[i]!]));
  }

  /** Fast path: every fan was answered recently (in this process's memory),
   * so one read serves them, with no window to wait for. Null otherwise. */
  private async loadWarm(creatorId: string, keys: string[]): Promise<Map<string, InsightView> | null> {
    const now = this.now();
    if (!this.hints.allValid(creatorId, keys, now)) return null;
    const rows = await readInsights(creatorId, keys);
    const out = new Map<string, InsightView>();
    for (const k of keys) {
      const verdict = classify(rows.get(k), now, this.t);
      if (verdict !== "fresh" && verdict !== "negative") return null;
      out.set(k, toView(rows.get(k), now, this.t));
    }
    return out;
  }

  private async flush(creatorId: string) {
    const p = this.pending.get(creatorId);
    if (!p) return;
    this.pending.delete(creatorId);
    try {
      const views = await this.resolveKeys(p.subject, [...p.waiters.keys()], p.priority);
      for (const [k, ds] of p.waiters) for (const d of ds) d.resolve(views.get(k)!);
    } catch (err) {
      for (const ds of p.waiters.values()) for (const d of ds) d.reject(err);
    }
  }

  /** One cache read for all keys; fetch what must be fetched, answer stale
   * rows at once and refresh them in the background. */
  private async resolveKeys(subject: InsightSubject, keys: string[], priority: Priority) {
    const now = this.now();
    const rows = await readInsights(subject.creatorId, keys);
    this.hints.remember(subject.creatorId, rows);
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
      void this.fetchKeys(subject, toRefresh, "background").catch((err) =>
        console.error("[fans] background refresh failed:", err),
      );
    if (toFetch.length) for (const [k, v] of await this.fetchKeys(subject, toFetch, priority)) out.set(k, v);
    return out;
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
    this.hints.remember(subject.creatorId, rows);
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
      this.hints.remember(creatorId, rows);
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
