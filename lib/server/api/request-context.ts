import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";

// What the Fanvue client needs to know about the request it serves, without
// threading it through every call: whether the user is waiting on a change
// (a send, a schedule, a save), which may wait longer for the rate budget
// than a page read (see callFanvue).

export type RequestContext = { mutating: boolean };

// One store per process even when Next.js loads this module more than once.
const g = globalThis as unknown as { vuedeckRequestContext?: AsyncLocalStorage<RequestContext> };
export const requestContext = (g.vuedeckRequestContext ??= new AsyncLocalStorage<RequestContext>());
