import Link from "next/link";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { earningSourceLabel, OTHER_SOURCES, type EarningsReport } from "@/lib/schemas/earnings";
import { formatCount, formatMoney } from "@/lib/utils/format";
import { SOURCE_COLORS, SOURCE_LABELS } from "./palette";

export function SourceBreakdown({ report, basis }: { report: EarningsReport; basis: "gross" | "net" }) {
  const total = report.totals[basis];
  return (
    <Card>
      <CardHeader>
        <CardTitle>By source ({basis}, USD)</CardTitle>
      </CardHeader>
      <CardBody className="overflow-x-auto px-0 pb-2">
        {report.bySource.length === 0 ? (
          <p className="px-5 pb-3 text-sm text-muted">No earnings in this range.</p>
        ) : (
          <table className="w-full text-sm" data-testid="source-table">
            <thead className="text-left text-xs text-muted">
              <tr>
                <th className="px-4 py-2 font-medium sm:px-5">Source</th>
                <th className="px-3 py-2 text-right font-medium">{basis === "gross" ? "Gross" : "Net"}</th>
                <th className="hidden px-3 py-2 text-right font-medium sm:table-cell">Transactions</th>
                <th className="px-5 py-2 text-right font-medium">Share</th>
              </tr>
            </thead>
            <tbody>
              {report.bySource.map((s) => (
                <tr key={s.source} className="border-t border-line">
                  <td className="px-5 py-2">
                    <span className="flex items-center gap-2">
                      <span
                        className="inline-block size-2.5 rounded-sm"
                        style={{ background: SOURCE_COLORS[s.source] }}
                        aria-hidden="true"
                      />
                      {SOURCE_LABELS[s.source]}
                      {s.source === "others" ? (
                        <span className="hidden text-xs text-muted sm:inline">
                          ({OTHER_SOURCES.map(earningSourceLabel).join(", ").toLowerCase()})
                        </span>
                      ) : null}
                    </span>
                  </td>
                  <td className="tabular px-3 py-2 text-right">{formatMoney(s[basis])}</td>
                  <td className="tabular hidden px-3 py-2 text-right sm:table-cell">{formatCount(s.transactions)}</td>
                  <td className="tabular px-5 py-2 text-right text-muted">
                    {total ? `${((s[basis] / total) * 100).toFixed(1)}%` : "—"}
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr className="border-t border-line font-semibold">
                <td className="px-5 py-2">Total</td>
                <td className="tabular px-3 py-2 text-right">{formatMoney(total)}</td>
                <td className="tabular hidden px-3 py-2 text-right sm:table-cell">
                  {formatCount(report.totals.transactions)}
                </td>
                <td />
              </tr>
            </tfoot>
          </table>
        )}
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
