"use client";

import { CHART } from "@/components/charts/colors";
import { Sparkline } from "@/components/charts/sparkline";
import { ArrowRight, Scale } from "lucide-react";
import Link from "next/link";
import { useMemo } from "react";
import { AsOf } from "@/components/earnings/as-of";
import { overviewEarningsParams } from "@/lib/queries/earnings-params";
import { ProvisionalBadge, ProvisionalNote } from "@/components/earnings/provisional";
import { useViewer } from "@/components/viewer/viewer";
import { ErrorState } from "@/components/ui/error-state";
import { figureSize } from "@/components/ui/figure-size";
import { Skeleton } from "@/components/ui/skeleton";
import { useEarnings } from "@/lib/queries/earnings";
import type { EarningsReport } from "@/lib/schemas/earnings";
import { formatMoney, sumCents } from "@/lib/utils/money";

// The overview's money line: today, the last 7 and 30 days (gross, from the
// synced ledger, in the viewer's zone, the same zone the Earnings page
// remembers) and a 30-day sparkline, linking to the full report. Money Fanvue
// announced since the last sync is added at once and marked provisional; net
// stays the ledger's until the sync (see components/earnings/provisional.tsx).

/** A figure as shown: ledger plus provisional gross (`pending`), and the ledger's net. */
type Shown = { pending: number; shown: number; net: number };

const sum = (s: EarningsReport["series"], n: number, k: "gross" | "net" | "provisionalGross") =>
  sumCents(s.slice(-n).map((b) => b[k]));

/** `widest`: the longest of the row's figures, so the three share one size. */
/** `provisional`: the part of `cents` not in the ledger yet (marked). */
function Figure({
  label,
  cents,
  provisional,
  net,
  widest,
  testId,
}: {
  label: string;
  cents: number;
  provisional: number;
  net: number;
  widest: string;
  testId: string;
}) {
  const text = formatMoney(cents);
  return (
    <div className="@container min-w-0">
      <p className="flex flex-wrap items-center gap-x-1.5 text-xs font-medium tracking-wide text-muted uppercase">
        {label}
        {provisional > 0 ? <ProvisionalBadge testId={`${testId}-provisional`} /> : null}
      </p>
      <p
        className="tabular mt-1 font-semibold tracking-tight whitespace-nowrap"
        style={figureSize(widest)}
        data-testid={testId}
      >
        {text}
      </p>
      <p className="tabular text-xs text-muted">net {formatMoney(net)}</p>
    </div>
  );
}

export function EarningsStrip({ creatorId }: { creatorId: string }) {
  const tz = useViewer().zone;
  // The same query as the page's server prefetch (app/(dashboard)/c/[creatorId]/page.tsx).
  const params = useMemo(() => overviewEarningsParams(tz), [tz]);
  const q = useEarnings({ kind: "creator", id: creatorId }, params);
  const r = q.data;
  if (q.isPending) return <Skeleton className="h-36 rounded-xl" />;
  if (!r) return <ErrorState error={q.error} onRetry={() => void q.refetch()} what="earnings" />;
  return (
    <section
      className="rounded-xl border border-line bg-surface p-4 shadow-sm"
      aria-label="Earnings"
      data-testid="overview-earnings"
    >
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-sm font-semibold">
          Earnings, gross USD in {r.range.tz}{" "}
          <AsOf at={r.sync.asOf} className="font-normal" testId="overview-earnings-as-of" />
        </h2>
        <div className="flex flex-wrap items-center gap-x-4">
          <Link
            href={`/c/${creatorId}/earnings/reconcile?range=30d`}
            className="inline-flex items-center gap-1 text-sm text-brand-700 hover:underline touch:min-h-11"
            data-testid="overview-reconcile"
          >
            <Scale className="size-3.5" aria-hidden="true" /> Compare with Fanvue
          </Link>
          <Link
            href={`/c/${creatorId}/earnings`}
            className="inline-flex items-center gap-1 text-sm text-brand-700 hover:underline touch:min-h-11"
          >
            Full report <ArrowRight className="size-3.5" aria-hidden="true" />
          </Link>
        </div>
      </div>
      {r.sync.lastSyncedAt === null ? (
        <p className="text-sm text-muted" data-testid="overview-earnings-pending">
          The first import of this creator&apos;s earnings is running; figures appear when it is done.
        </p>
      ) : (
        <>
          <Figures report={r} />
          <ProvisionalNote provisional={r.provisional} className="mt-3" />
        </>
      )}
    </section>
  );
}

/** Today, 7 and 30 days (ledger plus provisional gross) and the 30-day sparkline. */
function Figures({ report: r }: { report: EarningsReport }) {
  const s = r.series;
  const [today, week] = [1, 7].map((n) => {
    const pending = sum(s, n, "provisionalGross");
    return { pending, shown: sum(s, n, "gross") + pending, net: sum(s, n, "net") };
  }) as [Shown, Shown];
  const month: Shown = { pending: r.provisional.gross, shown: r.totals.gross + r.provisional.gross, net: r.totals.net };
  const widest = formatMoney(Math.max(month.shown, week.shown, today.shown));
  const spark = s.map((b) => {
    const gross = b.gross + b.provisionalGross;
    return { label: `${b.bucket}: ${formatMoney(gross)}`, value: gross };
  });
  const figure = (label: string, x: Shown, testId: string) => (
    <Figure label={label} cents={x.shown} provisional={x.pending} net={x.net} widest={widest} testId={testId} />
  );
  return (
    <div className="grid grid-cols-3 items-end gap-3 sm:grid-cols-[repeat(3,minmax(0,1fr))_minmax(0,2fr)]">
      {figure("Today", today, "overview-today")}
      {figure("7 days", week, "overview-7d")}
      {figure("30 days", month, "overview-30d")}
      {/* Decoration beside the figures (hidden from screen readers, no Tab stop); a hand-drawn SVG path, no chart library. */}
      <div className="col-span-3 h-16 min-w-0 overflow-hidden sm:col-span-1" aria-hidden="true">
        <Sparkline points={spark} color={CHART.earnings} testId="overview-sparkline" />
      </div>
    </div>
  );
}
