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
};

export const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The context of an /api request: built once here, used by apiRoute. */
export const contextFor = (method: string, user: { id: string } | null, sharedBudget?: boolean): RequestContext => ({
  mutating: !SAFE_METHODS.has(method),
  userId: user?.id ?? null,
  ...(sharedBudget === undefined ? {} : { sharedBudget }),
});

// One store per process even when Next.js loads this module more than once.
const g = globalThis as unknown as { vuedeckRequestContext?: AsyncLocalStorage<RequestContext> };
export const requestContext = (g.vuedeckRequestContext ??= new AsyncLocalStorage<RequestContext>());
