import "server-only";
import { deferred, type Deferred } from "@/lib/server/fans/insights/deferred";

// Cache reads for one creator, one at a time: requests that arrive while a
// read runs share the next one. No timer: an idle creator's request reads at
// once (after the current tick, so a page's parallel lookups go together),
// and under a burst the reads grow instead of multiplying (500 panel lookups
// cost a handful of queries, not 500 on a 10-connection pool).

type Next<V> = { keys: Set<string>; d: Deferred<Map<string, V>> };
type Lane<V> = { running: Promise<unknown> | null; next: Next<V> | null };

export class ReadCoalescer<V> {
  private lanes = new Map<string, Lane<V>>();

  constructor(private readonly readMany: (group: string, keys: string[]) => Promise<Map<string, V>>) {}

  /** The rows for `keys` (absent keys are absent), read with whatever else is waiting. */
  async read(group: string, keys: string[]): Promise<Map<string, V>> {
    let lane = this.lanes.get(group);
    if (!lane) this.lanes.set(group, (lane = { running: null, next: null }));
    const next = (lane.next ??= { keys: new Set(), d: deferred() });
    for (const k of keys) next.keys.add(k);
    if (!lane.running) this.start(group, lane);
    const rows = await next.d.promise;
    return new Map(keys.flatMap((k) => (rows.has(k) ? [[k, rows.get(k)!] as const] : [])));
  }

  /** Settles once every read asked for so far is answered (null: none under way). */
  settled(group: string): Promise<unknown> | null {
    const lane = this.lanes.get(group);
    return lane ? (lane.next?.d.promise ?? lane.running) : null;
  }

  private start(group: string, lane: Lane<V>) {
    lane.running = new Promise<void>((resolve) => queueMicrotask(() => void this.drain(group, lane).finally(resolve)));
  }

  private async drain(group: string, lane: Lane<V>) {
    while (lane.next) {
      const { keys, d } = lane.next;
      lane.next = null;
      try {
        d.resolve(await this.readMany(group, [...keys]));
      } catch (err) {
        d.reject(err);
      }
    }
    lane.running = null;
    this.lanes.delete(group);
  }
}
