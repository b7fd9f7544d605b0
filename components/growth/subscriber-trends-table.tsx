"use client";

import { DataTable, type Column } from "@/components/ui/data-table";
import { useFormat } from "@/components/viewer/viewer";
import type { SubscriberTrends, SubscriberTrendsRow } from "@/lib/schemas/subscriber-trends";
import { cn } from "@/lib/utils/cn";
import { formatCount } from "@/lib/utils/format";

// Every bucket with every column, the same figures as the CSV; "—" where
// Fanvue's counts are unavailable (never a zero).

const count = (n: number | null) => (n === null ? "—" : formatCount(n));
const signed = (n: number) => (n > 0 ? `+${formatCount(n)}` : formatCount(n));

type Figure = "newPaid" | "renewed" | "lapsed" | "fanvueNew" | "cancelled" | "trials";

const FIGURES: { id: Figure; header: string; title: string }[] = [
  { id: "newPaid", header: "New paid", title: "Fans with a paid new subscription (ledger)" },
  { id: "renewed", header: "Renewed", title: "Fans with a paid renewal (ledger)" },
  { id: "lapsed", header: "Lapsed", title: "Paid subscribers who lapsed (ledger)" },
  { id: "fanvueNew", header: "New (Fanvue)", title: "Fanvue's new subscribers, trials included" },
  { id: "cancelled", header: "Cancelled (Fanvue)", title: "Fanvue's cancelled subscribers" },
  { id: "trials", header: "Free trials & free subs", title: "Fanvue's new − new paid, never below 0" },
];

export function SubscriberTrendsTable({ t, busy }: { t: SubscriberTrends; busy: boolean }) {
  const f = useFormat();
  const g = t.range.granularity;
  const period = (r: SubscriberTrendsRow) =>
    g === "month"
      ? f.day(r.bucket, "monthLongYear")
      : g === "week"
        ? `Week of ${f.day(r.bucket, "full")}`
        : f.day(r.bucket, "full");
  const figure = (c: (typeof FIGURES)[number]): Column<SubscriberTrendsRow> => ({
    id: c.id,
    header: <span title={c.title}>{c.header}</span>,
    numeric: true,
    cell: (r) => count(r[c.id]),
    footer: count(t.totals[c.id]),
  });
  const columns: Column<SubscriberTrendsRow>[] = [
    {
      id: "bucket",
      header: g === "day" ? "Day" : g === "week" ? "Week" : "Month",
      cell: (r) => (
        <span className="tabular-nums">
          {period(r)}
          {r.partial ? <span className="ml-1 text-xs text-muted">(partial)</span> : null}
        </span>
      ),
      footer: "Total",
    },
    ...FIGURES.slice(0, 3).map(figure),
    {
      id: "netPaid",
      header: <span title="New paid − lapsed">Net paid</span>,
      numeric: true,
      cell: (r) => (
        <span className={cn(r.netPaid > 0 && "text-emerald-700", r.netPaid < 0 && "text-red-700")}>
          {signed(r.netPaid)}
        </span>
      ),
      footer: signed(t.totals.netPaid),
    },
    ...FIGURES.slice(3).map(figure),
  ];
  return (
    <DataTable
      columns={columns}
      rows={t.rows}
      rowKey={(r) => r.bucket}
      caption={`Subscribers per ${g}, ${t.range.from} to ${t.range.to}`}
      density="compact"
      minWidth={880}
      testId="trends-table"
      busy={busy}
      rowProps={(r) => ({ "data-bucket": r.bucket })}
    />
  );
}
