import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { BodyOf, QueryOf } from "@/lib/contracts/contract";
import * as auto from "@/lib/contracts/client/automations";
import { callApi } from "./call";

// Automations of a creator: the list with counts, create/edit, pause/resume,
// delete, and each automation's log.

export const automationKeys = {
  all: (creatorId: string) => ["creators", creatorId, "automations"] as const,
  runs: (creatorId: string, id: string, q: QueryOf<typeof auto.automationRuns>) =>
    [...automationKeys.all(creatorId), "runs", id, q] as const,
};

export const useAutomations = (creatorId: string) =>
  useQuery({
    queryKey: automationKeys.all(creatorId),
    queryFn: () => callApi(auto.automations, { params: { creatorId } }),
    // New runs arrive from webhooks: the counts stay current while the page is open.
    refetchInterval: 15_000,
  });

export const useAutomationRuns = (creatorId: string, id: string, q: QueryOf<typeof auto.automationRuns>) =>
  useQuery({
    queryKey: automationKeys.runs(creatorId, id, q),
    queryFn: () => callApi(auto.automationRuns, { params: { creatorId, automationId: id }, query: q }),
    refetchInterval: 10_000,
  });

/** Who it would go to now (fetched when asked: it reads the ledger or the week's events). */
export const useAutomationPreview = (creatorId: string, id: string | null) =>
  useQuery({
    queryKey: [...automationKeys.all(creatorId), "preview", id],
    queryFn: () => callApi(auto.automationPreview, { params: { creatorId, automationId: id! } }),
    enabled: id !== null,
  });

function useInvalidate(creatorId: string) {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: automationKeys.all(creatorId) });
}

export type AutomationBodyInput = BodyOf<typeof auto.automationCreate>;

/** Creates (no id) or saves (id) an automation. */
export function useSaveAutomation(creatorId: string) {
  const invalidate = useInvalidate(creatorId);
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: AutomationBodyInput }) =>
      id
        ? callApi(auto.automationUpdate, { params: { creatorId, automationId: id }, body })
        : callApi(auto.automationCreate, { params: { creatorId }, body }),
    onSuccess: invalidate,
  });
}

export function useAutomationStatus(creatorId: string) {
  const invalidate = useInvalidate(creatorId);
  return useMutation({
    mutationFn: ({ id, status }: { id: string; status: "active" | "paused" }) =>
      callApi(auto.automationStatus, { params: { creatorId, automationId: id }, body: { status } }),
    onSuccess: invalidate,
  });
}

export function useDeleteAutomation(creatorId: string) {
  const invalidate = useInvalidate(creatorId);
  return useMutation({
    mutationFn: (id: string) => callApi(auto.automationDelete, { params: { creatorId, automationId: id } }),
    onSuccess: invalidate,
  });
}
