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
import { LAPSED, NET, NEW } from "./subscriber-trends-chart";

// The subscriber-trends chart's plot: recharts, loaded on its own (next/dynamic
// in ./subscriber-trends-chart.tsx) so the page's first JS stays small.

export type TrendPoint = {
  bucket: string;
  partial: boolean;
  newPaid: number;
  lapsedDown: number;
  lapsed: number;
  netPaid: number;
};

function TooltipBody({ active, payload }: { active?: boolean; payload?: { payload: TrendPoint }[] }) {
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

export function TrendsPlot({ data, g }: { data: TrendPoint[]; g: SubscriberTrends["range"]["granularity"] }) {
  const { locale } = useViewer();
  return (
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
  );
}
