import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";

// What the Fanvue client needs to know about the request it serves, without
// threading it through every call: whether the user is waiting on a change
// (a send, a schedule, a save), which may wait longer for the rate budget
// than a page read (see callFanvue), and who the user is, whose reads are
// held to a share of a creator's budget (see limiter-shares.ts) when others
// share that budget.

export type RequestContext = {
  mutating: boolean;
  userId: string | null;
  /** False when the user is the workspace's only member: nobody else reads
   * this budget, so their reads are not held to a share of it (a creator on
   * their own gets the whole of it). Unset: held to the share. */
  sharedBudget?: boolean;
  /** Reads made once per request (perRequest). */
  memo?: Map<string, Promise<unknown>>;
};

export const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The context of an /api request: built once here, used by apiRoute. */
export const contextFor = (method: string, user: { id: string } | null, sharedBudget?: boolean): RequestContext => ({
  mutating: !SAFE_METHODS.has(method),
  userId: user?.id ?? null,
  ...(sharedBudget === undefined ? {} : { sharedBudget }),
  memo: new Map(),
});

// One store per process even when Next.js loads this module more than once.
const g = globalThis as unknown as { vuedeckRequestContext?: AsyncLocalStorage<RequestContext> };
export const requestContext = (g.vuedeckRequestContext ??= new AsyncLocalStorage<RequestContext>());

/** The same read made once per request (an /api call, or a page's
 * prefetches run as one): the fans page asked for the roster's list counts
 * three times. Outside a request context it simply reads. Only for reads
 * whose answer a request does not change itself; a failed read is not kept. */
export function perRequest<T>(key: string, read: () => Promise<T>): Promise<T> {
  const memo = requestContext.getStore()?.memo;
  if (!memo) return read();
  let p = memo.get(key) as Promise<T> | undefined;
  if (!p) {
    p = read();
    memo.set(key, p);
    p.catch(() => memo.delete(key));
  }
  return p;
}

/** Forgets a perRequest read after this request changed what it read. */
export function forgetPerRequest(key: string) {
  requestContext.getStore()?.memo?.delete(key);
}
