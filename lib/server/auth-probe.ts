import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";

// Auth.js swallows adapter errors and answers "no session", which would send
// a signed-in person to the sign-in page (and an API caller a 401) whenever
// the database blips. The adapter marks the failure here; `readSession`
// (session.ts) turns it into "Vuedeck is unavailable" instead.

type Probe = { failure: unknown };

const g = globalThis as unknown as { vuedeckAuthProbe?: AsyncLocalStorage<Probe> };
const store = (g.vuedeckAuthProbe ??= new AsyncLocalStorage<Probe>());

/** Called by the adapter when a session lookup throws. */
export function markSessionLookupFailed(err: unknown) {
  const probe = store.getStore();
  if (probe) probe.failure = err;
}

/** Runs `fn` (an auth() call) and reports whether a session lookup failed. */
export async function withSessionProbe<T>(fn: () => Promise<T>): Promise<{ value: T; failure: unknown }> {
  const probe: Probe = { failure: null };
  const value = await store.run(probe, fn);
  return { value, failure: probe.failure };
}
