/** GET /api/workspaces/:id/creators-overview: one row per creator in scope. */
export type AgencyOverviewRow = {
  creator: { id: string; handle: string; displayName: string; avatarUrl: string | null };
  subscribers: number | null;
  unreadChats: number | null;
  unreadCapped: boolean;
  /** Counted in Vuedeck's copy of the creator's chat list, synced then (null: live, or not copied yet). */
  unreadSyncedAt: string | null;
  /** Gross cents in the viewer's zone from the ledger; null when hidden by role or not synced yet. */
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
  /** What the ledger behind the earnings covers (the least fresh creator's last sync); null: not synced yet. */
  earningsAsOf: string | null;
};
