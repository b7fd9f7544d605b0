"use client";

import { fetchLookup } from "@/lib/queries/media";
import { MAX_LOOKUP, type VaultItem } from "@/lib/schemas/media";

// Media Fanvue is still processing (fresh uploads, or ones seen in the grid):
// one poller per creator asks for their status and tells subscribers when
// each is done (ready or error). Polling stops when nothing is processing.

/** Starts at 2.5 s (the sandbox processes in ~3 s; short videos on Fanvue
 * in seconds) and slows to 15 s for long encodes. */
const FIRST_POLL_MS = 2_500;
const MAX_POLL_MS = 15_000;

type Listener = (creatorId: string, item: VaultItem, expiresAt: string | null) => void;

const watched = new Map<string, Set<string>>();
const timers = new Map<string, { timer: ReturnType<typeof setTimeout>; delay: number }>();
const listeners = new Set<Listener>();

export function onProcessed(l: Listener) {
  listeners.add(l);
  return () => void listeners.delete(l);
}

export function watchProcessing(creatorId: string, uuids: string[]) {
  if (!uuids.length) return;
  let set = watched.get(creatorId);
  if (!set) watched.set(creatorId, (set = new Set()));
  const before = set.size;
  for (const u of uuids) set.add(u);
  if (set.size !== before || !timers.has(creatorId)) schedule(creatorId, FIRST_POLL_MS);
}

function schedule(creatorId: string, delay: number) {
  const t = timers.get(creatorId);
  if (t) clearTimeout(t.timer);
  timers.set(creatorId, { timer: setTimeout(() => void poll(creatorId, delay), delay), delay });
}

async function poll(creatorId: string, delay: number) {
  const set = watched.get(creatorId);
  if (!set?.size) return void timers.delete(creatorId);
  const uuids = [...set].slice(0, MAX_LOOKUP);
  try {
    const res = await fetchLookup(creatorId, uuids);
    for (const item of res.items) {
      if (item.status === "processing" || item.status === "created") continue;
      set.delete(item.uuid);
      for (const l of listeners) l(creatorId, item, res.urlsExpireAt);
    }
  } catch {
    // Try again on the next tick; a passing outage must not stop the watch.
  }
  if (set.size) schedule(creatorId, Math.min(MAX_POLL_MS, Math.round(delay * 1.5)));
  else timers.delete(creatorId);
}
