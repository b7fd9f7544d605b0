import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import type { AnalysisView, FanNoteView, FanPanel, FansPage, Forecast, ForecastDayFans, RosterView, SegmentKind, SegmentParams, SegmentView, TagCount } from "@/lib/schemas/fans";
import { apiFetch } from "./fetcher";

// Fans: table pages, the fan panel, notes/tags, segments, analysis, forecast.

export type FansParams = Record<string, string>;

export const fanKeys = {
  all: (c: string) => ["creators", c, "fans"] as const,
  lists: (c: string) => [...fanKeys.all(c), "list"] as const,
  list: (c: string, p: FansParams) => [...fanKeys.lists(c), p] as const,
  panel: (c: string, f: string) => [...fanKeys.all(c), "panel", f] as const,
  tags: (c: string) => [...fanKeys.all(c), "tags"] as const,
  segments: (c: string) => [...fanKeys.all(c), "segments"] as const,
  analysis: (c: string) => [...fanKeys.all(c), "analysis"] as const,
  roster: (c: string) => [...fanKeys.all(c), "roster"] as const,
  forecast: (c: string, tz: string, days: number) => [...fanKeys.all(c), "forecast", tz, days] as const,
  forecastDay: (c: string, tz: string, day: string) => [...fanKeys.all(c), "forecast-day", tz, day] as const,
};

const base = (c: string) => `/api/creators/${c}/fans`;

export const useFans = (creatorId: string, params: FansParams) =>
  useQuery({
    queryKey: fanKeys.list(creatorId, params),
    queryFn: () => apiFetch<FansPage>(`${base(creatorId)}?${new URLSearchParams(params)}`),
    // Keep the current page on screen while the next one loads.
    placeholderData: keepPreviousData,
    // Stale rows are being refreshed in the background: pick the result up.
    refetchInterval: (q) => (q.state.data?.rows.some((r) => r.insight.refreshing) ? 3_000 : false),
  });

/** Polls while Fanvue's answer is being refreshed or a retry is scheduled, so
 * the panel updates by itself. */
export const fanPanelQuery = (creatorId: string, fanUuid: string) =>
  queryOptions({
    queryKey: fanKeys.panel(creatorId, fanUuid),
    queryFn: () => apiFetch<FanPanel>(`${base(creatorId)}/${fanUuid}`),
    refetchInterval: (q) => {
      const i = q.state.data?.insight;
      if (!i) return false;
      if (i.refreshing) return 2_000; // a background refresh lands within a call or two
      if (i.state === "error" && i.retryAt) return Math.max(2_000, Date.parse(i.retryAt) - Date.now() + 500);
      return false;
    },
  });
export const useFanPanel = (creatorId: string, fanUuid: string) => useQuery(fanPanelQuery(creatorId, fanUuid));

export const useFanTags = (creatorId: string) => useQuery({ queryKey: fanKeys.tags(creatorId), queryFn: () => apiFetch<TagCount[]>(`${base(creatorId)}/tags`) });
export const useSegments = (creatorId: string) => useQuery({ queryKey: fanKeys.segments(creatorId), queryFn: () => apiFetch<SegmentView[]>(`${base(creatorId)}/segments`) });

export const useAnalysis = (creatorId: string) =>
  useQuery({
    queryKey: fanKeys.analysis(creatorId),
    queryFn: () => apiFetch<AnalysisView>(`${base(creatorId)}/analysis`),
    // 2 s while running: a smooth progress bar for one cheap database read.
    refetchInterval: (q) => (q.state.data?.status === "running" || q.state.data?.status === "queued" ? 2_000 : false),
  });

/** The roster's freshness, polled while a sync runs (a cheap database read);
 * when a sync finishes, every table view is refetched from the new roster. */
