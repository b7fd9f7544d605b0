import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { RateLimiter } from "./limiter";

const opts = { limit: 10, windowMs: 1000, reserveShare: 0.2, releaseReserveShare: 0.1, now: () => Date.now() };

beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }));
afterEach(() => vi.useRealTimers());

/** Acquires and immediately releases with the server's view of the bucket. */
const takeN = (l: RateLimiter, n: number, priority: "interactive" | "background", log: string[], tag: string, remaining: () => number) =>
  take(l, n, priority, log, tag, remaining, 50);

async function take(l: RateLimiter, n: number, priority: "interactive" | "background", log: string[], tag: string, remaining: () => number, limit = 10) {
  const all = Array.from({ length: n }, async () => {
    await l.acquire("k", priority);
    log.push(`${tag}@${Date.now() - 1_000_000}`);
    // Like Fanvue: every answer carries the bucket's numbers (windows of 1 s here).
    l.release("k", { remaining: remaining(), limit, resetInMs: 1000 - ((Date.now() - 1_000_000) % 1000) });
  });
  return Promise.all(all);
}

describe("RateLimiter", () => {
  it("probes an unknown bucket with one request before sending a burst", async () => {
    const l = new RateLimiter(opts);
    const log: string[] = [];
    let first = true;
    const all = Array.from({ length: 5 }, async () => {
      await l.acquire("k");
      log.push("sent");
      if (first) {
        first = false;
        await vi.advanceTimersByTimeAsync(0);
        // Only the probe is out until its response arrives.
        expect(log).toHaveLength(1);
      }
      l.release("k", { remaining: 9, limit: 10, resetInMs: 1000 });
    });
    await Promise.all(all);
    expect(log).toHaveLength(5);
  });

  it("never grants more than the bucket allows per window", async () => {
    const l = new RateLimiter(opts);
    await l.acquire("k");
    l.release("k", { remaining: 10, limit: 10, resetInMs: 1000 });
    let server = 10;
    const log: string[] = [];
    const p = take(l, 25, "interactive", log, "i", () => --server);
    await vi.advanceTimersByTimeAsync(0);
    expect(log).toHaveLength(10);
    server = 10;
    await vi.advanceTimersByTimeAsync(1000);
    expect(log).toHaveLength(20);
    server = 10;
    await vi.advanceTimersByTimeAsync(1000);
    await p;
    expect(log).toHaveLength(25);
    // Grant times fall into three windows: 10, 10, 5.
    const windows = log.map((e) => Math.floor(Number(e.split("@")[1]) / 1000));
    expect([0, 1, 2].map((w) => windows.filter((x) => x === w).length)).toEqual([10, 10, 5]);
  });

  it("keeps a reserve for interactive requests; at the window's end only two tokens stay free", async () => {
    const l = new RateLimiter({ ...opts, limit: 50 });
    await l.acquire("k");
    l.release("k", { remaining: 50, limit: 50, resetInMs: 1000 });
    let server = 50;
    const log: string[] = [];
    void takeN(l, 50, "background", log, "b", () => --server);
    await vi.advanceTimersByTimeAsync(0);
    // 20 % of 50 is held back from background work…
    expect(log.filter((e) => e.startsWith("b"))).toHaveLength(40);
    // …so an interactive request goes straight through,
    void takeN(l, 1, "interactive", log, "i", () => --server);
    await vi.advanceTimersByTimeAsync(0);
    expect(log.at(-1)).toBe("i@0");
    // and in the last 10 % of the window background work may use the rest
    // but two tokens, which stay free for a sign-in or a page load.
    await vi.advanceTimersByTimeAsync(900);
    expect(log.filter((e) => e.startsWith("b"))).toHaveLength(47);
  });

  it("serves interactive waiters before background ones when slots free up", async () => {
    const l = new RateLimiter({ ...opts, reserveShare: 0 });
    await l.acquire("k");
    l.release("k", { remaining: 10, limit: 10, resetInMs: 1000 });
    let server = 10;
    const log: string[] = [];
    void take(l, 10, "background", log, "b", () => --server);
    await vi.advanceTimersByTimeAsync(0);
    void take(l, 3, "background", log, "b2", () => --server);
    void take(l, 3, "interactive", log, "i", () => --server);
    server = 10;
    await vi.advanceTimersByTimeAsync(1000);
    expect(log.slice(10, 13).every((e) => e.startsWith("i@"))).toBe(true);
  });

  it("pauses the bucket for Retry-After after a 429", async () => {
    const l = new RateLimiter(opts);
    await l.acquire("k");
    l.release("k", { status: 429, remaining: 0, retryAfterMs: 2500 });
    let granted = -1;
    void l.acquire("k").then(() => (granted = Date.now() - 1_000_000));
    await vi.advanceTimersByTimeAsync(2499);
    expect(granted).toBe(-1);
    await vi.advanceTimersByTimeAsync(1);
    expect(granted).toBe(2500);
  });

  it("re-syncs from headers: calls by another process shrink the budget", async () => {
    const l = new RateLimiter(opts);
    await l.acquire("k");
    // The server says only 1 is left (others used the rest).
    l.release("k", { remaining: 1, limit: 10, resetInMs: 1000 });
    const log: string[] = [];
    void take(l, 3, "interactive", log, "i", () => 0);
    await vi.advanceTimersByTimeAsync(0);
    expect(log).toHaveLength(1);
  });

  it("an interactive request that would wait longer than its limit is refused at once with the refill time", async () => {
    const l = new RateLimiter({ ...opts, windowMs: 60_000, interactiveMaxWaitMs: 8_000 });
    await l.acquire("k");
    l.release("k", { remaining: 0, limit: 10, resetInMs: 30_000 });
    const err = await l.acquire("k").catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: "rate_limited", details: { retryAfterSec: 30 } });
    // Background work is not refused: it waits for the refill.
    let bg = -1;
    void l.acquire("k", "background").then(() => (bg = Date.now() - 1_000_000));
    await vi.advanceTimersByTimeAsync(30_000);
    expect(bg).toBe(30_000);
  });

  it("a 429 pause longer than the limit is refused; a short one is waited out", async () => {
    const l = new RateLimiter({ ...opts, interactiveMaxWaitMs: 5_000 });
    await l.acquire("k");
    l.release("k", { status: 429, remaining: 0, retryAfterMs: 20_000 });
    await expect(l.acquire("k")).rejects.toMatchObject({ kind: "rate_limited", details: { retryAfterSec: 20 } });
    await vi.advanceTimersByTimeAsync(17_000);
    // 3 s left: within the limit, so it queues and is granted at the end of the pause.
    let granted = -1;
    void l.acquire("k").then(() => (granted = Date.now() - 1_000_000));
    await vi.advanceTimersByTimeAsync(3_000);
    expect(granted).toBe(20_000);
  });

  it("a queued interactive request gives up at its limit and leaves the queue", async () => {
    const l = new RateLimiter({ ...opts, interactiveMaxWaitMs: 500 });
    // The bucket is unknown and its probe is still out: others queue behind it.
    await l.acquire("k");
    const waiting = l.acquire("k").catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(500);
    expect(await waiting).toMatchObject({ kind: "rate_limited" });
    expect(l.snapshot("k").queued).toBe(0);
    // The probe's answer arrives; the next request goes at once.
    l.release("k", { remaining: 9, limit: 10, resetInMs: 1000 });
    let sent = false;
    void l.acquire("k").then(() => (sent = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toBe(true);
  });

  it("while a person is using the app, bulk work leaves them the larger reserve; afterwards the smaller one", async () => {
    const l = new RateLimiter({ ...opts, limit: 100, windowMs: 60_000, reserveShare: 0.1, activeReserveShare: 0.3, activeForMs: 30_000 });
    let server = 100;
    const release = () => l.release("k", { remaining: --server, limit: 100, resetInMs: 60_000 - ((Date.now() - 1_000_000) % 60_000) });
    // One interactive call: the bucket is known and a person is active.
    await l.acquire("k", "interactive");
    release();
    let granted = 0;
    for (let i = 0; i < 90; i++) void l.acquire("k", "background").then(() => (granted++, release()));
    await vi.advanceTimersByTimeAsync(0);
    // 100 - 1 used - 30 kept back = 69 granted.
    expect(granted).toBe(69);
    // 30 s without an interactive call: the reserve shrinks to 10.
    await vi.advanceTimersByTimeAsync(30_000);
    expect(granted).toBe(89);
  });
});
