import { ArrowDownRight, ArrowUpRight, Scale } from "lucide-react";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { EarningsReport } from "@/lib/schemas/earnings";
import { figureSize } from "@/components/ui/figure-size";
import { cn } from "@/lib/utils/cn";
import { formatCount, formatMoney } from "@/lib/utils/format";
import type { ReactNode } from "react";
import { AsOf } from "./as-of";
import { ProvisionalBadge, ProvisionalNote } from "./provisional";

function change(cur: number | null, prev: number | null) {
  if (cur === null || prev === null) return null;
  if (prev === 0) return cur === 0 ? { text: "no change", dir: 0 } : { text: "new", dir: 1 };
  const pct = ((cur - prev) / prev) * 100;
  return { text: `${pct > 0 ? "+" : ""}${pct.toFixed(1)}%`, dir: Math.sign(Math.round(pct * 10)) };
}

function Kpi({
  label,
  value,
  hint,
  delta,
  testId,
  mark,
  href,
}: {
  label: string;
  value: string;
  hint: string;
  delta: ReturnType<typeof change>;
  testId: string;
  /** Beside the label: the figure includes provisional money. */
  mark?: ReactNode;
  /** "Why does this number differ?" for this figure's range. */
  href?: string;
}) {
  return (
    <div className="@container min-w-0 rounded-xl border border-line bg-surface p-3 shadow-sm sm:p-4">
      <p className="flex flex-wrap items-center gap-x-1.5 text-xs font-medium tracking-wide text-muted uppercase">
        <span className="truncate" title={label}>
          {label}
        </span>
        {mark}
      </p>
      {/* Sized to the tile, never cut off: a money figure must show every digit. */}
      <p
        className="tabular mt-2 font-semibold tracking-tight whitespace-nowrap"
        style={figureSize(value)}
        data-testid={testId}
      >
        {value}
      </p>
      <div className="mt-1 flex flex-wrap items-center gap-x-2 text-xs text-muted">
        {delta ? (
          <span
            className={cn(
              "inline-flex items-center gap-0.5 font-medium",
              delta.dir > 0 ? "text-brand-700" : delta.dir < 0 ? "text-red-700" : "text-muted",
            )}
          >
            {delta.dir > 0 ? (
              <ArrowUpRight className="size-3.5" aria-hidden="true" />
            ) : delta.dir < 0 ? (
              <ArrowDownRight className="size-3.5" aria-hidden="true" />
            ) : null}
            {delta.text}
          </span>
        ) : null}
        <span>{hint}</span>
      </div>
      {href ? (
        <Link
          href={href}
          className="mt-1 inline-flex items-center gap-1 text-xs text-brand-700 hover:underline touch:min-h-11"
          aria-label={`${label}: compare with Fanvue`}
          data-testid={`${testId}-reconcile`}
        >
          <Scale className="size-3" aria-hidden="true" /> Compare with Fanvue
        </Link>
      ) : null}
    </div>
  );
}

export function EarningsKpis({
  report,
  basis,
  reconcileHref,
}: {
  report: EarningsReport;
  basis: "gross" | "net";
  /** The creator's "Why does this number differ?" page for this range (not for an agency's sum). */
  reconcileHref?: string;
}) {
  const t = report.totals;
  const p = report.previousTotals;
  const vs = report.range.partial ? "vs same time last period" : "vs previous period";
  const basisLabel = basis === "gross" ? "Gross" : "Net";
  // Webhook money not in the ledger yet: in gross (marked), its net after the sync.
  const pending = report.provisional.gross;
  return (
    <div className="flex flex-col gap-2">
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-5">
        <Kpi
          label="Gross, USD"
          value={formatMoney(t.gross + pending)}
          hint={vs}
          delta={change(t.gross + pending, p.gross)}
          testId="kpi-gross"
          href={reconcileHref}
          mark={pending > 0 ? <ProvisionalBadge testId="kpi-gross-provisional" /> : null}
        />
        <Kpi
          label="Net, USD"
          value={formatMoney(t.net)}
          hint={pending > 0 ? "after Fanvue's share; provisional excluded" : "after Fanvue's share"}
          delta={change(t.net, p.net)}
          testId="kpi-net"
          href={reconcileHref}
        />
        <Kpi
          label="Transactions"
          value={formatCount(t.transactions)}
          hint={vs}
          delta={change(t.transactions, p.transactions)}
          testId="kpi-transactions"
          href={reconcileHref}
        />
        <Kpi
          label="Paying fans"
          value={formatCount(t.payingFans)}
          hint={vs}
          delta={change(t.payingFans, p.payingFans)}
          testId="kpi-fans"
          href={reconcileHref}
        />
        <Kpi
          label={`Avg per paying fan, ${basisLabel.toLowerCase()}`}
          value={t.avgPerPayingFan ? formatMoney(t.avgPerPayingFan[basis]) : "—"}
          hint={vs}
          delta={change(t.avgPerPayingFan?.[basis] ?? null, p.avgPerPayingFan?.[basis] ?? null)}
          testId="kpi-avg"
          href={reconcileHref}
        />
      </div>
      <p className="flex flex-wrap items-center gap-2 text-xs text-muted">
        {report.range.partial ? <Badge tone="warning">Partial period</Badge> : null}
        <span>
          {report.range.from} – {report.range.to} in {report.range.tz}. Compared with {report.previous.from} –{" "}
          {report.previous.to}
          {report.range.partial ? " up to the same elapsed time" : ""}.
        </span>
        {report.refunds.count > 0 ? (
          <span>
            Refunds and chargebacks in range: {formatMoney(report.refunds.gross)} gross ({report.refunds.count}), not
            deducted above.
          </span>
        ) : null}
        <AsOf at={report.sync.asOf} testId="kpi-as-of" sentence />
      </p>
      <ProvisionalNote provisional={report.provisional} />
    </div>
  );
}
