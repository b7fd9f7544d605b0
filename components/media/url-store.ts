"use client";

import { useSyncExternalStore } from "react";
import type { VaultItem } from "@/lib/schemas/media";

// Re-resolved thumbnail URLs, in memory only and only until they expire;
// tiles prefer these over the (possibly expired) URL their list page carried.
// "Broken" marks items whose fresh URL failed too, so they stop retrying and
// show a manual retry instead of looping.

type Entry = { url: string; expiresAt: number };

const fresh = new Map<string, Entry>();
const broken = new Set<string>();
const listeners = new Set<() => void>();
let version = 0;

const key = (creatorId: string, uuid: string) => `${creatorId}:${uuid}`;

function emit() {
  version++;
  for (const l of listeners) l();
}

export function setFreshThumbs(creatorId: string, items: VaultItem[], expiresAt: string | null) {
  const exp = expiresAt ? Date.parse(expiresAt) : 0;
  for (const i of items) {
    if (!i.thumb) continue;
    fresh.set(key(creatorId, i.uuid), { url: i.thumb.url, expiresAt: exp });
    broken.delete(key(creatorId, i.uuid));
  }
  emit();
}

/** A still-valid re-resolved URL, if any (expired ones are dropped here). */
export function freshThumb(creatorId: string, uuid: string): string | null {
  const e = fresh.get(key(creatorId, uuid));
  if (!e) return null;
  if (e.expiresAt <= Date.now()) {
    fresh.delete(key(creatorId, uuid));
    return null;
  }
  return e.url;
}

export function markBroken(creatorId: string, uuids: string[]) {
  for (const u of uuids) broken.add(key(creatorId, u));
  emit();
}

export function clearBroken(creatorId: string, uuid: string) {
  broken.delete(key(creatorId, uuid));
  emit();
}

export const isBroken = (creatorId: string, uuid: string) => broken.has(key(creatorId, uuid));

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => void listeners.delete(l);
};

/** Re-renders the caller whenever fresh or broken URLs change. */
export const useUrlStoreVersion = () =>
  useSyncExternalStore(
    subscribe,
    () => version,
    () => 0,
  );
