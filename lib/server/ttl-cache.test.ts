import { describe, expect, it } from "vitest";
import { TtlCache } from "./ttl-cache";

const deferred = <T>() => {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
};

describe("TtlCache", () => {
  it("reuses a value within its TTL, loads again after it, and shares one load between concurrent misses", async () => {
    const cache = new TtlCache<number>(5_000, 10);
    let loads = 0;
    const load = async () => ++loads;
    const [a, b] = await Promise.all([cache.get("k", load, 0), cache.get("k", load, 0)]);
    expect([a, b, loads]).toEqual([1, 1, 1]);
    expect(await cache.get("k", load, 4_999)).toBe(1);
    expect(await cache.get("k", load, 5_000)).toBe(2);
  });

  it("keys never share a value", async () => {
    const cache = new TtlCache<string>(5_000, 10);
    await cache.get("alice", async () => "alice's", 0);
    expect(await cache.get("bob", async () => "bob's", 0)).toBe("bob's");
    expect(cache.peek("alice", 1)).toBe("alice's");
  });

  it("does not keep a failed load", async () => {
    const cache = new TtlCache<number>(5_000, 10);
    await expect(cache.get("k", () => Promise.reject(new Error("db down")), 0)).rejects.toThrow("db down");
    expect(await cache.get("k", async () => 7, 1)).toBe(7);
  });

  it("drops on delete, and a load that began before the delete is not kept after it", async () => {
    const cache = new TtlCache<string>(5_000, 10);
    const slow = deferred<string>();
    const before = cache.get("k", () => slow.promise, 0);
    cache.deleteWhere(() => false); // still loading: dropped whatever the predicate says
    slow.resolve("stale");
    expect(await before).toBe("stale");
    expect(await cache.get("k", async () => "fresh", 1)).toBe("fresh");
    cache.delete("k");
    expect(cache.peek("k", 2)).toBeUndefined();
  });

  it("deleteWhere drops settled entries that match only", async () => {
    const cache = new TtlCache<{ ws: string[] }>(5_000, 10);
    cache.set("u1", { ws: ["a"] }, Infinity, 0);
    cache.set("u2", { ws: ["b"] }, Infinity, 0);
    cache.deleteWhere((v) => v.ws.includes("a"));
    expect(cache.peek("u1", 1)).toBeUndefined();
    expect(cache.peek("u2", 1)).toEqual({ ws: ["b"] });
  });

  it("set keeps a value until the earlier of its own end and the TTL", () => {
    const cache = new TtlCache<string>(5_000, 10);
    cache.set("short", "s", 1_000, 0);
    cache.set("long", "l", 60_000, 0);
    expect(cache.peek("short", 999)).toBe("s");
    expect(cache.peek("short", 1_000)).toBeUndefined();
    expect(cache.peek("long", 4_999)).toBe("l");
    expect(cache.peek("long", 5_000)).toBeUndefined();
  });

  it("holds at most maxEntries, dropping the oldest", () => {
    const cache = new TtlCache<number>(5_000, 2);
    cache.set("a", 1, Infinity, 0);
    cache.set("b", 2, Infinity, 0);
    cache.set("c", 3, Infinity, 0);
    expect(cache.size).toBe(2);
    expect(cache.peek("a", 1)).toBeUndefined();
    expect(cache.peek("c", 1)).toBe(3);
  });
});
