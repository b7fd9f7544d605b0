import type { VaultItem } from "@/lib/schemas/media";

// Watches media Fanvue is still processing (fresh uploads, or ones seen in
// the grid) and reports each when it is done (ready or error). Every check
// of an item is one GET /media/{uuid} on the creator's 200-a-minute Fanvue
// budget, shared with everyone using the account, so the watch is bounded:
// - each item is checked with backoff (3 s, doubling, at most every 60 s)
//   and at most MAX_CHECKS times; then it is "stuck" and the user decides
//   ("Still processing — check again");
// - at most CHECKS_PER_MINUTE checks per creator per tab, whatever the
//   number of items, and at most MAX_PER_TICK in one request;
// - nothing while the tab is hidden (checks resume when it is shown).
// Pure logic with its clock, timers and lookup injected (see the tests).

/** Fresh uploads of small files are ready in seconds. */
export const FIRST_DELAY_MS = 3_000;
/** Long encodes: once a minute is enough to notice within a minute. */
export const MAX_DELAY_MS = 60_000;
/** 3+6+12+24+48+60×5 s ≈ 6.5 minutes of checking, then the user decides. */
export const MAX_CHECKS = 10;
/** 6 % of the creator's budget per tab at worst. */
export const CHECKS_PER_MINUTE = 12;
/** Items per lookup request (each is still one Fanvue call). */
export const MAX_PER_TICK = 6;

export type Lookup = (
  creatorId: string,
  uuids: string[],
) => Promise<{ items: VaultItem[]; urlsExpireAt: string | null }>;
export type WatchDeps = {
  lookup: Lookup;
  now: () => number;
  setTimer: (fn: () => void, ms: number) => unknown;
  clearTimer: (t: unknown) => void;
  isHidden: () => boolean;
};
type Entry = { checks: number; delay: number; nextAt: number };
type Creator = { entries: Map<string, Entry>; stuck: Set<string>; spent: number[]; timer: unknown; busy: boolean };
export type Processed = (creatorId: string, item: VaultItem, expiresAt: string | null) => void;

type LookupResult = Awaited<ReturnType<Lookup>>;

/** The items to check now: the most overdue first, within the minute's
 * budget and one request's size. */
function dueUuids(c: Creator, now: number) {
  const room = CHECKS_PER_MINUTE - c.spent.filter((t) => now - t < 60_000).length;
  return [...c.entries]
    .filter(([, e]) => e.nextAt <= now)
    .sort((a, b) => a[1].nextAt - b[1].nextAt)
    .slice(0, Math.max(0, Math.min(MAX_PER_TICK, room)))
    .map(([u]) => u);
}

/** A check's outcome: finished items leave the watch (`onDone`), the others
 * back off, and those checked MAX_CHECKS times become stuck. Returns whether
 * any did. */
function settleEntries(
  c: Creator,
  uuids: string[],
  res: LookupResult | null,
  now: () => number,
  onDone: (item: VaultItem) => void,
) {
  const done = new Map(
    (res?.items ?? []).filter((i) => i.status !== "processing" && i.status !== "created").map((i) => [i.uuid, i]),
  );
  let stuckChanged = false;
  for (const u of uuids) {
    const e = c.entries.get(u);
    if (!e) continue;
    const item = done.get(u);
    if (item) {
      c.entries.delete(u);
      onDone(item);
      continue;
    }
    e.checks++;
    e.delay = Math.min(MAX_DELAY_MS, e.delay * 2);
    e.nextAt = now() + e.delay;
    if (e.checks >= MAX_CHECKS) {
      c.entries.delete(u);
      c.stuck.add(u);
      stuckChanged = true;
    }
  }
  return stuckChanged;
}

export function createProcessingWatch(deps: WatchDeps) {
  const creators = new Map<string, Creator>();
  const processed = new Set<Processed>();
  const changed = new Set<() => void>();
  let version = 0;
  const bump = () => {
    version++;
    for (const l of changed) l();
  };
  const stateOf = (id: string) =>
    creators.get(id) ??
    creators.set(id, { entries: new Map(), stuck: new Set(), spent: [], timer: null, busy: false }).get(id)!;

  function schedule(id: string) {
    const c = stateOf(id);
    if (c.timer !== null) deps.clearTimer(c.timer);
    c.timer = null;
    if (c.busy || c.entries.size === 0 || deps.isHidden()) return;
    const now = deps.now();
    c.spent = c.spent.filter((t) => now - t < 60_000);
    const due = Math.min(...[...c.entries.values()].map((e) => e.nextAt));
    // Budget spent: wait until the oldest check of the window leaves it.
    const refill = c.spent.length >= CHECKS_PER_MINUTE ? c.spent[c.spent.length - CHECKS_PER_MINUTE]! + 60_000 : now;
    c.timer = deps.setTimer(() => void tick(id), Math.max(0, due - now, refill - now));
  }

  async function tick(id: string) {
    const c = stateOf(id);
    c.timer = null;
    const now = deps.now();
    const uuids = dueUuids(c, now);
    if (deps.isHidden() || uuids.length === 0) return schedule(id);
    c.busy = true;
    for (let i = 0; i < uuids.length; i++) c.spent.push(now);
    let res: LookupResult | null = null;
    try {
      res = await deps.lookup(id, uuids);
    } catch {
      // An outage counts as a check: the backoff below still applies.
    }
    c.busy = false;
    settle(id, c, uuids, res);
    schedule(id);
  }

  function settle(id: string, c: Creator, uuids: string[], res: LookupResult | null) {
    const stuckChanged = settleEntries(c, uuids, res, deps.now, (item) => {
      for (const l of processed) l(id, item, res!.urlsExpireAt);
    });
    if (stuckChanged) bump();
  }

  function arm(id: string, uuids: string[], force: boolean) {
    const c = stateOf(id);
    let added = false;
    let unstuck = false;
    for (const u of uuids) {
      if (c.entries.has(u) || (c.stuck.has(u) && !force)) continue;
      unstuck = c.stuck.delete(u) || unstuck;
      c.entries.set(u, { checks: 0, delay: FIRST_DELAY_MS, nextAt: deps.now() + (force ? 0 : FIRST_DELAY_MS) });
      added = true;
    }
    if (unstuck) bump();
    if (added) schedule(id);
  }

  return {
    /** Starts watching; items already watched or stuck are left as they are. */
    watch: (id: string, uuids: string[]) => arm(id, uuids, false),
    /** The user asks again about stuck items: checked now, with a new allowance. */
    checkAgain: (id: string, uuids: string[]) => arm(id, uuids, true),
    isStuck: (id: string, uuid: string) => creators.get(id)?.stuck.has(uuid) ?? false,
    /** The tab was shown or hidden. */
    visibilityChanged: () => {
      for (const id of creators.keys()) schedule(id);
    },
    onProcessed(l: Processed) {
      processed.add(l);
      return () => void processed.delete(l);
    },
    subscribe(l: () => void) {
      changed.add(l);
      return () => void changed.delete(l);
    },
    version: () => version,
  };
}
export type ProcessingWatch = ReturnType<typeof createProcessingWatch>;
