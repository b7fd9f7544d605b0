import "server-only";
import { getAccessToken } from "./connection";
import { requestContext } from "@/lib/server/api/request-context";
import { errorFromResponse, FanvueError } from "./errors";
import { exchange, type Method, type Query, type RawResponse } from "./http";
import { RateLimiter, type Priority } from "./limiter";

// The one path every Fanvue API call takes: token (refreshed when due), a slot
// in the rate bucket, the HTTP exchange, then the retry policy:
// - 401: refresh once (only if nobody refreshed meanwhile) and retry;
// - 429: wait for Retry-After (the limiter pauses the bucket), then retry —
//   safe even for sends, Fanvue refused before doing anything;
// - 5xx, network errors, timeouts: bounded retries with jitter, idempotent
//   calls only. A send is never retried blindly.

export type CallOptions = {
  method?: Method;
  path: string;
  query?: Query;
  body?: unknown;
  priority?: Priority;
  /** GETs are; writes are not unless the caller knows better. */
  idempotent?: boolean;
  /** Changes something on Fanvue, so it may use the rate bucket's send
   * reserve: every method but GET unless said otherwise (a POST that only
   * reads, such as presence or fan insights, says `write: false`). */
  write?: boolean;
  timeoutMs?: number;
  signal?: AbortSignal;
};

/** 3 attempts: rides out a blip without holding a page for long. */
const MAX_ATTEMPTS = 3;
/** A 429 storm longer than this many windows is a problem to surface. */
const MAX_THROTTLED = 4;
const BACKOFF_BASE_MS = 250;
const BACKOFF_CAP_MS = 4_000;

/** Longest wait for the rate budget inside a mutating request: most of a window. */
const MUTATING_MAX_WAIT_MS = 45_000;

const g = globalThis as unknown as { fanvueLimiter?: RateLimiter; fanvueStats?: UpstreamStats };
export type UpstreamStats = { calls: number; byStatus: Record<string, number>; retries: number };
export const limiter = (g.fanvueLimiter ??= new RateLimiter());
export const upstreamStats = (g.fanvueStats ??= { calls: 0, byStatus: {}, retries: 0 });

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => {
      clearTimeout(t);
      reject(signal.reason);
    });
  });

/** Full jitter: spreads retries of many clients instead of syncing them. */
const backoffMs = (attempt: number, floorMs = 0) =>
  Math.max(floorMs, Math.random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt));

export async function callFanvue(connectionId: string, bucketKey: string, opts: CallOptions): Promise<RawResponse> {
  const idempotent = opts.idempotent ?? (opts.method ?? "GET") === "GET";
  const write = opts.write ?? (opts.method ?? "GET") !== "GET";
  let attempt = 0;
  let throttled = 0;
  let refreshedAfter401 = false;
  let rejectedToken: string | undefined;
  for (;;) {
    attempt++;
    const token = await getAccessToken(connectionId, { rejectedToken });
    const ctx = requestContext.getStore();
    const grant = await limiter.acquire(bucketKey, {
      priority: opts.priority ?? "interactive",
      write,
      // The signed-in user's reads count against their share of the bucket,
      // unless nobody else shares it (a workspace of one).
      member: ctx?.sharedBudget === false ? null : (ctx?.userId ?? null),
      signal: opts.signal,
      // A user waiting on a change (send, schedule, save) would rather wait for
      // the budget than be refused; page reads are refused after 8 s and retry.
      maxWaitMs: ctx?.mutating ? MUTATING_MAX_WAIT_MS : undefined,
    });
    let res: RawResponse;
    try {
      upstreamStats.calls++;
      res = await exchange({ ...opts, accessToken: token });
    } catch (err) {
      limiter.release(grant, {});
      const transient = err instanceof FanvueError && (err.kind === "network" || err.kind === "timeout");
      if (transient && idempotent && attempt < MAX_ATTEMPTS) {
        upstreamStats.retries++;
        await sleep(backoffMs(attempt), opts.signal);
        continue;
      }
      throw err;
    }
    limiter.release(grant, { ...res.rate, status: res.status });
    upstreamStats.byStatus[res.status] = (upstreamStats.byStatus[res.status] ?? 0) + 1;
    if (res.status >= 200 && res.status < 300) return res;
    if (res.status === 401 && !refreshedAfter401) {
      refreshedAfter401 = true;
      rejectedToken = token;
      attempt--;
      continue;
    }
    if (res.status === 429 && throttled < MAX_THROTTLED) {
      throttled++;
      attempt--;
      upstreamStats.retries++;
      continue;
    }
    if (res.status >= 500 && idempotent && attempt < MAX_ATTEMPTS) {
      upstreamStats.retries++;
      await sleep(backoffMs(attempt, res.rate.retryAfterMs ?? 0), opts.signal);
      continue;
    }
    throw errorFromResponse(
      res.status,
      res.body,
      opts.path,
      res.rate.retryAfterMs === undefined ? undefined : res.rate.retryAfterMs / 1000,
    );
  }
}
