"use client";

import { CHART } from "@/components/charts/colors";
import { Bar, BarChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { EarningsMarker, EarningsReport, SourceGroup } from "@/lib/schemas/earnings";
import { SOURCES } from "@/lib/schemas/earnings-values";
import { formatMoney, formatMoneyCompact } from "@/lib/utils/format";
import { formatBucket } from "@/lib/utils/time";
import { useViewer } from "@/components/viewer/viewer";
import { SOURCE_COLORS, SOURCE_LABELS } from "./palette";

// The earnings chart's bars, tooltip and marker lines: recharts, loaded on
// its own (next/dynamic in ./chart.tsx) so the page's first JS stays small.

export /** `provisional`: gross Fanvue announced by webhook, not in the ledger yet (gross basis only). */
type Row = {
  bucket: string;
  label: string;
  partial: boolean;
  markers?: EarningsMarker[];
  provisional?: number;
} & Partial<Record<SourceGroup, number>>;

const MARKER_COLOR = CHART.marker;
/** Provisional money: the marker colour, light and dashed (not a source of its own). */
const PROVISIONAL_SWATCH = { background: CHART.marker, opacity: 0.45, borderColor: CHART.marker };

/** A lettered dot at the top of a marker line: P = post, M = mass message, • = both. */
function MarkerDot({
  viewBox,
  letter,
  small,
}: {
  viewBox?: { x: number; y: number };
  letter: string;
  small?: boolean;
}) {
  if (!viewBox) return null;
  // Crowded (many buckets on a phone): a plain dot, the tooltip says what it is.
  if (small) return <circle cx={viewBox.x} cy={viewBox.y - 4} r={2.5} fill={MARKER_COLOR} />;
  return (
    <g>
      <circle cx={viewBox.x} cy={viewBox.y - 7} r={7} fill={MARKER_COLOR} />
      <text
        x={viewBox.x}
        y={viewBox.y - 7}
        dy="0.35em"
        textAnchor="middle"
        fontSize={9}
        fontWeight={600}
        fill={CHART.markerInk}
      >
        {letter}
      </text>
    </g>
  );
}

function TooltipBody({
  active,
  payload,
  basis,
}: {
  active?: boolean;
  payload?: { payload: Row }[];
  basis: "gross" | "net";
}) {
  const row = payload?.[0]?.payload;
  if (!active || !row) return null;
  const total = SOURCES.reduce((s, k) => s + (row[k] ?? 0), 0) + (row.provisional ?? 0);
  return (
    <div className="rounded-lg border border-line bg-surface p-3 text-xs shadow-lg">
      <p className="mb-1 font-semibold">
        {row.bucket}
        {row.partial ? " (partial)" : ""}
      </p>
      {SOURCES.filter((k) => row[k]).map((k) => (
        <p key={k} className="flex items-center justify-between gap-4">
          <span className="flex items-center gap-1.5">
            <span className="inline-block size-2.5 rounded-sm" style={{ background: SOURCE_COLORS[k] }} />
            {SOURCE_LABELS[k]}
          </span>
          <span className="tabular">{formatMoney(row[k] ?? 0)}</span>
        </p>
      ))}
      {row.provisional ? (
        <p className="flex items-center justify-between gap-4">
          <span className="flex items-center gap-1.5">
            <span className="inline-block size-2.5 rounded-sm border border-dashed" style={PROVISIONAL_SWATCH} />
            Provisional, not in the ledger yet
          </span>
          <span className="tabular">{formatMoney(row.provisional)}</span>
        </p>
      ) : null}
      <p className="mt-1 flex justify-between gap-4 border-t border-line pt-1 font-semibold">
        <span>Total {basis}</span>
        <span className="tabular">{formatMoney(total)}</span>
      </p>
      {row.markers?.length ? (
        <ul className="mt-1.5 max-w-72 border-t border-line pt-1.5 text-muted">
          {row.markers.slice(0, 5).map((m) => (
            <li key={`${m.kind}:${m.id}`} className="truncate">
              {m.label}
            </li>
          ))}
          {row.markers.length > 5 ? <li>and {row.markers.length - 5} more</li> : null}
        </ul>
      ) : null}
    </div>
  );
}

/** A line per marked bucket (dashed when only posts); called, not
 * rendered as a component, so Recharts sees the lines as the chart's children. */
function markerLines(marked: Row[], crowded: boolean) {
  return marked.map((d) => {
    const kinds = new Set(d.markers!.map((m) => m.kind));
    const letter = kinds.size > 1 ? "•" : kinds.has("post") ? "P" : "M";
    return (
      <ReferenceLine
        key={d.bucket}
        x={d.bucket}
        stroke={MARKER_COLOR}
        strokeDasharray={kinds.has("post") && kinds.size === 1 ? "3 3" : undefined}
        strokeOpacity={crowded ? 0.3 : 0.55}
        ifOverflow="extendDomain"
        label={<MarkerDot letter={letter} small={crowded} />}
      />
    );
  });
}

export function EarningsPlot({
  data,
  used,
  marked,
  crowded,
  basis,
  g,
}: {
  data: Row[];
  used: SourceGroup[];
  marked: Row[];
  crowded: boolean;
  basis: "gross" | "net";
  g: EarningsReport["range"]["granularity"];
}) {
  const { locale } = useViewer();
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart
        data={data}
        margin={{ top: marked.length ? (crowded ? 10 : 18) : 4, right: 4, bottom: 0, left: 0 }}
        accessibilityLayer
      >
        <CartesianGrid vertical={false} stroke={CHART.grid} />
        {/* Buckets are the categories: labels like "Nov 3" repeat across years. */}
        <XAxis
          dataKey="bucket"
          tickFormatter={(b: string) => formatBucket(b, g, locale)}
          tickLine={false}
          axisLine={false}
          fontSize={11}
          minTickGap={16}
        />
        <YAxis
          tickFormatter={(c: number) => formatMoneyCompact(c)}
          tickLine={false}
          axisLine={false}
          fontSize={11}
          width={52}
        />
        <Tooltip content={<TooltipBody basis={basis} />} cursor={{ fill: CHART.cursor }} />
        {used.map((k, i) => (
          <Bar
            key={k}
            dataKey={k}
            stackId="s"
            fill={SOURCE_COLORS[k]}
            isAnimationActive={false}
            radius={i === used.length - 1 ? [3, 3, 0, 0] : undefined}
            name={SOURCE_LABELS[k]}
          />
        ))}
        {data.some((d) => d.provisional) ? (
          <Bar
            dataKey="provisional"
            stackId="s"
            fill={CHART.marker}
            fillOpacity={0.35}
            stroke={CHART.marker}
            strokeDasharray="3 2"
            isAnimationActive={false}
            name="Provisional"
          />
        ) : null}
        {markerLines(marked, crowded)}
      </BarChart>
    </ResponsiveContainer>
  );
}
