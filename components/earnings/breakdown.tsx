import Link from "next/link";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { DataTable, type Column } from "@/components/ui/data-table";
import type { EarningsReport } from "@/lib/schemas/earnings";
import { earningSourceLabel, OTHER_SOURCES } from "@/lib/schemas/earnings-values";
import { formatCount, formatMoney } from "@/lib/utils/format";
import { SOURCE_COLORS, SOURCE_LABELS } from "./palette";

type SourceRow = EarningsReport["bySource"][number];

function SourceName({ source }: { source: SourceRow["source"] }) {
  return (
    <span className="flex items-center gap-2">
      <span
        className="inline-block size-2.5 rounded-sm"
        style={{ background: SOURCE_COLORS[source] }}
        aria-hidden="true"
      />
      {SOURCE_LABELS[source]}
      {source === "others" ? (
        <span className="hidden text-xs text-muted sm:inline">
          ({OTHER_SOURCES.map(earningSourceLabel).join(", ").toLowerCase()})
        </span>
      ) : null}
    </span>
  );
}

function sourceColumns(report: EarningsReport, basis: "gross" | "net"): Column<SourceRow>[] {
  const total = report.totals[basis];
  return [
    { id: "source", header: "Source", footer: "Total", cell: (s) => <SourceName source={s.source} /> },
    {
      id: "amount",
      header: basis === "gross" ? "Gross" : "Net",
      numeric: true,
      footer: formatMoney(total),
      cell: (s) => formatMoney(s[basis]),
    },
    {
      id: "transactions",
      header: "Transactions",
      numeric: true,
      className: "hidden sm:table-cell",
      footer: formatCount(report.totals.transactions),
      cell: (s) => formatCount(s.transactions),
    },
    {
      id: "share",
      header: "Share",
      numeric: true,
      className: "text-muted",
      footer: "",
      cell: (s) => (total ? `${((s[basis] / total) * 100).toFixed(1)}%` : "—"),
    },
  ];
}

export function SourceBreakdown({ report, basis }: { report: EarningsReport; basis: "gross" | "net" }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>By source ({basis}, USD)</CardTitle>
      </CardHeader>
      <CardBody className="px-0 pb-0">
        {report.bySource.length === 0 ? (
          <p className="px-5 pb-3 text-sm text-muted">No earnings in this range.</p>
        ) : (
          <DataTable
            columns={sourceColumns(report, basis)}
            rows={report.bySource}
            rowKey={(s) => s.source}
            testId="source-table"
            caption="Earnings by source"
          />
        )}
        {/* Rows are the ledger's sources: money not synced yet is named, not guessed into a row. */}
        {basis === "gross" && report.provisional.gross > 0 ? (
          <p className="px-5 py-3 text-xs text-muted" data-testid="source-table-provisional">
            From the ledger: {formatMoney(report.provisional.gross)} provisional is not in these rows until the next
            sync.
          </p>
        ) : null}
      </CardBody>
    </Card>
  );
}

export function TopSpenders({
  report,
  basis,
  creatorId,
}: {
  report: EarningsReport;
  basis: "gross" | "net";
  creatorId: string | null;
}) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Top spenders in range ({basis}, USD)</CardTitle>
      </CardHeader>
      <CardBody className="px-0 pb-2">
        {report.topSpenders.length === 0 ? (
          <p className="px-5 pb-3 text-sm text-muted">No fan purchases in this range.</p>
        ) : (
          <ol className="divide-y divide-line border-t border-line text-sm" data-testid="top-spenders">
            {report.topSpenders.map((f, i) => (
              <li key={f.fanUuid} className="flex items-center gap-3 px-5 py-2">
                <span className="tabular w-5 text-xs text-muted">{i + 1}</span>
                <span className="min-w-0 flex-1 truncate">
                  {creatorId ? (
                    <Link href={`/c/${creatorId}/fans?fan=${f.fanUuid}`} className="font-medium hover:underline">
                      {f.name ?? f.handle ?? "Fan"}
                    </Link>
                  ) : (
                    <span className="font-medium">{f.name ?? f.handle ?? "Fan"}</span>
                  )}
                  {f.handle ? <span className="text-muted"> @{f.handle}</span> : null}
                </span>
                <span className="tabular text-xs text-muted">{formatCount(f.transactions)}×</span>
                <span className="tabular w-24 text-right font-medium">{formatMoney(f[basis])}</span>
              </li>
            ))}
          </ol>
        )}
      </CardBody>
    </Card>
  );
}
