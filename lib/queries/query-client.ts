import { QueryClient } from "@tanstack/react-query";
import { ApiClientError } from "./fetcher";

/** 20 s: long enough for a rate window to move on, short enough to feel live. */
export const STALE_RETRY_MS = 20_000;
/** One quick silent retry for a request that never reached Vuedeck (a blip). */
const NETWORK_RETRY_MS = 500;

const isStaleAnswer = (d: unknown) => typeof d === "object" && d !== null && (d as { stale?: unknown }).stale === true;

/** Whether a failed query is tried again silently, before the error shows.
 * Only a request that never reached Vuedeck, once: the server already
 * retried Fanvue (3 attempts with backoff), so retrying its 502/503 here
 * multiplied the wait — fans and vault sat on skeletons for 10–15 s before
 * saying anything. Those errors show at once instead, and the widget
 * retries by itself with a visible countdown (ErrorState, RefreshError). */
export const shouldRetry = (count: number, err: unknown) =>
  count < 1 && err instanceof ApiClientError && err.code === "network";

export function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // 30 s: dashboards are read often; Fanvue data rarely changes faster,
        // and each refetch spends the creator's shared rate budget.
        staleTime: 30_000,
        retry: shouldRetry,
        retryDelay: NETWORK_RETRY_MS,
        // Refocusing a tab should show fresh numbers, within staleTime.
        refetchOnWindowFocus: true,
        // An answer the server marked stale (Fanvue failed or the rate budget
        // was spent; the last good data is shown with its age) is tried again
        // by itself. Queries with their own interval keep theirs.
        refetchInterval: (q) => (isStaleAnswer(q.state.data) ? STALE_RETRY_MS : false),
      },
      mutations: { retry: false },
    },
  });
}