export function useRoster(creatorId: string) {
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: fanKeys.roster(creatorId),
    queryFn: () => apiFetch<RosterView>(`${base(creatorId)}/roster`),
    // 3 s while syncing: a live progress bar; a minute otherwise, so the
    // head check's "checked just now" and a new sync show up by themselves.
    refetchInterval: (query) => (query.state.data?.status === "running" ? 3_000 : 60_000),
  });
  const prev = useRef(q.data?.status);
  useEffect(() => {
    if (prev.current === "running" && q.data?.status !== "running") void qc.invalidateQueries({ queryKey: fanKeys.lists(creatorId) });
    prev.current = q.data?.status;
  }, [q.data?.status, creatorId, qc]);
  return q;
}

/** "Sync now": a full re-sync of the roster (owners and managers). */
export function useRosterSync(creatorId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<RosterView>(`${base(creatorId)}/roster`, { method: "POST", json: {} }),
    onSuccess: (r) => qc.setQueryData(fanKeys.roster(creatorId), r),
  });
}

export const useForecast = (creatorId: string, tz: string, days = 30) =>
  useQuery({ queryKey: fanKeys.forecast(creatorId, tz, days), queryFn: () => apiFetch<Forecast>(`${base(creatorId)}/forecast?${new URLSearchParams({ tz, days: String(days) })}`) });

export const useForecastDay = (creatorId: string, tz: string, day: string | null) =>
  useQuery({
    queryKey: fanKeys.forecastDay(creatorId, tz, day ?? ""),
    queryFn: () => apiFetch<ForecastDayFans>(`${base(creatorId)}/forecast?${new URLSearchParams({ tz, day: day! })}`),
    enabled: day !== null,
  });

export function useFanMutations(creatorId: string, fanUuid: string) {
  const qc = useQueryClient();
  const url = `${base(creatorId)}/${fanUuid}`;
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: fanKeys.panel(creatorId, fanUuid) });
    void qc.invalidateQueries({ queryKey: fanKeys.lists(creatorId) });
    void qc.invalidateQueries({ queryKey: fanKeys.tags(creatorId) });
  };
  return {
    addNote: useMutation({ mutationFn: (body: string) => apiFetch<FanNoteView>(`${url}/notes`, { method: "POST", json: { body } }), onSuccess: refresh }),
    updateNote: useMutation({
      mutationFn: ({ id, body }: { id: string; body: string }) => apiFetch<FanNoteView>(`${url}/notes/${id}`, { method: "PATCH", json: { body } }),
      onSuccess: refresh,
    }),
    deleteNote: useMutation({ mutationFn: (id: string) => apiFetch(`${url}/notes/${id}`, { method: "DELETE" }), onSuccess: refresh }),
    addTag: useMutation({ mutationFn: (tag: string) => apiFetch<{ tags: string[] }>(`${url}/tags`, { method: "POST", json: { tag } }), onSuccess: refresh }),
    removeTag: useMutation({ mutationFn: (tag: string) => apiFetch<{ tags: string[] }>(`${url}/tags/${encodeURIComponent(tag)}`, { method: "DELETE" }), onSuccess: refresh }),
  };
}

export function useSegmentMutations(creatorId: string) {
  const qc = useQueryClient();
  const refresh = () => void qc.invalidateQueries({ queryKey: fanKeys.segments(creatorId) });
  return {
    create: useMutation({
      mutationFn: (s: { name: string; kind: SegmentKind; params: SegmentParams }) => apiFetch<SegmentView>(`${base(creatorId)}/segments`, { method: "POST", json: s }),
      onSuccess: refresh,
    }),
    remove: useMutation({ mutationFn: (id: string) => apiFetch(`${base(creatorId)}/segments/${id}`, { method: "DELETE" }), onSuccess: refresh }),
  };
}

export function useAnalysisMutations(creatorId: string) {
  const qc = useQueryClient();
  const set = (a: AnalysisView) => {
    qc.setQueryData(fanKeys.analysis(creatorId), a);
    void qc.invalidateQueries({ queryKey: fanKeys.all(creatorId) });
  };
  return {
    start: useMutation({ mutationFn: () => apiFetch<AnalysisView>(`${base(creatorId)}/analysis`, { method: "POST", json: {} }), onSuccess: set }),
    cancel: useMutation({ mutationFn: () => apiFetch<AnalysisView>(`${base(creatorId)}/analysis`, { method: "DELETE" }), onSuccess: set }),
  };
}
