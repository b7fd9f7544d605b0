"use client";

import { CHART } from "@/components/charts/colors";
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { useViewer } from "@/components/viewer/viewer";
import type { SubscriberTrends } from "@/lib/schemas/subscriber-trends";
import { formatCount } from "@/lib/utils/format";
import { formatBucket } from "@/lib/utils/time";

// New paid above the axis, lapsed below it, net paid as a line: a bucket
// where the line is under zero lost more paying subscribers than it won.
// Okabe–Ito colours (as the earnings chart), readable with colour-vision
// deficiencies.

const NEW = CHART.message;
const LAPSED = CHART.referral;
const NET = CHART.net;

type Point = { bucket: string; partial: boolean; newPaid: number; lapsedDown: number; lapsed: number; netPaid: number };

function TooltipBody({ active, payload }: { active?: boolean; payload?: { payload: Point }[] }) {
  const p = payload?.[0]?.payload;
  if (!active || !p) return null;
  return (
    <div className="rounded-lg border border-line bg-surface p-3 text-xs shadow-lg">
      <p className="mb-1 font-semibold">
        {p.bucket}
        {p.partial ? " (partial)" : ""}
      </p>
      <Item color={NEW} text="New paid" value={formatCount(p.newPaid)} />
      <Item color={LAPSED} text="Lapsed" value={formatCount(p.lapsed)} />
      <Item color={NET} text="Net paid" value={formatCount(p.netPaid)} />
    </div>
  );
}

function Item({ color, text, value }: { color: string; text: string; value: string }) {
  return (
    <p className="flex items-center justify-between gap-4">
      <span className="flex items-center gap-1.5">
        <span className="inline-block size-2.5 rounded-sm" style={{ background: color }} aria-hidden="true" />
        {text}
      </span>
      <span className="tabular">{value}</span>
    </p>
  );
}

export function SubscriberTrendsChart({ t }: { t: SubscriberTrends }) {
  const { locale } = useViewer();
  const g = t.range.granularity;
  const data: Point[] = t.rows.map((r) => ({
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
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart
            data={data}
            stackOffset="sign"
            margin={{ top: 4, right: 4, bottom: 0, left: 0 }}
            accessibilityLayer
          >
            <CartesianGrid vertical={false} stroke={CHART.grid} />
            <XAxis
              dataKey="bucket"
              tickFormatter={(b: string) => formatBucket(b, g, locale)}
              tickLine={false}
              axisLine={false}
              fontSize={11}
              minTickGap={16}
            />
            <YAxis
              tickFormatter={(n: number) => formatCount(Math.abs(n))}
              tickLine={false}
              axisLine={false}
              fontSize={11}
              width={40}
              allowDecimals={false}
            />
            <Tooltip content={<TooltipBody />} cursor={{ fill: CHART.cursor }} />
            <ReferenceLine y={0} stroke={CHART.zero} />
            <Bar dataKey="newPaid" stackId="s" fill={NEW} isAnimationActive={false} name="New paid" />
            <Bar dataKey="lapsedDown" stackId="s" fill={LAPSED} isAnimationActive={false} name="Lapsed" />
            <Line
              dataKey="netPaid"
              type="linear"
              stroke={NET}
              strokeWidth={2}
              dot={data.length <= 31}
              isAnimationActive={false}
              name="Net paid"
            />
          </ComposedChart>
        </ResponsiveContainer>
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
