import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { VaultItem } from "@/lib/schemas/media";
import { CHECKS_PER_MINUTE, createProcessingWatch, MAX_CHECKS, type Lookup } from "./processing-watch-core";

// The watch's call budget, measured: every uuid passed to `lookup` is one
// GET /media/{uuid} on Fanvue.

const item = (uuid: string, status: string) => ({ uuid, status }) as VaultItem;
const uuids = (n: number) => Array.from({ length: n }, (_, i) => `m${i}`);

function setup(statusOf: (uuid: string, call: number) => string = () => "processing") {
  const calls: { at: number; uuids: string[] }[] = [];
  let hidden = false;
  const lookup: Lookup = async (_c, list) => {
    calls.push({ at: Date.now(), uuids: list });
    return { items: list.map((u) => item(u, statusOf(u, calls.length))), urlsExpireAt: null };
  };
  const w = createProcessingWatch({
    lookup,
    now: () => Date.now(),
    setTimer: (fn, ms) => setTimeout(fn, ms),
    clearTimer: (t) => clearTimeout(t as number),
    isHidden: () => hidden,
  });
  const checks = (from = 0, to = Infinity) =>
    calls.filter((c) => c.at >= from && c.at < to).reduce((n, c) => n + c.uuids.length, 0);
  return { w, calls, checks, setHidden: (h: boolean) => ((hidden = h), w.visibilityChanged()) };
}

beforeEach(() => vi.useFakeTimers({ now: 0 }));
afterEach(() => vi.useRealTimers());

describe("processing watch: the call budget", () => {
  it("an idle tab with 24 stuck items: at most 12 checks in any minute, each item at most 10 times, then none", async () => {
    const { w, calls, checks } = setup();
    w.watch("c1", uuids(24));
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    for (let t = 0; t < 60 * 60_000; t += 10_000) expect(checks(t, t + 60_000)).toBeLessThanOrEqual(CHECKS_PER_MINUTE);
    const perItem = new Map<string, number>();
    for (const c of calls) for (const u of c.uuids) perItem.set(u, (perItem.get(u) ?? 0) + 1);
    expect([...perItem.values()].every((n) => n === MAX_CHECKS)).toBe(true);
    expect(checks()).toBe(24 * MAX_CHECKS);
    // Then the tab is quiet: everything is "still processing — check again".
    const last = calls.at(-1)!.at;
    expect(uuids(24).every((u) => w.isStuck("c1", u))).toBe(true);
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(calls.at(-1)!.at).toBe(last);
  });

  it("one item: backs off 3, 6, 12, 24, 48 s then once a minute, and gives up after about 6.5 minutes", async () => {
    const { w, calls } = setup();
    w.watch("c1", ["a"]);
    await vi.advanceTimersByTimeAsync(30 * 60_000);
    expect(calls.map((c) => c.at / 1000)).toEqual([3, 9, 21, 45, 93, 153, 213, 273, 333, 393]);
  });

  it("a hidden tab makes no calls; shown again, it resumes where it was", async () => {
    const { w, calls, setHidden } = setup();
    w.watch("c1", ["a", "b"]);
    await vi.advanceTimersByTimeAsync(10_000);
    const before = calls.length;
    setHidden(true);
    await vi.advanceTimersByTimeAsync(30 * 60_000);
    expect(calls.length).toBe(before);
    setHidden(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls.length).toBe(before + 1);
  });
});

describe("processing watch: finished, stuck and failing checks", () => {
  it("reports a finished item once and stops checking it; an error status counts as finished", async () => {
    const { w, calls } = setup((u, call) => (u === "a" && call >= 2 ? "ready" : u === "b" ? "error" : "processing"));
    const seen: string[] = [];
    w.onProcessed((_c, i) => seen.push(`${i.uuid}:${i.status}`));
    w.watch("c1", ["a", "b"]);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(seen).toEqual(["b:error", "a:ready"]);
    const n = calls.length;
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(calls.length).toBe(n);
  });

  it("check again: a stuck item is checked at once with a new allowance", async () => {
    const { w, calls, checks } = setup();
    const bumps = vi.fn();
    w.subscribe(bumps);
    w.watch("c1", ["a"]);
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(w.isStuck("c1", "a")).toBe(true);
    expect(bumps).toHaveBeenCalledTimes(1);
    // Seen processing again in the grid: still stuck, not re-armed.
    w.watch("c1", ["a"]);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(checks()).toBe(MAX_CHECKS);
    const t = Date.now();
    w.checkAgain("c1", ["a"]);
    expect(w.isStuck("c1", "a")).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls.at(-1)!.at).toBe(t);
    await vi.advanceTimersByTimeAsync(30 * 60_000);
    expect(checks()).toBe(2 * MAX_CHECKS);
  });

  it("an outage counts as a check: no tighter loop when the lookup fails", async () => {
    let n = 0;
    const w = createProcessingWatch({
      lookup: async () => {
        n++;
        throw new Error("503");
      },
      now: () => Date.now(),
      setTimer: (fn, ms) => setTimeout(fn, ms),
      clearTimer: (t) => clearTimeout(t as number),
      isHidden: () => false,
    });
    w.watch("c1", ["a"]);
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(n).toBe(MAX_CHECKS);
    expect(w.isStuck("c1", "a")).toBe(true);
  });
});
