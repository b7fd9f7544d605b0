import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_LIMITER, RateLimiter, type Grant } from "./limiter";
import type { FanvueError } from "./errors";
import { floorFor, memberCap, sendReserve } from "./limiter-shares";

const opts = { limit: 10, windowMs: 1000, reserveShare: 0.2, releaseReserveShare: 0.1, now: () => Date.now() };

beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }));
afterEach(() => vi.useRealTimers());

/** Acquires and immediately releases with the server's view of the bucket. */
const takeN = (
  l: RateLimiter,
  n: number,
  priority: "interactive" | "background",
  log: string[],
  tag: string,
  remaining: () => number,
) => take(l, n, priority, log, tag, remaining, 50);

async function take(
  l: RateLimiter,
  n: number,
  priority: "interactive" | "background",
  log: string[],
  tag: string,
  remaining: () => number,
  limit = 10,
) {
  const all = Array.from({ length: n }, async () => {
    const g = await l.acquire("k", { priority });
    log.push(`${tag}@${Date.now() - 1_000_000}`);
    // Like Fanvue: every answer carries the bucket's numbers (windows of 1 s here).
    l.release(g, { remaining: remaining(), limit, resetInMs: 1000 - ((Date.now() - 1_000_000) % 1000) });
  });
  return Promise.all(all);
}

