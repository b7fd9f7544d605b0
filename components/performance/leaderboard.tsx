"use client";

import { ChevronRight } from "lucide-react";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { DataTable, type Column } from "@/components/ui/data-table";
import type { MemberFigures, Performance, SendKind } from "@/lib/schemas/performance";
import { cn } from "@/lib/utils/cn";
import { formatCount, formatMoney } from "@/lib/utils/format";
import { formatDuration } from "@/lib/utils/time";
import type { SheetView } from "./sales-sheet";

type Open = (member: string, view?: SheetView) => void;

/** A figure that opens the messages behind it (the row itself opens the sales). */
function Drill(p: { m: MemberFigures; kind: SendKind; label: string; onOpen: Open; children: ReactNode }) {
  if (!p.m.userId) return <>{p.children}</>;
  return (
    <button
      type="button"
      onClick={(e) => {
        e.stopPropagation();
        p.onOpen(p.m.userId!, { view: "sends", kind: p.kind });
      }}
      className="tabular rounded decoration-dotted underline-offset-4 hover:underline focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:outline-none touch:inline-flex touch:min-h-11 touch:min-w-11 touch:items-center touch:justify-end"
      data-testid={`drill-${p.kind}`}
    >
      {/* The visible figure stays in the name read out (WCAG 2.5.3): "Sam Ortiz: the PPVs sent, 12". */}
      <span className="sr-only">
        {p.m.name}: {p.label},{" "}
      </span>
      {p.children}
    </button>
  );
}

const rate = (r: number | null) => (r === null ? "—" : `${(r * 100).toFixed(1)}%`);

/** A figure over a smaller, muted one (revenue over net, unlocks over the rate). */
function TwoLines({ sub, children }: { sub: string; children: ReactNode }) {
  return (
    <span className="flex flex-col items-end">
      {children}
      <span className="text-xs text-muted">{sub}</span>
    </span>
  );
}

function MemberName({ m, onOpen }: { m: MemberFigures; onOpen: Open }) {
  return (
    <span className="flex min-w-0 items-center gap-2">
      <button
        type="button"
        onClick={(e) => {
          e.stopPropagation();
          onOpen(m.userId ?? "none");
        }}
        className={cn(
          "truncate rounded text-left hover:underline focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:outline-none touch:min-h-11",
          m.userId ? "font-medium" : "text-muted",
        )}
        aria-label={`${m.name}: open the sales`}
      >
        {m.name}
      </button>
      {m.role ? (
        <Badge tone="neutral" className="hidden capitalize sm:inline-flex">
          {m.role}
        </Badge>
      ) : m.userId?.startsWith("automation:") ? (
        <Badge tone="info">automation</Badge>
      ) : m.userId ? (
        <Badge tone="warning">former member</Badge>
      ) : null}
    </span>
  );
}

function columns(data: Performance, onOpen: Open): Column<MemberFigures>[] {
  const t = data.totals;
  return [
    {
      id: "member",
      header: "Member",
      className: "w-full max-w-0",
      footer: "Total",
      cell: (m) => <MemberName m={m} onOpen={onOpen} />,
    },
    {
      id: "revenue",
      header: "Revenue",
      numeric: true,
      footer: formatMoney(t.gross),
      cell: (m) => (
        <TwoLines sub={`net ${formatMoney(m.net)}`}>
          <span className="font-medium">{formatMoney(m.gross)}</span>
        </TwoLines>
      ),
    },
    ...countColumns(t, onOpen),
  ];
}

