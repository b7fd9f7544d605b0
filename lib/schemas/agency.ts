/** GET /api/workspaces/:id/creators-overview: one row per creator in scope. */
export type AgencyOverviewRow = {
  creator: { id: string; handle: string; displayName: string; avatarUrl: string | null };
  subscribers: number | null;
  unreadChats: number | null;
  unreadCapped: boolean;
  /** Gross cents (UTC days as Fanvue buckets them); null when hidden by role or unavailable. */
  earningsToday: number | null;
  earnings30d: number | null;
  stale: boolean;
  error: string | null;
};

export type AgencyOverview = {
  rows: AgencyOverviewRow[];
  showEarnings: boolean;
  totals: { subscribers: number; unreadChats: number; earningsToday: number | null; earnings30d: number | null };
  earningsNote: string;
};
