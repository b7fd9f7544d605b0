import { QueryClient } from "@tanstack/react-query";
import { ApiClientError } from "./fetcher";

/** 20 s: long enough for a rate window to move on, short enough to feel live. */
const STALE_RETRY_MS = 20_000;

const isStaleAnswer = (d: unknown) => typeof d === "object" && d !== null && (d as { stale?: unknown }).stale === true;

export function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // 30 s: dashboards are read often; Fanvue data rarely changes faster,
        // and each refetch spends the creator's shared rate budget.
        staleTime: 30_000,
        // Retry transient failures only; auth and input errors will not heal.
        // A rate limit is not retried blindly: the widget shows it and
        // retries itself when the bucket refills (see ErrorState).
        retry: (count, err) =>
          count < 2 && err instanceof ApiClientError && err.isTransient && err.code !== "rate_limited",
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