/** Time: the median first reply and revenue per hour on shift. */
function timeColumns(onOpen: Open): Column<MemberFigures>[] {
  return [
    {
      id: "reply",
      header: "Median reply",
      numeric: true,
      className: "hidden lg:table-cell",
      footer: "",
      cell: (m) =>
        m.medianReplyMs === null ? (
          "—"
        ) : (
          <Drill m={m} kind="replies" label="the first replies" onOpen={onOpen}>
            <span title={`Median of ${formatCount(m.replies)} first replies to a waiting fan`}>
              {formatDuration(m.medianReplyMs)}
            </span>
          </Drill>
        ),
    },
    {
      id: "perHour",
      header: "Per shift hour",
      numeric: true,
      className: "hidden xl:table-cell",
      footer: "",
      cell: (m) =>
        m.revenuePerHour === null ? (
          "—"
        ) : (
          <span title={`${formatDuration(m.shiftMinutes * 60_000)} on shift`}>{formatMoney(m.revenuePerHour)}</span>
        ),
    },
  ];
}

/** Counts: sales, PPVs, unlocks, messages (the widest screens show them all). */
function countColumns(t: Performance["totals"], onOpen: Open): Column<MemberFigures>[] {
  const wide = "hidden md:table-cell";
  return [
    {
      id: "sales",
      header: "Sales",
      numeric: true,
      className: wide,
      footer: formatCount(t.sales),
      cell: (m) => formatCount(m.sales),
    },
    {
      id: "ppvs",
      header: "PPVs sent",
      numeric: true,
      className: "hidden lg:table-cell",
      footer: formatCount(t.ppvsSent),
      cell: (m) => (
        <Drill m={m} kind="ppv" label="the PPVs sent" onOpen={onOpen}>
          {formatCount(m.ppvsSent)}
        </Drill>
      ),
    },
    {
      id: "unlocked",
      header: "Unlocked",
      numeric: true,
      footer: formatCount(t.ppvsUnlocked),
      cell: (m) => (
        <TwoLines sub={rate(m.unlockRate)}>
          <Drill m={m} kind="unlocked" label="the PPVs bought" onOpen={onOpen}>
            {formatCount(m.ppvsUnlocked)}
          </Drill>
        </TwoLines>
      ),
    },
    {
      id: "messages",
      header: "Messages",
      numeric: true,
      className: wide,
      footer: formatCount(t.messages),
      cell: (m) => (
        <Drill m={m} kind="all" label="the messages" onOpen={onOpen}>
          {formatCount(m.messages)}
        </Drill>
      ),
    },
    ...timeColumns(onOpen),
    {
      id: "fans",
      header: "Fans answered",
      numeric: true,
      className: "hidden lg:table-cell",
      footer: "",
      cell: (m) => (
        <Drill m={m} kind="all" label="the chats written in" onOpen={onOpen}>
          {formatCount(m.fansAnswered)}
        </Drill>
      ),
    },
    {
      id: "mass",
      header: "Mass",
      numeric: true,
      className: "hidden xl:table-cell",
      footer: formatCount(t.massMessages),
      cell: (m) => formatCount(m.massMessages),
    },
    {
      id: "open",
      header: <span className="sr-only">Open</span>,
      footer: "",
      className: "w-8",
      cell: () => <ChevronRight className="size-4 text-muted" aria-hidden="true" />,
    },
  ];
}

/** One row per member, highest revenue first; a row opens that member's sales. */
export function Leaderboard({ data, busy, onOpen }: { data: Performance; busy: boolean; onOpen: Open }) {
  return (
    <Card className="overflow-hidden">
      <DataTable
        columns={columns(data, onOpen)}
        rows={data.members}
        rowKey={(m) => m.userId ?? "none"}
        density="comfortable"
        testId="leaderboard"
        caption="Sales and messages per member"
        busy={busy}
        // The name is the button (keyboard, screen readers); the whole row answers a click too.
        rowProps={(m) => ({
          "data-testid": `member-row-${m.name}`,
          onClick: () => onOpen(m.userId ?? "none"),
          className: "cursor-pointer hover:bg-canvas",
        })}
      />
      {data.members.length === 0 ? (
        <p className="px-5 py-8 text-center text-sm text-muted">Nothing sent or sold in this range.</p>
      ) : null}
    </Card>
  );
}
