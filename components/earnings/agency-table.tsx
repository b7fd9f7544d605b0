import Link from "next/link";
import { Avatar } from "@/components/ui/avatar";
import { Card } from "@/components/ui/card";
import type { AgencyEarnings } from "@/lib/schemas/earnings";
import { formatCount, formatMoney } from "@/lib/utils/format";

const pct = (cur: number, prev: number) =>
  prev === 0 ? (cur === 0 ? "—" : "new") : `${cur >= prev ? "+" : ""}${(((cur - prev) / prev) * 100).toFixed(1)}%`;

/** One row per creator, same range and zone as the figures above, with totals. */
export function AgencyCreatorsTable({ report, basis }: { report: AgencyEarnings; basis: "gross" | "net" }) {
  return (
    <Card className="overflow-x-auto">
      <table className="w-full min-w-[560px] text-sm" data-testid="agency-earnings-table">
        <thead className="border-b border-line bg-canvas text-left text-xs font-medium tracking-wide text-muted uppercase">
          <tr>
            <th className="px-5 py-3">Creator</th>
            <th className="px-3 py-3 text-right">{basis === "gross" ? "Gross" : "Net"}, USD</th>
            <th className="px-3 py-3 text-right">Change</th>
            <th className="px-3 py-3 text-right">Transactions</th>
            <th className="px-5 py-3 text-right">Paying fans</th>
          </tr>
        </thead>
        <tbody>
          {report.creators.map((r) => (
            <tr key={r.creator.id} className="border-b border-line last:border-0">
              <td className="px-5 py-2.5">
                <Link
                  href={`/c/${r.creator.id}/earnings`}
                  className="flex items-center gap-2.5 font-medium hover:underline"
                >
                  <Avatar src={r.creator.avatarUrl} name={r.creator.displayName} size="sm" />
                  {r.creator.displayName}
                </Link>
              </td>
              <td className="tabular px-3 py-2.5 text-right">{formatMoney(r.totals[basis])}</td>
              <td className="tabular px-3 py-2.5 text-right text-muted">
                {pct(r.totals[basis], r.previousTotals[basis])}
              </td>
              <td className="tabular px-3 py-2.5 text-right">{formatCount(r.totals.transactions)}</td>
              <td className="tabular px-5 py-2.5 text-right">{formatCount(r.totals.payingFans)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot className="border-t border-line bg-canvas font-semibold">
          <tr>
            <td className="px-5 py-2.5">Total ({report.creators.length})</td>
            <td className="tabular px-3 py-2.5 text-right">{formatMoney(report.totals[basis])}</td>
            <td className="tabular px-3 py-2.5 text-right text-muted">
              {pct(report.totals[basis], report.previousTotals[basis])}
            </td>
            <td className="tabular px-3 py-2.5 text-right">{formatCount(report.totals.transactions)}</td>
            <td className="tabular px-5 py-2.5 text-right">{formatCount(report.totals.payingFans)}</td>
          </tr>
        </tfoot>
      </table>
    </Card>
  );
}
