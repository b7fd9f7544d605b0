import { QueryClient } from "@tanstack/react-query";
import { ApiClientError } from "./fetcher";

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
        retry: (count, err) => count < 2 && err instanceof ApiClientError && err.isTransient && err.code !== "rate_limited",
        // Refocusing a tab should show fresh numbers, within staleTime.
        refetchOnWindowFocus: true,
      },
      mutations: { retry: false },
    },
  });
}
