"use client";

import { Users } from "lucide-react";
import { useEffect, useMemo, useRef, type RefObject } from "react";
import { Alert } from "@/components/ui/alert";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { StaleNotice } from "@/components/ui/stale-notice";
import { useInbox, useTeamInbox } from "@/lib/queries/chats";
import { ApiClientError } from "@/lib/queries/fetcher";
import type { ChatRow as Row } from "@/lib/schemas/chats";
import { cn } from "@/lib/utils/cn";
import { ChatRow } from "./chat-row";
import { inboxListParams } from "./inbox-params";
import { InboxToolbar } from "./inbox-toolbar";
import { LiveBadge, useLive } from "./live-provider";
import { MirrorStatus, SyncedAgo } from "./mirror-status";
import type { InboxUrl } from "./use-inbox-params";

type Props = {
  creatorId: string;
  workspaceId: string;
  state: InboxUrl;
  set: (p: Record<string, string | null>) => void;
  onOpen: (row: Row) => void;
  onRows: (rows: Row[]) => void;
  searchRef: RefObject<HTMLInputElement | null>;
  teamAvailable: boolean;
  creatorHandle: string;
  className?: string;
};

function useRows(p: Props) {
  const { pollMs } = useLive();
  const params = inboxListParams(p.state);
  const one = useInbox(p.creatorId, params, pollMs("inbox"), !p.state.team);
  const team = useTeamInbox(p.workspaceId, params, pollMs("inbox"), p.state.team);
  const q = p.state.team ? team : one;
  const rows = useMemo<Row[]>(
    () =>
      p.state.team
        ? (team.data?.pages.flatMap((pg) => pg.items) ?? [])
        : (one.data?.pages.flatMap((pg) => pg.items) ?? []),
    [p.state.team, team.data, one.data],
  );
  return { q, rows, first: one.data?.pages[0], teamFirst: team.data?.pages[0] };
}

function useEndlessScroll(q: ReturnType<typeof useRows>["q"]) {
  const sentinel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = sentinel.current;
    if (!el) return;
    const io = new IntersectionObserver(
      (e) => e[0]?.isIntersecting && q.hasNextPage && !q.isFetchingNextPage && void q.fetchNextPage(),
      { rootMargin: "200px" },
    );
    io.observe(el);
    return () => io.disconnect();
  }, [q]);
  return sentinel;
}

type Query = ReturnType<typeof useRows>["q"];
type First = ReturnType<typeof useRows>["first"];
type TeamFirst = ReturnType<typeof useRows>["teamFirst"];
type Mirror = NonNullable<First>["mirror"] | null;

/** The chat list: header with unread total, toolbar, rows, endless scroll. */
export function ChatList(p: Props) {
  const { q, rows, first, teamFirst } = useRows(p);
  const sentinel = useEndlessScroll(q);
  const { onRows } = p;
  useEffect(() => onRows(rows), [rows, onRows]);
  // An agency's inbox (and any team inbox) is Vuedeck's copy: say how fresh.
  const mirror = p.state.team ? null : (first?.mirror ?? null);
  const syncedAt = p.state.team ? (teamFirst?.syncedAt ?? null) : (mirror?.syncedAt ?? null);
  // Fanvue's sign-in has ended: never "Live" (the list is the last copy).
  const reauth =
    Boolean(p.state.team ? teamFirst?.reauth : first?.reauth) ||
    (q.error instanceof ApiClientError && q.error.code === "fanvue_reauth");
  return (
    <section className={cn("flex min-h-0 flex-col bg-surface", p.className)} aria-label="Chats">
      <ListHeader unread={p.state.team ? undefined : first?.unread} reauth={reauth} />
      {syncedAt ? (
        <div className="px-3 pt-1">
          <SyncedAgo syncedAt={syncedAt} fullSyncedAt={mirror?.fullSyncedAt} listSyncedAt={mirror?.list?.syncedAt} />
        </div>
      ) : null}
      {p.teamAvailable ? <TeamToggle team={p.state.team} set={p.set} /> : null}
      <InboxToolbar
        creatorId={p.creatorId}
        state={p.state}
        set={p.set}
        searchRef={p.searchRef}
        team={p.state.team}
        mirrored={p.state.team || Boolean(mirror)}
      />
      <div
        className={cn("min-h-0 flex-1 overflow-y-auto transition-opacity", q.isPlaceholderData && "opacity-50")}
        data-testid="chat-list"
        aria-busy={q.isPlaceholderData || q.isPending}
      >
        <ListNotices p={p} q={q} first={first} teamFirst={teamFirst} mirror={mirror} />
        <ListBody p={p} q={q} rows={rows} mirror={mirror} />
        <div ref={sentinel} className="h-6" />
        {q.isFetchingNextPage ? <p className="pb-3 text-center text-xs text-muted">Loading more…</p> : null}
      </div>
    </section>
  );
}

