import Link from "next/link";
import { Avatar } from "@/components/ui/avatar";
import { Card } from "@/components/ui/card";
import { DataTable, type Column } from "@/components/ui/data-table";
import type { AgencyEarnings } from "@/lib/schemas/earnings";
import { formatCount, formatMoney } from "@/lib/utils/format";

const pct = (cur: number, prev: number) =>
  prev === 0 ? (cur === 0 ? "—" : "new") : `${cur >= prev ? "+" : ""}${(((cur - prev) / prev) * 100).toFixed(1)}%`;

type Row = AgencyEarnings["creators"][number];

/** One row per creator, same range and zone as the figures above, with totals. */
export function AgencyCreatorsTable({ report, basis }: { report: AgencyEarnings; basis: "gross" | "net" }) {
  const t = report.totals;
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
      footer: formatMoney(t[basis]),
      cell: (r) => formatMoney(r.totals[basis]),
    },
    {
      id: "change",
      header: "Change",
      numeric: true,
      className: "text-muted",
      footer: pct(t[basis], report.previousTotals[basis]),
      cell: (r) => pct(r.totals[basis], r.previousTotals[basis]),
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
