import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import type { BodyOf } from "@/lib/contracts/contract";
import {
  fanAnalysis,
  fanAnalysisCancel,
  fanAnalysisStart,
  fanForecast,
  fanNoteAdd,
  fanNoteDelete,
  fanNoteEdit,
  fanRoster,
  fanRosterSync,
  fansList,
  fanSegmentCreate,
  fanSegmentDelete,
  fanSegments,
  fanTagAdd,
  fanTagRemove,
  fanTags,
} from "@/lib/contracts/client/fans";
import type { AnalysisView, Forecast, ForecastDayFans } from "@/lib/schemas/fans";
import { isForecastDay } from "@/lib/schemas/fans-values";
import { callApi } from "./call";
import { fanKeys, fanPanelQuery, type FansParams } from "./fan-keys";

// Fans: table pages, the fan panel, notes/tags, segments, analysis, forecast.

export { fanKeys, fanPanelQuery, type FansParams } from "./fan-keys";

export const useFans = (creatorId: string, params: FansParams) =>
  useQuery({
    queryKey: fanKeys.list(creatorId, params),
    queryFn: () => callApi(fansList, { params: { creatorId }, query: new URLSearchParams(params) }),
    // Keep the current page on screen while the next one loads.
    placeholderData: keepPreviousData,
    // Stale rows are being refreshed in the background: pick the result up;
    // the roster standing in for Fanvue's failed list: ask Fanvue again soon.
    refetchInterval: (q) =>
      q.state.data?.rows.some((r) => r.insight.refreshing) ? 3_000 : q.state.data?.fallback ? 20_000 : false,
  });

export const useFanPanel = (creatorId: string, fanUuid: string) => useQuery(fanPanelQuery(creatorId, fanUuid));

export const useFanTags = (creatorId: string) =>
  useQuery({ queryKey: fanKeys.tags(creatorId), queryFn: () => callApi(fanTags, { params: { creatorId } }) });
export const useSegments = (creatorId: string) =>
  useQuery({ queryKey: fanKeys.segments(creatorId), queryFn: () => callApi(fanSegments, { params: { creatorId } }) });

export const useAnalysis = (creatorId: string) =>
  useQuery({
    queryKey: fanKeys.analysis(creatorId),
    queryFn: () => callApi(fanAnalysis, { params: { creatorId } }),
    // 2 s while running: a smooth progress bar for one cheap database read.
    refetchInterval: (q) => (q.state.data?.status === "running" || q.state.data?.status === "queued" ? 2_000 : false),
  });

/** The roster's freshness, polled while a sync runs (a cheap database read);
 * when a sync finishes, every table view is refetched from the new roster. */
export function useRoster(creatorId: string) {
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: fanKeys.roster(creatorId),
    queryFn: () => callApi(fanRoster, { params: { creatorId } }),
    // 3 s while syncing: a live progress bar; a minute otherwise, so the
    // head check's "checked just now" and a new sync show up by themselves.
    refetchInterval: (query) => (query.state.data?.status === "running" ? 3_000 : 60_000),
  });
  const prev = useRef(q.data?.status);
  useEffect(() => {
    if (prev.current === "running" && q.data?.status !== "running")
      void qc.invalidateQueries({ queryKey: fanKeys.lists(creatorId) });
    prev.current = q.data?.status;
  }, [q.data?.status, creatorId, qc]);
  return q;
}

/** "Sync now": a full re-sync of the roster (owners and managers). */
export function useRosterSync(creatorId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => callApi(fanRosterSync, { params: { creatorId }, body: {} }),
    onSuccess: (r) => qc.setQueryData(fanKeys.roster(creatorId), r),
  });
}

/** The route answers a day's fans only when asked for one (`day`). */
const onlyForecast = (r: Forecast | ForecastDayFans) => {
  if (isForecastDay(r)) throw new TypeError("forecast: a day's fans answered for the whole forecast");
  return r;
};
const onlyDay = (r: Forecast | ForecastDayFans) => {
  if (!isForecastDay(r)) throw new TypeError("forecast: the whole forecast answered for one day");
  return r;
};

export const useForecast = (creatorId: string, tz: string, days = 30) =>
  useQuery({
    queryKey: fanKeys.forecast(creatorId, tz, days),
    queryFn: async () => onlyForecast(await callApi(fanForecast, { params: { creatorId }, query: { tz, days } })),
  });

export const useForecastDay = (creatorId: string, tz: string, day: string | null) =>
  useQuery({
    queryKey: fanKeys.forecastDay(creatorId, tz, day ?? ""),
    queryFn: async () => onlyDay(await callApi(fanForecast, { params: { creatorId }, query: { tz, day: day! } })),
    enabled: day !== null,
  });

export function useFanMutations(creatorId: string, fanUuid: string) {
  const qc = useQueryClient();
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: fanKeys.panel(creatorId, fanUuid) });
    void qc.invalidateQueries({ queryKey: fanKeys.lists(creatorId) });
    void qc.invalidateQueries({ queryKey: fanKeys.tags(creatorId) });
  };
  return {
    addNote: useMutation({
      mutationFn: (body: string) => callApi(fanNoteAdd, { params: { creatorId, fanUuid }, body: { body } }),
      onSuccess: refresh,
    }),
    updateNote: useMutation({
      mutationFn: ({ id, body }: { id: string; body: string }) =>
        callApi(fanNoteEdit, { params: { creatorId, fanUuid, noteId: id }, body: { body } }),
      onSuccess: refresh,
    }),
    deleteNote: useMutation({
      mutationFn: (id: string) => callApi(fanNoteDelete, { params: { creatorId, fanUuid, noteId: id }, body: {} }),
      onSuccess: refresh,
    }),
    addTag: useMutation({
      mutationFn: (tag: string) => callApi(fanTagAdd, { params: { creatorId, fanUuid }, body: { tag } }),
      onSuccess: refresh,
    }),
    removeTag: useMutation({
      mutationFn: (tag: string) => callApi(fanTagRemove, { params: { creatorId, fanUuid, tag }, body: {} }),
      onSuccess: refresh,
    }),
  };
}

export function useSegmentMutations(creatorId: string) {
  const qc = useQueryClient();
  const refresh = () => void qc.invalidateQueries({ queryKey: fanKeys.segments(creatorId) });
  return {
    create: useMutation({
      mutationFn: (s: BodyOf<typeof fanSegmentCreate>) => callApi(fanSegmentCreate, { params: { creatorId }, body: s }),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: (id: string) => callApi(fanSegmentDelete, { params: { creatorId, segmentId: id }, body: {} }),
      onSuccess: refresh,
    }),
  };
}

export function useAnalysisMutations(creatorId: string) {
  const qc = useQueryClient();
  const set = (a: AnalysisView) => {
    qc.setQueryData(fanKeys.analysis(creatorId), a);
    void qc.invalidateQueries({ queryKey: fanKeys.all(creatorId) });
  };
  return {
    start: useMutation({
      mutationFn: () => callApi(fanAnalysisStart, { params: { creatorId }, body: {} }),
      onSuccess: set,
    }),
    cancel: useMutation({
      mutationFn: () => callApi(fanAnalysisCancel, { params: { creatorId }, body: {} }),
      onSuccess: set,
    }),
  };
}