describe("RateLimiter: the window budget", () => {
  it("probes an unknown bucket with one request before sending a burst", async () => {
    const l = new RateLimiter(opts);
    const log: string[] = [];
    let first = true;
    const all = Array.from({ length: 5 }, async () => {
      const g = await l.acquire("k");
      log.push("sent");
      if (first) {
        first = false;
        await vi.advanceTimersByTimeAsync(0);
        // Only the probe is out until its response arrives.
        expect(log).toHaveLength(1);
      }
      l.release(g, { remaining: 9, limit: 10, resetInMs: 1000 });
    });
    await Promise.all(all);
    expect(log).toHaveLength(5);
  });

  it("never grants more than the bucket allows per window", async () => {
    const l = new RateLimiter(opts);
    const probe = await l.acquire("k");
    l.release(probe, { remaining: 10, limit: 10, resetInMs: 1000 });
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

  it("re-syncs from headers: calls by another process shrink the budget", async () => {
    const l = new RateLimiter(opts);
    const probe = await l.acquire("k");
    // The server says only 1 is left (others used the rest).
    l.release(probe, { remaining: 1, limit: 10, resetInMs: 1000 });
    const log: string[] = [];
    void take(l, 3, "interactive", log, "i", () => 0);
    await vi.advanceTimersByTimeAsync(0);
    expect(log).toHaveLength(1);
  });
});

describe("RateLimiter: priorities and reserves", () => {
  it("keeps a reserve for interactive requests; at the window's end only two tokens stay free", async () => {
    const l = new RateLimiter({ ...opts, limit: 50 });
    const probe = await l.acquire("k");
    l.release(probe, { remaining: 50, limit: 50, resetInMs: 1000 });
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
    const probe = await l.acquire("k");
    l.release(probe, { remaining: 10, limit: 10, resetInMs: 1000 });
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

  it("while a person is using the app, bulk work leaves them the larger reserve; afterwards the smaller one", async () => {
    const l = new RateLimiter({
      ...opts,
      limit: 100,
      windowMs: 60_000,
      reserveShare: 0.1,
      activeReserveShare: 0.3,
      activeForMs: 30_000,
    });
    let server = 100;
    const release = (g: Grant) =>
      l.release(g, { remaining: --server, limit: 100, resetInMs: 60_000 - ((Date.now() - 1_000_000) % 60_000) });
    // One interactive call: the bucket is known and a person is active.
    release(await l.acquire("k", { priority: "interactive" }));
    let granted = 0;
    for (let i = 0; i < 90; i++) void l.acquire("k", { priority: "background" }).then((g) => (granted++, release(g)));
    await vi.advanceTimersByTimeAsync(0);
    // 100 - 1 used - 30 kept back = 69 granted.
    expect(granted).toBe(69);
    // 30 s without an interactive call: the reserve shrinks to 10.
    await vi.advanceTimersByTimeAsync(30_000);
    expect(granted).toBe(89);
  });
});

describe("RateLimiter: pauses and waiting limits", () => {
  it("pauses the bucket for Retry-After after a 429", async () => {
    const l = new RateLimiter(opts);
    const probe = await l.acquire("k");
    l.release(probe, { status: 429, remaining: 0, retryAfterMs: 2500 });
    let granted = -1;
    void l.acquire("k").then(() => (granted = Date.now() - 1_000_000));
    await vi.advanceTimersByTimeAsync(2499);
    expect(granted).toBe(-1);
    await vi.advanceTimersByTimeAsync(1);
    expect(granted).toBe(2500);
  });

  it("an interactive request that would wait longer than its limit is refused at once with the refill time", async () => {
    const l = new RateLimiter({ ...opts, windowMs: 60_000, interactiveMaxWaitMs: 8_000 });
    const probe = await l.acquire("k");
    l.release(probe, { remaining: 0, limit: 10, resetInMs: 30_000 });
    const err = await l.acquire("k").catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: "rate_limited", details: { retryAfterSec: 30 } });
    // Background work is not refused: it waits for the refill.
    let bg = -1;
    void l.acquire("k", { priority: "background" }).then(() => (bg = Date.now() - 1_000_000));
    await vi.advanceTimersByTimeAsync(30_000);
    expect(bg).toBe(30_000);
  });

  it("a 429 pause longer than the limit is refused; a short one is waited out", async () => {
    const l = new RateLimiter({ ...opts, interactiveMaxWaitMs: 5_000 });
    const probe = await l.acquire("k");
    l.release(probe, { status: 429, remaining: 0, retryAfterMs: 20_000 });
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
    const probe = await l.acquire("k");
    const waiting = l.acquire("k").catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(500);
    // It waited for Fanvue to answer, not for budget: not a rate limit.
    expect(await waiting).toMatchObject({ kind: "stalled" });
    expect(l.snapshot("k").queued).toBe(0);
    // The probe's answer arrives; the next request goes at once.
    l.release(probe, { remaining: 9, limit: 10, resetInMs: 1000 });
    let sent = false;
    void l.acquire("k").then(() => (sent = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toBe(true);
  });
});

describe("shares of a bucket (Fanvue's 200 a window)", () => {
  const w = (over: Partial<{ limit: number; releasing: boolean; inUse: boolean }> = {}) => ({
    limit: 200,
    releasing: false,
    inUse: false,
    ...over,
  });

  it("keeps 20 for sends; reads leave them, writes may use everything", () => {
    expect(sendReserve(200, DEFAULT_LIMITER)).toBe(20);
    expect(floorFor("write", w(), DEFAULT_LIMITER)).toBe(0);
    expect(floorFor("read", w(), DEFAULT_LIMITER)).toBe(20);
    // Scaled-down buckets keep the same shares, rounded up.
    expect(sendReserve(20, DEFAULT_LIMITER)).toBe(2);
  });

  it("caps one member's reads at half of the 180 reads may use", () => {
    expect(memberCap(200, DEFAULT_LIMITER)).toBe(90);
    expect(memberCap(20, DEFAULT_LIMITER)).toBe(9);
    // A tiny bucket still lets each member read something; no share: no cap.
    expect(memberCap(2, DEFAULT_LIMITER)).toBe(1);
    expect(memberCap(200, { sendReserveShare: 0.1 })).toBe(Infinity);
  });

  it("bulk work leaves the send reserve plus people's reserve, released to 2 at the window's end", () => {
    expect(floorFor("background", w(), DEFAULT_LIMITER)).toBe(40);
    expect(floorFor("background", w({ inUse: true }), DEFAULT_LIMITER)).toBe(80);
    expect(floorFor("background", w({ releasing: true }), DEFAULT_LIMITER)).toBe(22);
    expect(floorFor("background", w({ releasing: true, inUse: true }), DEFAULT_LIMITER)).toBe(22);
  });
});

describe("RateLimiter: sends and members", () => {
  const shared = {
    ...opts,
    limit: 20,
    windowMs: 60_000,
    sendReserveShare: 0.1,
    memberShare: 0.5,
    interactiveMaxWaitMs: 8_000,
  };
  /** A known bucket with `left` calls left in a window ending in `resetInMs`. */
  async function known(l: RateLimiter, left: number, resetInMs = 60_000) {
    l.release(await l.acquire("k", { write: true }), { remaining: left, limit: 20, resetInMs });
    let server = left;
    return (g: Grant) => l.release(g, { remaining: --server, limit: 20, resetInMs });
  }

  it("reads leave the send reserve: a send goes through after reads used the rest", async () => {
    const l = new RateLimiter({ ...shared, memberShare: undefined });
    const release = await known(l, 20);
    const reads = await Promise.allSettled(Array.from({ length: 20 }, () => l.acquire("k").then(release)));
    // 20 - 2 reserved for sends: 18 reads; the rest are refused until the refill.
    expect(reads.filter((r) => r.status === "fulfilled")).toHaveLength(18);
    expect(reads.find((r) => r.status === "rejected")).toMatchObject({
      reason: { kind: "rate_limited", details: { scope: "account" } },
    });
    release(await l.acquire("k", { write: true }));
    release(await l.acquire("k", { write: true }));
    expect(l.snapshot("k").remaining).toBe(0);
  });

  it("one member's reads stop at their share; another member's reads and a send still go", async () => {
    const l = new RateLimiter(shared);
    const release = await known(l, 20);
    const viewer = await Promise.allSettled(
      Array.from({ length: 15 }, () => l.acquire("k", { member: "viewer" }).then(release)),
    );
    expect(viewer.filter((r) => r.status === "fulfilled")).toHaveLength(9);
    // Refused at once (the share comes back with the window, 60 s away), as a
    // member's share, with the time until then.
    expect(viewer.find((r) => r.status === "rejected")).toMatchObject({
      reason: { kind: "rate_limited", details: { scope: "member", retryAfterSec: 60 } },
    });
    const owner = await Promise.allSettled(
      Array.from({ length: 9 }, () => l.acquire("k", { member: "owner" }).then(release)),
    );
    expect(owner.filter((r) => r.status === "fulfilled")).toHaveLength(9);
    // The send reserve is untouched by either member's reads.
    release(await l.acquire("k", { write: true, member: "owner" }));
    expect(l.snapshot("k").used).toEqual({ viewer: 9, owner: 9 });
  });

  it("reads queued behind a probe are refused as soon as their member's share runs out, not at the 8 s limit", async () => {
    const l = new RateLimiter(shared);
    const outcomes: string[] = [];
    const reads = Array.from({ length: 15 }, () =>
      l.acquire("k", { member: "viewer" }).then(
        (g) => {
          outcomes.push("granted");
          return g;
        },
        (e: FanvueError) => void outcomes.push(`${e.kind}:${e.details.scope}`),
      ),
    );
    await vi.advanceTimersByTimeAsync(0);
    expect(outcomes).toEqual(["granted"]);
    // The probe's answer: 19 left, 60 s to the refill.
    l.release((await reads[0])!, { remaining: 19, limit: 20, resetInMs: 60_000 });
    await vi.advanceTimersByTimeAsync(0);
    expect(outcomes.filter((o) => o === "granted")).toHaveLength(9);
    expect(outcomes.filter((o) => o === "rate_limited:member")).toHaveLength(6);
  });

  it("a member held to their share does not hold up others queued behind them; the share comes back with the window", async () => {
    const l = new RateLimiter(shared);
    // 3 s left in the window: within the 8 s a read waits, so it queues.
    const release = await known(l, 20, 3_000);
    for (let i = 0; i < 9; i++) release(await l.acquire("k", { member: "viewer" }));
    let viewerGranted = -1;
    void l.acquire("k", { member: "viewer" }).then((g) => ((viewerGranted = Date.now() - 1_000_000), release(g)));
    let ownerGranted = -1;
    void l.acquire("k", { member: "owner" }).then((g) => ((ownerGranted = Date.now() - 1_000_000), release(g)));
    await vi.advanceTimersByTimeAsync(0);
    expect(ownerGranted).toBe(0);
    expect(viewerGranted).toBe(-1);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(viewerGranted).toBe(3_000);
  });
});

describe("RateLimiter: a slow Fanvue is not a rate limit", () => {
  const slow = { ...opts, windowMs: 60_000, interactiveMaxWaitMs: 8_000, probeTimeoutMs: 2_000 };

  it("a probe unanswered for 2 s lets the next request probe; once it answers the rest go", async () => {
    const l = new RateLimiter(slow);
    const hung = await l.acquire("k");
    let granted = 0;
    const grants: Grant[] = [];
    for (let i = 0; i < 5; i++) void l.acquire("k").then((g) => (granted++, grants.push(g)));
    await vi.advanceTimersByTimeAsync(1_999);
    expect(granted).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    // The second probe goes; its answer makes the bucket known.
    expect(granted).toBe(1);
    l.release(grants[0]!, { remaining: 8, limit: 10, resetInMs: 58_000 });
    await vi.advanceTimersByTimeAsync(0);
    expect(granted).toBe(5);
    // The hung call counts as in flight until it answers, then no longer.
    expect(l.snapshot("k").inflight).toBe(5);
    l.release(hung, {});
    expect(l.snapshot("k").inflight).toBe(4);
  });

  it("reads waiting while every call hangs fail as 'stalled', never as a rate limit", async () => {
    const l = new RateLimiter(slow);
    await l.acquire("k");
    // Each 2 s one more request probes (and hangs): no burst into an unseen bucket.
    const outcomes = Array.from({ length: 4 }, () =>
      l.acquire("k", { maxWaitMs: 7_000 }).then(
        () => "granted",
        (e: FanvueError) => e.kind,
      ),
    );
    await vi.advanceTimersByTimeAsync(7_000);
    expect(await Promise.all(outcomes)).toEqual(["granted", "granted", "granted", "stalled"]);
  });

  it("an exhausted budget is still rate_limited, with the honest refill time", async () => {
    const l = new RateLimiter(slow);
    l.release(await l.acquire("k"), { remaining: 0, limit: 10, resetInMs: 5_000 });
    const waiting = l.acquire("k").catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(4_000);
    // 1 s to the refill, more than this caller waits: refused at once, saying so.
    const late = await l.acquire("k", { maxWaitMs: 500 }).catch((e: unknown) => e);
    expect(late).toMatchObject({ kind: "rate_limited", details: { scope: "account", retryAfterSec: 1 } });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await waiting).toMatchObject({ key: "k" });
  });
});
