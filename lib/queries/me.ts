import { queryOptions, useQuery } from "@tanstack/react-query";
import type { AccountSummary } from "@/lib/schemas/account";
import type { Snapshot } from "@/lib/schemas/snapshot";
import { apiFetch } from "./fetcher";

export const meKeys = { all: ["me"] as const };

export const meQuery = () =>
  queryOptions({
    queryKey: meKeys.all,
    queryFn: () => apiFetch<Snapshot<AccountSummary>>("/api/me"),
  });

export const useMe = () => useQuery(meQuery());
