import { Scale } from "lucide-react";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { Avatar } from "@/components/ui/avatar";
import { Card } from "@/components/ui/card";
import { DataTable, type Column } from "@/components/ui/data-table";
import type { AgencyEarnings } from "@/lib/schemas/earnings";
import { formatCount, formatMoney } from "@/lib/utils/format";
import { AsOf } from "./as-of";
import { ProvisionalBadge } from "./provisional";

const pct = (cur: number, prev: number) =>
  prev === 0 ? (cur === 0 ? "—" : "new") : `${cur >= prev ? "+" : ""}${(((cur - prev) / prev) * 100).toFixed(1)}%`;

type Row = AgencyEarnings["creators"][number];

/** A gross figure with its provisional part (money announced by webhook, not in the ledger yet) added and marked. */
function Amount({ cents, pending }: { cents: number; pending: number }) {
  return (
    <span className="inline-flex flex-wrap items-center justify-end gap-1.5">
      {pending > 0 ? <ProvisionalBadge /> : null}
      {formatMoney(cents + pending)}
    </span>
  );
}

/** A row's "Why does this number differ?", for the same range and zone. */
const reconcileColumn = (search: string): Column<Row> => ({
  id: "reconcile",
  // A visible header: an sr-only one is positioned outside the table's scroll region and widens the page.
  header: "Fanvue",
  cell: (r) => (
    <Link
      href={`/c/${r.creator.id}/earnings/reconcile?${search}`}
      className="inline-flex items-center gap-1 text-xs text-brand-700 hover:underline touch:min-h-11"
      aria-label={`Compare with Fanvue: ${r.creator.displayName}`}
      data-testid="agency-row-reconcile"
    >
      <Scale className="size-3" aria-hidden="true" /> Compare
    </Link>
  ),
});

/** One row per creator, same range and zone as the figures above, with totals; each row says
 * how fresh its creator's ledger is. Provisional money is in gross only (its net after the sync). */
export function AgencyCreatorsTable({ report, basis }: { report: AgencyEarnings; basis: "gross" | "net" }) {
  const t = report.totals;
  const search = useSearchParams();
  const pending = (id?: string) =>
    basis === "net" ? 0 : id ? (report.provisional.byCreator[id] ?? 0) : report.provisional.gross;
  const columns: Column<Row>[] = [
    {
      id: "creator",
      header: "Creator",
      footer: `Total (${report.creators.length})`,
      cell: (r) => (
        <Link
          href={`/c/${r.creator.id}/earnings`}
          className="flex items-center gap-2.5 font-medium hover:underline touch:min-h-11"
        >
          <Avatar src={r.creator.avatarUrl} name={r.creator.displayName} size="sm" />
          {r.creator.displayName}
        </Link>
      ),
    },
    {
      id: "amount",
      header: `${basis === "gross" ? "Gross" : "Net"}, USD`,
      numeric: true,
      footer: <Amount cents={t[basis]} pending={pending()} />,
      cell: (r) => <Amount cents={r.totals[basis]} pending={pending(r.creator.id)} />,
    },
    {
      id: "change",
      header: "Change",
      numeric: true,
      className: "text-muted",
      footer: pct(t[basis] + pending(), report.previousTotals[basis]),
      cell: (r) => pct(r.totals[basis] + pending(r.creator.id), r.previousTotals[basis]),
    },
    {
      id: "transactions",
      header: "Transactions",
      numeric: true,
      footer: formatCount(t.transactions),
      cell: (r) => formatCount(r.totals.transactions),
    },
    {
      id: "payingFans",
      header: "Paying fans",
      numeric: true,
      footer: formatCount(t.payingFans),
      cell: (r) => formatCount(r.totals.payingFans),
    },
    {
      id: "asOf",
      header: "Ledger",
      footer: <AsOf at={report.sync.asOf} />,
      cell: (r) => <AsOf at={r.sync.asOf} testId="agency-row-as-of" />,
    },
    reconcileColumn(search.toString()),
  ];
  return (
    <Card className="overflow-hidden">
      <DataTable
        columns={columns}
        rows={report.creators}
        rowKey={(r) => r.creator.id}
        minWidth={560}
        testId="agency-earnings-table"
        caption="Earnings per creator"
      />
    </Card>
  );
}
