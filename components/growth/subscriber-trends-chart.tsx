"use client";

import { CHART } from "@/components/charts/colors";
import dynamic from "next/dynamic";
import { Skeleton } from "@/components/ui/skeleton";
import type { SubscriberTrends } from "@/lib/schemas/subscriber-trends";
import { formatCount } from "@/lib/utils/format";
import type { TrendPoint } from "./subscriber-trends-plot";

// New paid above the axis, lapsed below it, net paid as a line: a bucket
// where the line is under zero lost more paying subscribers than it won.
// Okabe–Ito colours (as the earnings chart), readable with colour-vision
// deficiencies.

export const NEW = CHART.message;
export const LAPSED = CHART.referral;
export const NET = CHART.net;

// The plot (recharts, ~100 kB gzipped) loads after the page, into a box of the same height.
const TrendsPlot = dynamic(() => import("./subscriber-trends-plot").then((m) => m.TrendsPlot), {
  ssr: false,
  loading: () => <Skeleton className="size-full" />,
});

export function SubscriberTrendsChart({ t }: { t: SubscriberTrends }) {
  const g = t.range.granularity;
  const data: TrendPoint[] = t.rows.map((r) => ({
    bucket: r.bucket,
    partial: r.partial,
    newPaid: r.newPaid,
    lapsed: r.lapsed,
    lapsedDown: -r.lapsed,
    netPaid: r.netPaid,
  }));
  return (
    <figure className="rounded-xl border border-line bg-surface p-4 shadow-sm" data-testid="trends-chart">
      <figcaption className="mb-3 flex flex-wrap items-center justify-between gap-2 text-sm">
        <span className="font-semibold">Paid subscribers won and lost per {g}</span>
        <span className="flex flex-wrap gap-3 text-xs text-muted">
          <Legend color={NEW} text="New paid" />
          <Legend color={LAPSED} text="Lapsed (below)" />
          <Legend color={NET} text="Net paid" line />
        </span>
      </figcaption>
      <div className="h-64 min-w-0 overflow-hidden sm:h-80">
        <TrendsPlot data={data} g={g} />
      </div>
      <p className="sr-only">
        Chart of {data.length} {g}s from {t.range.from} to {t.range.to}: {formatCount(t.totals.newPaid)} new paid,{" "}
        {formatCount(t.totals.lapsed)} lapsed, net {formatCount(t.totals.netPaid)}.
      </p>
    </figure>
  );
}

function Legend({ color, text, line }: { color: string; text: string; line?: boolean }) {
  return (
    <span className="flex items-center gap-1.5">
      <span
        className={line ? "inline-block h-0.5 w-3" : "inline-block size-2.5 rounded-sm"}
        style={{ background: color }}
        aria-hidden="true"
      />
      {text}
    </span>
  );
}