function ListHeader({ unread, reauth }: { unread: NonNullable<First>["unread"] | undefined; reauth: boolean }) {
  return (
    <header className="flex flex-wrap items-center gap-x-2 gap-y-1 px-3 pt-3">
      <h1 className="text-lg font-semibold">Chats</h1>
      {unread ? (
        <span
          className="tabular rounded-full bg-brand-600 px-2 py-0.5 text-xs font-semibold text-white"
          data-testid="unread-total"
          title="Chats with unread messages"
        >
          {unread.chats}
          {unread.capped ? "+" : ""} unread
        </span>
      ) : null}
      <span className="ml-auto">
        <LiveBadge reauth={reauth} />
      </span>
    </header>
  );
}

function TeamToggle({ team, set }: { team: boolean; set: Props["set"] }) {
  return (
    <div className="px-3 pt-2">
      <button
        type="button"
        onClick={() => set({ team: team ? null : "1", chat: null, cc: null, list: null })}
        aria-pressed={team}
        data-testid="team-toggle"
        className={cn(
          "inline-flex items-center gap-1.5 rounded-lg border px-2.5 py-1 text-xs font-medium touch:min-h-11",
          team ? "border-brand-600 bg-brand-50 text-brand-800" : "border-line text-ink hover:bg-canvas",
        )}
      >
        <Users className="size-3.5" aria-hidden="true" />
        {team ? "Team inbox: all my creators" : "Show all my creators"}
      </button>
    </div>
  );
}

/** Above the rows: stale data, Fanvue's note, the copy's status, creators still being copied. */
function ListNotices({
  p,
  q,
  first,
  teamFirst,
  mirror,
}: {
  p: Props;
  q: Query;
  first: First;
  teamFirst: TeamFirst;
  mirror: Mirror;
}) {
  return (
    <>
      {first?.stale ? (
        <div className="p-3">
          <StaleNotice fetchedAt={first.fetchedAt} reauth={first.reauth} onRetry={() => void q.refetch()} />
        </div>
      ) : null}
      {!p.state.team && first?.note ? <p className="px-3 pt-2 text-xs text-muted">{first.note}</p> : null}
      {mirror ? (
        <div className="px-3 pt-3 empty:hidden">
          <MirrorStatus mirror={mirror} creatorHandle={p.creatorHandle} />
        </div>
      ) : null}
      {p.state.team && teamFirst?.failed.length ? (
        <div className="p-3">
          <Alert
            tone="info"
            title={`Not in this list yet: ${teamFirst.failed.map((c) => `@${c.handle}`).join(", ")}`}
            data-testid="team-pending"
          >
            Vuedeck is still copying their chats (or this filter&apos;s list) from Fanvue; they appear here when that
            finishes.
          </Alert>
        </div>
      ) : null}
    </>
  );
}

/** The rows, or loading, an error, or why there are none. */
function ListBody({ p, q, rows, mirror }: { p: Props; q: Query; rows: Row[]; mirror: Mirror }) {
  const open = p.state.team ? `${p.state.chatCreator}:${p.state.chat}` : p.state.chat;
  if (q.isPending) return <ListSkeleton />;
  if (q.isError && rows.length === 0)
    return (
      <div className="p-3">
        <ErrorState error={q.error} onRetry={() => void q.refetch()} what="chats" />
      </div>
    );
  if (rows.length === 0)
    // While the copy (or a list) is still being read, "no chats" would be a guess.
    return mirror?.syncing || mirror?.list?.pending ? null : (
      <p className="p-6 text-center text-sm text-muted" data-testid="chats-empty">
        {p.state.search ? `No chats match “${p.state.search}”.` : "No chats here."}
      </p>
    );
  return (
    <ul className="divide-y divide-line">
      {rows.map((r) => {
        const id = p.state.team ? `${r.creator?.id}:${r.fanUuid}` : r.fanUuid;
        return (
          <li key={id}>
            <ChatRow row={r} active={open === id} onOpen={() => p.onOpen(r)} showCreator={p.state.team} />
          </li>
        );
      })}
    </ul>
  );
}

function ListSkeleton() {
  return (
    <div className="flex flex-col gap-1 p-3" aria-busy="true" aria-label="Loading chats">
      {Array.from({ length: 8 }, (_, i) => (
        <div key={i} className="flex items-center gap-3 py-2">
          <Skeleton className="size-10 rounded-full" />
          <div className="flex flex-1 flex-col gap-1.5">
            <Skeleton className="h-3.5 w-32" />
            <Skeleton className="h-3 w-48" />
          </div>
        </div>
      ))}
    </div>
  );
}
