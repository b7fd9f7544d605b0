import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { requestContext } from "@/lib/server/api/request-context";
import { db } from "@/lib/server/db";
import { FanvueError } from "@/lib/server/fanvue/errors";

export type Fresh<T> = { data: T; fetchedAt: string; stale: false };
export type Stale<T> = { data: T; fetchedAt: string; stale: true; staleReason: string };

/** Kinds of failure during which the last good answer is better than nothing. */
const SERVE_STALE_ON = new Set(["network", "timeout", "stalled", "upstream", "rate_limited", "reauth", "bad_response"]);

/** One upstream call per key at a time; `member` is who started it. */
type Run = { member: string | null; done: Promise<Fresh<unknown>>; forgotten?: boolean };
const inflight = new Map<string, Run>();

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
export async function withSnapshot<T>(
  key: string,
  fetcher: () => Promise<T>,
  opts: { maxAgeMs?: number } = {},
): Promise<Fresh<T> | Stale<T>> {
  if (opts.maxAgeMs) {
    const snap = await db.upstreamSnapshot.findUnique({ where: { key } });
    if (snap && Date.now() - snap.fetchedAt.getTime() < opts.maxAgeMs) {
      return { data: snap.data as T, fetchedAt: snap.fetchedAt.toISOString(), stale: false };
    }
  }
  const member = requestContext.getStore()?.userId ?? null;
  const run = inflight.get(key) ?? start(key, fetcher, member);
  try {
    return (await run.done) as Fresh<T>;
  } catch (err) {
    // The shared call was refused because the member who started it used up
    // their share of the rate budget: that is not this caller's share.
    if (run.member === member || !isShareRefusal(err)) return lastGood(key, err);
    return (start(key, fetcher, member).done as Promise<Fresh<T>>).catch((e: unknown) => lastGood(key, e));
  }
}

const isShareRefusal = (err: unknown) =>
  err instanceof FanvueError && err.kind === "rate_limited" && err.details.scope === "member";

function start<T>(key: string, fetcher: () => Promise<T>, member: string | null): Run {
  const run: Run = { member, done: Promise.resolve(null as never) };
  run.done = fetchAndKeep(key, fetcher, run).finally(() => {
    if (inflight.get(key) === run) inflight.delete(key);
  });
  inflight.set(key, run);
  return run;
}

/** After a change upstream (a post edited, cancelled): reads of these keys
 * already under way may have read the old state, so no later caller joins
 * them and they keep nothing; the next read asks Fanvue. (In this process:
 * another instance's read under way can keep the old answer for its max age.) */
export function forgetReadsUnderWay(matches: (key: string) => boolean) {
  for (const [key, run] of inflight)
    if (matches(key)) {
      run.forgotten = true;
      inflight.delete(key);
    }
}

async function fetchAndKeep<T>(key: string, fetcher: () => Promise<T>, run: Run): Promise<Fresh<T>> {
  const data = await fetcher();
  const fetchedAt = new Date();
  if (run.forgotten) return { data, fetchedAt: fetchedAt.toISOString(), stale: false };
  await db.upstreamSnapshot.upsert({
    where: { key },
    create: { key, data: data as Prisma.InputJsonValue, fetchedAt },
    update: { data: data as Prisma.InputJsonValue, fetchedAt },
  });
  return { data, fetchedAt: fetchedAt.toISOString(), stale: false };
}

/** The last good answer, marked stale with why, when the failure is one a
 * stale answer helps with; else the failure. */
async function lastGood<T>(key: string, err: unknown): Promise<Stale<T>> {
  if (!(err instanceof FanvueError) || !SERVE_STALE_ON.has(err.kind)) throw err;
  const snap = await db.upstreamSnapshot.findUnique({ where: { key } });
  if (!snap) throw err;
  return {
    data: snap.data as T,
    fetchedAt: snap.fetchedAt.toISOString(),
    stale: true,
    staleReason: err.kind === "reauth" ? "reauth" : err.message,
  };
}
