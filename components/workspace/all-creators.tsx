"use client";

import { AsOf } from "@/components/earnings/as-of";
import { ChevronRight } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { DataTable, type Column } from "@/components/ui/data-table";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { useAgencyOverview } from "@/lib/queries/workspaces";
import type { AgencyOverviewRow } from "@/lib/schemas/agency";
import { formatCount, formatMoney } from "@/lib/utils/format";
import { formatAgo } from "@/lib/utils/time";
import { useViewer } from "@/components/viewer/viewer";

const money = (v: number | null) => (v === null ? "—" : formatMoney(v));
const count = (v: number | null, capped = false) => (v === null ? "—" : `${formatCount(v)}${capped ? "+" : ""}`);

export function AllCreators({
  workspaceId,
  name,
  lastCreator,
  gettingStarted,
}: {
  workspaceId: string;
  name: string;
  lastCreator: { id: string; displayName: string } | null;
  /** The onboarding card, under the heading. */
  gettingStarted?: ReactNode;
}) {
  const { data, error, isPending, refetch } = useAgencyOverview(workspaceId, useViewer().zone);
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">All creators</h1>
        <p className="mt-1 text-sm text-muted">{name}: every creator you manage, at a glance.</p>
        {lastCreator ? (
          <Link
            href={`/c/${lastCreator.id}`}
            className="mt-2 inline-flex items-center gap-1 text-sm font-medium text-brand-700 hover:underline touch:min-h-11"
            data-testid="continue-creator"
          >
            Continue with {lastCreator.displayName}
            <ChevronRight className="size-4" aria-hidden="true" />
          </Link>
        ) : null}
      </div>
      {isPending ? (
        <Skeleton className="h-64 rounded-xl" />
      ) : !data ? (
        <ErrorState error={error} onRetry={() => void refetch()} what="the creators overview" />
      ) : data.rows.length === 0 ? (
        <Card className="p-6 text-sm text-muted">
          No creators in your scope yet. Ask the workspace owner to give you access.
        </Card>
      ) : (
        <>
          <CreatorsTable data={data} />
          <div className="flex flex-col gap-3 md:hidden">
            {data.rows.map((r) => (
              <CreatorCard key={r.creator.id} row={r} showEarnings={data.showEarnings} />
            ))}
          </div>
          {data.showEarnings ? (
            <p className="text-xs text-muted">
              Earnings: {data.earningsNote}{" "}
              <AsOf at={data.earningsAsOf} testId="all-creators-earnings-as-of" sentence />
            </p>
          ) : null}
          <UnreadNote rows={data.rows} />
        </>
      )}
      {/* Last: it appears only once the browser has told what this device has done; nothing is pushed down. */}
      {gettingStarted}
    </div>
  );
}

type Overview = NonNullable<ReturnType<typeof useAgencyOverview>["data"]>;

/** Wide screens: one row per creator, then the totals. */
function CreatorsTable({ data }: { data: Overview }) {
  const t = data.totals;
  const earnings: Column<AgencyOverviewRow>[] = data.showEarnings
    ? [
        {
          id: "today",
          header: "Today",
          numeric: true,
          footer: money(t.earningsToday),
          cell: (r) => money(r.earningsToday),
        },
        {
          id: "30d",
          header: "Last 30 days",
          numeric: true,
          footer: money(t.earnings30d),
          cell: (r) => money(r.earnings30d),
        },
      ]
    : [];
  const columns: Column<AgencyOverviewRow>[] = [
    { id: "creator", header: "Creator", footer: `Total (${data.rows.length})`, cell: (r) => <CreatorName row={r} /> },
    ...earnings,
    {
      id: "subscribers",
      header: "Subscribers",
      numeric: true,
      footer: formatCount(t.subscribers),
      cell: (r) => count(r.subscribers),
    },
    {
      id: "unread",
      header: "Unread chats",
      numeric: true,
      footer: formatCount(t.unreadChats),
      cell: (r) => count(r.unreadChats, r.unreadCapped),
    },
    {
      id: "go",
      header: <span className="sr-only">Open</span>,
      className: "w-8 text-right",
      footer: "",
      cell: () => <ChevronRight className="inline size-4 text-muted" aria-hidden="true" />,
    },
  ];
  return (
    <Card className="hidden overflow-hidden md:block">
      <DataTable
        columns={columns}
        rows={data.rows}
        rowKey={(r) => r.creator.id}
        density="comfortable"
        testId="creators-table"
        caption="Creators in this workspace"
        rowProps={(r) => ({ className: "hover:bg-canvas/60", "data-testid": `creator-row-${r.creator.handle}` })}
      />
    </Card>
  );
}

/** Narrow screens: one card per creator. */
function CreatorCard({ row: r, showEarnings }: { row: AgencyOverviewRow; showEarnings: boolean }) {
  return (
    <Link href={`/c/${r.creator.id}`} className="rounded-xl border border-line bg-surface p-4 shadow-sm">
      <div className="flex items-center gap-3">
        <Avatar src={r.creator.avatarUrl} name={r.creator.displayName} size="sm" />
        <div className="min-w-0 flex-1">
          <p className="truncate font-medium">{r.creator.displayName}</p>
          <p className="truncate text-xs text-muted">@{r.creator.handle}</p>
        </div>
        <ChevronRight className="size-4 text-muted" aria-hidden="true" />
      </div>
      <dl className="mt-3 grid grid-cols-2 gap-2 text-sm">
        {showEarnings ? <Cell label="Today" value={money(r.earningsToday)} /> : null}
        {showEarnings ? <Cell label="30 days" value={money(r.earnings30d)} /> : null}
        <Cell label="Subscribers" value={count(r.subscribers)} />
        <Cell label="Unread" value={count(r.unreadChats, r.unreadCapped)} />
      </dl>
      {r.error ? <p className="mt-2 text-xs text-red-700">Could not load from Fanvue: {r.error}</p> : null}
    </Link>
  );
}

/** Unread chats are counted in Vuedeck's copy of each chat list: say how old the oldest copy is. */
function UnreadNote({ rows }: { rows: AgencyOverviewRow[] }) {
  const viewer = useViewer();
  const synced = rows.map((r) => r.unreadSyncedAt).filter((v): v is string => v !== null);
  if (synced.length === 0) return null;
  const oldest = synced.reduce((a, b) => (a < b ? a : b));
  const pending = rows.some((r) => r.unreadChats === null && !r.error);
  return (
    <p className="text-xs text-muted" data-testid="unread-synced">
      Unread chats: from Vuedeck&apos;s copy of each creator&apos;s chats, synced {formatAgo(oldest, viewer)} or later.
      {pending ? " “—”: the first copy is still running." : ""}
    </p>
  );
}

function Cell({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt className="text-xs text-muted">{label}</dt>
      <dd className="tabular font-medium">{value}</dd>
    </div>
  );
}

function CreatorName({ row: r }: { row: AgencyOverviewRow }) {
  return (
    <Link href={`/c/${r.creator.id}`} className="flex items-center gap-3 font-medium hover:underline">
      <Avatar src={r.creator.avatarUrl} name={r.creator.displayName} size="sm" />
      <span className="min-w-0">
        <span className="block truncate">{r.creator.displayName}</span>
        <span className="block truncate text-xs font-normal text-muted">@{r.creator.handle}</span>
      </span>
      {r.stale ? <Badge tone="warning">Cached</Badge> : null}
      {r.error ? (
        <Badge tone="danger" title={r.error}>
          Fanvue error
        </Badge>
      ) : null}
    </Link>
  );
}
