import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/server/db";
import { FanvueError } from "@/lib/server/fanvue/errors";

export type Fresh<T> = { data: T; fetchedAt: string; stale: false };
export type Stale<T> = { data: T; fetchedAt: string; stale: true; staleReason: string };

/** Kinds of failure during which the last good answer is better than nothing. */
const SERVE_STALE_ON = new Set(["network", "timeout", "upstream", "rate_limited", "reauth", "bad_response"]);

const inflight = new Map<string, Promise<unknown>>();

/**
 * Runs a live Fanvue read and keeps its answer. When Fanvue fails, the last
 * good answer is returned instead, marked stale with its age, so pages keep
 * showing real figures (never a blank or a wrong zero). Without a snapshot
 * the error propagates.
 *
 * `maxAgeMs`: a snapshot younger than this is served without calling Fanvue
 * (each call spends the creator's shared rate budget). Concurrent callers of
 * one key share one upstream call.
 */
export async function withSnapshot<T>(key: string, fetcher: () => Promise<T>, opts: { maxAgeMs?: number } = {}): Promise<Fresh<T> | Stale<T>> {
  if (opts.maxAgeMs) {
    const snap = await db.upstreamSnapshot.findUnique({ where: { key } });
    if (snap && Date.now() - snap.fetchedAt.getTime() < opts.maxAgeMs) {
      return { data: snap.data as T, fetchedAt: snap.fetchedAt.toISOString(), stale: false };
    }
  }
  let p = inflight.get(key) as Promise<Fresh<T> | Stale<T>> | undefined;
  if (!p) {
    p = refresh(key, fetcher).finally(() => inflight.delete(key));
    inflight.set(key, p);
  }
  return p;
}

async function refresh<T>(key: string, fetcher: () => Promise<T>): Promise<Fresh<T> | Stale<T>> {
  try {
    const data = await fetcher();
    const fetchedAt = new Date();
    await db.upstreamSnapshot.upsert({
      where: { key },
      create: { key, data: data as Prisma.InputJsonValue, fetchedAt },
      update: { data: data as Prisma.InputJsonValue, fetchedAt },
    });
    return { data, fetchedAt: fetchedAt.toISOString(), stale: false };
  } catch (err) {
    if (!(err instanceof FanvueError) || !SERVE_STALE_ON.has(err.kind)) throw err;
    const snap = await db.upstreamSnapshot.findUnique({ where: { key } });
    if (!snap) throw err;
    return { data: snap.data as T, fetchedAt: snap.fetchedAt.toISOString(), stale: true, staleReason: err.kind === "reauth" ? "reauth" : err.message };
  }
}
