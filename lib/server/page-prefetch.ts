import "server-only";
import { contextFor, requestContext } from "@/lib/server/api/request-context";
import { workspaceIsShared, type WorkspaceAccess } from "@/lib/server/workspaces/access";

// Helpers for a page that server-renders its first screen
// (components/layout/prefetched.tsx): the same server functions as the API
// routes, under the same conditions.

type RawSearchParams = Record<string, string | string[] | undefined>;

/** A page's `searchParams` as the browser's URLSearchParams (what the
 * client's useSearchParams, and so its URL-state parser, reads). */
export function searchParamsOf(raw: RawSearchParams): URLSearchParams {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(raw)) {
    if (typeof v === "string") sp.set(k, v);
    // useSearchParams().get() answers a repeated key's first value.
    else if (Array.isArray(v) && v[0] !== undefined) sp.set(k, v[0]);
  }
  return sp;
}

/** The answer as the client would have received it from the route (Response.json):
 * Dates become ISO strings, undefined fields drop out. */
export const asJson = async <T>(p: Promise<T>): Promise<T> => JSON.parse(JSON.stringify((await p) ?? null)) as T;

/** Runs `fn` as a GET /api request of this user would (apiRoute): the user's
 * Fanvue reads count against their share of the creator's rate budget
 * (see lib/server/fanvue/request.ts), as the client's own calls would. */
export async function asMemberRead<T>(
  access: Pick<WorkspaceAccess, "workspace">,
  user: { id: string },
  fn: () => Promise<T>,
): Promise<T> {
  const shared = await workspaceIsShared(access.workspace.id);
  return requestContext.run(contextFor("GET", user, shared), fn);
}

/** Waits for the prefetches, but never past `ms`: a slow Fanvue must not
 * hold the page's content (the client's first render asks for whatever did
 * not finish, exactly as without prefetching). Failures are left to
 * Prefetched, which keeps only the queries that succeeded. */
export async function settleWithin(ms: number, tasks: Promise<unknown>[]): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([Promise.allSettled(tasks), new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}
