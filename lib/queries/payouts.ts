import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { BodyOf, QueryOf } from "@/lib/contracts/contract";
import * as pay from "@/lib/contracts/client/payouts";
import { callApi, hrefOf } from "./call";

export type PeriodParams = QueryOf<typeof pay.workspacePayouts>;
export type ShiftsParams = QueryOf<typeof pay.workspaceShifts>;

export const payoutKeys = {
  all: (workspaceId: string) => ["payouts", workspaceId] as const,
  list: (workspaceId: string, q: PeriodParams) => [...payoutKeys.all(workspaceId), "list", q] as const,
  statement: (workspaceId: string, userId: string, q: PeriodParams) =>
    [...payoutKeys.all(workspaceId), "statement", userId, q] as const,
  shifts: (workspaceId: string, q: ShiftsParams) => [...payoutKeys.all(workspaceId), "shifts", q] as const,
  current: (workspaceId: string) => [...payoutKeys.all(workspaceId), "current"] as const,
};

export const usePayouts = (workspaceId: string, q: PeriodParams) =>
  useQuery({
    queryKey: payoutKeys.list(workspaceId, q),
    queryFn: () => callApi(pay.workspacePayouts, { params: { workspaceId }, query: q }),
    placeholderData: keepPreviousData,
  });

export const useStatement = (workspaceId: string, userId: string, q: PeriodParams) =>
  useQuery({
    queryKey: payoutKeys.statement(workspaceId, userId, q),
    queryFn: () => callApi(pay.payoutStatement, { params: { workspaceId, userId }, query: q }),
    placeholderData: keepPreviousData,
  });

export const useShifts = (workspaceId: string, q: ShiftsParams) =>
  useQuery({
    queryKey: payoutKeys.shifts(workspaceId, q),
    queryFn: () => callApi(pay.workspaceShifts, { params: { workspaceId }, query: q }),
    placeholderData: keepPreviousData,
  });

export const useCurrentShift = (workspaceId: string) =>
  useQuery({
    queryKey: payoutKeys.current(workspaceId),
    queryFn: () => callApi(pay.currentShift, { params: { workspaceId } }),
  });

/** Clock in / out / heartbeat: each answers the member's shift; everything about pay is refreshed. */
export function useClock(workspaceId: string) {
  const qc = useQueryClient();
  const done = () => qc.invalidateQueries({ queryKey: payoutKeys.all(workspaceId) });
  return {
    clockIn: useMutation({
      mutationFn: () => callApi(pay.clockIn, { params: { workspaceId }, body: {} }),
      onSettled: done,
    }),
    clockOut: useMutation({
      mutationFn: () => callApi(pay.clockOut, { params: { workspaceId }, body: {} }),
      onSettled: done,
    }),
    heartbeat: useMutation({
      mutationFn: () => callApi(pay.shiftHeartbeat, { params: { workspaceId }, body: {} }),
      onSuccess: (current) => {
        qc.setQueryData(payoutKeys.current(workspaceId), current);
        if (!current.shift) void done();
      },
    }),
  };
}

export function useSetRule(workspaceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, body }: { userId: string; body: BodyOf<typeof pay.setCommissionRule> }) =>
      callApi(pay.setCommissionRule, { params: { workspaceId, userId }, body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: payoutKeys.all(workspaceId) }),
  });
}

export function useMarkPaid(workspaceId: string, userId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (q: PeriodParams) => callApi(pay.markStatementPaid, { params: { workspaceId, userId }, query: q }),
    onSuccess: () => qc.invalidateQueries({ queryKey: payoutKeys.all(workspaceId) }),
  });
}

export function useCorrectShift(workspaceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ shiftId, body }: { shiftId: string; body: BodyOf<typeof pay.correctShift> }) =>
      callApi(pay.correctShift, { params: { workspaceId, shiftId }, body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: payoutKeys.all(workspaceId) }),
  });
}

export const statementCsvHref = (workspaceId: string, userId: string, q: PeriodParams) =>
  hrefOf(pay.payoutStatementExport, { params: { workspaceId, userId }, query: q });

export function useSetIdleMinutes(workspaceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (idleMinutes: number) => callApi(pay.shiftSettings, { params: { workspaceId }, body: { idleMinutes } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: payoutKeys.all(workspaceId) }),
  });
}

export const agencyShareKeys = {
  all: (creatorId: string) => ["agency-share", creatorId] as const,
  statement: (creatorId: string, q: PeriodParams) => [...agencyShareKeys.all(creatorId), q] as const,
};

/** What the agency takes from this creator for a period. */
export const useAgencyShare = (creatorId: string, q: PeriodParams) =>
  useQuery({
    queryKey: agencyShareKeys.statement(creatorId, q),
    queryFn: () => callApi(pay.agencyShare, { params: { creatorId }, query: q }),
    placeholderData: keepPreviousData,
  });

export function useSetAgencyShare(creatorId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof pay.setAgencyShare>) =>
      callApi(pay.setAgencyShare, { params: { creatorId }, body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: agencyShareKeys.all(creatorId) }),
  });
}

export const agencyShareCsvHref = (creatorId: string, q: PeriodParams) =>
  hrefOf(pay.agencyShareExport, { params: { creatorId }, query: q });
