import "server-only";

// A small per-process cache of promises with a time to live and a size
// bound, for per-request work that is the same for seconds at a time (who a
// session belongs to, a user's memberships). Concurrent misses share one
// load; a failed load is not kept; `delete`/`deleteWhere` drop entries at
// once (an entry still loading is dropped too, so a read that began before a
// change is never stored after it).

type Entry<T> = { value: Promise<T>; until: number; settled?: { value: T } };

export class TtlCache<T> {
  private readonly map = new Map<string, Entry<T>>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
  ) {}

  /** The cached value for `key`, or `load()`'s (kept for the TTL). */
  get(key: string, load: () => Promise<T>, now = Date.now()): Promise<T> {
    const hit = this.map.get(key);
    if (hit && hit.until > now) return hit.value;
    const entry: Entry<T> = { value: load(), until: now + this.ttlMs };
    this.put(key, entry);
    entry.value.then(
      (value) => void (entry.settled = { value }),
      () => void (this.map.get(key) === entry && this.map.delete(key)),
    );
    return entry.value;
  }

  /** Keeps `value` for `key` (until `until` at the latest, else for the TTL). */
  set(key: string, value: T, until = Infinity, now = Date.now()) {
    this.put(key, { value: Promise.resolve(value), until: Math.min(until, now + this.ttlMs), settled: { value } });
  }

  /** The value for `key` when one is held and fresh, without loading. */
  peek(key: string, now = Date.now()): T | undefined {
    const hit = this.map.get(key);
    return hit && hit.until > now ? hit.settled?.value : undefined;
  }

  delete(key: string) {
    this.map.delete(key);
  }

  /** Drops every entry whose value matches, and every entry still loading (its value is not known yet). */
  deleteWhere(match: (value: T, key: string) => boolean) {
    for (const [key, e] of this.map) if (!e.settled || match(e.settled.value, key)) this.map.delete(key);
  }

  clear() {
    this.map.clear();
  }

  get size() {
    return this.map.size;
  }

  private put(key: string, entry: Entry<T>) {
    this.map.delete(key); // re-inserted last: the map's order is oldest first
    this.map.set(key, entry);
    if (this.map.size > this.maxEntries) this.map.delete(this.map.keys().next().value!);
  }
}
