"use client";

import { CHART } from "@/components/charts/colors";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useViewer } from "@/components/viewer/viewer";
import type { ValueCohort } from "@/lib/schemas/growth";
import { formatMoney, formatMoneyCompact } from "@/lib/utils/format";

// The cohort-value curves: recharts, loaded on its own (next/dynamic in
// ./cohort-value.tsx) so the page's first JS stays small.

const COLORS = CHART.cohorts;

export function CurvesPlot({ data, cohorts }: { data: Record<string, number | undefined>[]; cohorts: ValueCohort[] }) {
  const locale = useViewer().locale;
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={data} margin={{ top: 8, right: 12, bottom: 4, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" stroke={CHART.grid} />
        <XAxis
          dataKey="day"
          type="number"
          domain={[0, 180]}
          ticks={[0, 30, 60, 90, 120, 150, 180]}
          tickFormatter={(d) => `${d}d`}
        />
        <YAxis tickFormatter={(c: number) => formatMoneyCompact(c, "USD", locale)} width={56} />
        <Tooltip
          labelFormatter={(d) => `${d} days after the first payment`}
          formatter={(c) => formatMoney(Number(c), "USD", locale)}
        />
        <Legend />
        {cohorts.map((c, i) => (
          <Line
            key={c.key}
            dataKey={c.key}
            name={c.label}
            stroke={COLORS[i]}
            strokeWidth={2}
            connectNulls={false}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
