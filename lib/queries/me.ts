import { queryOptions, useQuery } from "@tanstack/react-query";
import type { AccountSummary } from "@/lib/schemas/account";
import { apiFetch } from "./fetcher";

export const meKeys = { all: ["me"] as const };

export const meQuery = () =>
  queryOptions({
    queryKey: meKeys.all,
    queryFn: () => apiFetch<AccountSummary>("/api/me"),
  });

export const useMe = () => useQuery(meQuery());
