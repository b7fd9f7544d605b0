"use client";

import { CHART } from "@/components/charts/colors";
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useFormat } from "@/components/viewer/viewer";
import type { AutoRenewPoint } from "@/lib/schemas/subscriber-trends";
import { formatCount } from "@/lib/utils/format";
import { pct } from "./auto-renew-chart";

// The auto-renew share over time: recharts, loaded on its own (next/dynamic in
// ./auto-renew-chart.tsx) so the page's first JS stays small.

function TooltipBody({ active, payload }: { active?: boolean; payload?: { payload: AutoRenewPoint }[] }) {
  const p = payload?.[0]?.payload;
  if (!active || !p) return null;
  return (
    <div className="rounded-lg border border-line bg-surface p-3 text-xs shadow-lg">
      <p className="mb-1 font-semibold">{p.day} (UTC)</p>
      <p>
        {p.share === null ? "—" : pct(p.share)} auto-renew off: {formatCount(p.autoRenewOff)} of {formatCount(p.known)}{" "}
        subscribers whose setting is known
      </p>
      <p className="text-muted">{formatCount(p.subscribers)} subscribers in the roster</p>
    </div>
  );
}

export function ShareLine({ points }: { points: AutoRenewPoint[] }) {
  const f = useFormat();
  return (
    <div className="h-48 min-w-0 overflow-hidden">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ top: 4, right: 8, bottom: 0, left: 0 }} accessibilityLayer>
          <CartesianGrid vertical={false} stroke={CHART.grid} />
          <XAxis
            dataKey="day"
            tickFormatter={(d: string) => f.day(d, "dayMonth")}
            tickLine={false}
            axisLine={false}
            fontSize={11}
            minTickGap={16}
          />
          <YAxis
            domain={[0, 1]}
            tickFormatter={(n: number) => `${Math.round(n * 100)}%`}
            tickLine={false}
            axisLine={false}
            fontSize={11}
            width={40}
          />
          <Tooltip content={<TooltipBody />} />
          <Line
            dataKey="share"
            stroke={CHART.referral}
            strokeWidth={2}
            dot={points.length <= 31}
            connectNulls
            isAnimationActive={false}
            name="Auto-renew off"
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
