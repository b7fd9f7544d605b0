"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { SOURCES, type EarningsReport, type SourceGroup } from "@/lib/schemas/earnings";
import { formatMoney } from "@/lib/utils/format";
import { SOURCE_COLORS, SOURCE_LABELS } from "./palette";

const compactUsd = (cents: number) =>
  new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", notation: "compact", maximumFractionDigits: 1 }).format(cents / 100);

function label(bucket: string, g: "day" | "week" | "month") {
  const d = new Date(`${bucket}T00:00:00Z`);
  if (g === "month") return d.toLocaleDateString("en-US", { month: "short", year: "2-digit", timeZone: "UTC" });
  return d.toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
}

type Row = { bucket: string; label: string; partial: boolean } & Partial<Record<SourceGroup, number>>;

function TooltipBody({ active, payload, basis }: { active?: boolean; payload?: { payload: Row }[]; basis: "gross" | "net" }) {
  const row = payload?.[0]?.payload;
  if (!active || !row) return null;
  const total = SOURCES.reduce((s, k) => s + (row[k] ?? 0), 0);
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
      <p className="mt-1 flex justify-between gap-4 border-t border-line pt-1 font-semibold">
        <span>Total {basis}</span>
        <span className="tabular">{formatMoney(total)}</span>
      </p>
    </div>
  );
}

export function EarningsChart({ report, basis }: { report: EarningsReport; basis: "gross" | "net" }) {
  const g = report.range.granularity;
  const data: Row[] = report.series.map((s) => {
    const row: Row = { bucket: s.bucket, label: label(s.bucket, g), partial: s.partial };
    for (const k of SOURCES) if (s.bySource[k]) row[k] = s.bySource[k]![basis];
    return row;
  });
  const used = SOURCES.filter((k) => data.some((d) => d[k]));
  return (
    <figure className="rounded-xl border border-line bg-surface p-4 shadow-sm" data-testid="earnings-chart">
      <figcaption className="mb-3 flex flex-wrap items-center justify-between gap-2 text-sm">
        <span className="font-semibold">
          {basis === "gross" ? "Gross" : "Net"} earnings per {g}, USD
        </span>
        <span className="flex flex-wrap gap-3 text-xs text-muted">
          {used.map((k) => (
            <span key={k} className="flex items-center gap-1.5">
              <span className="inline-block size-2.5 rounded-sm" style={{ background: SOURCE_COLORS[k] }} aria-hidden="true" />
              {SOURCE_LABELS[k]}
            </span>
          ))}
        </span>
      </figcaption>
      <div className="h-64 sm:h-80">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 4, right: 4, bottom: 0, left: 0 }} accessibilityLayer>
            <CartesianGrid vertical={false} stroke="#e5e7eb" />
            <XAxis dataKey="label" tickLine={false} axisLine={false} fontSize={11} minTickGap={16} />
            <YAxis tickFormatter={compactUsd} tickLine={false} axisLine={false} fontSize={11} width={52} />
            <Tooltip content={<TooltipBody basis={basis} />} cursor={{ fill: "rgba(0,0,0,0.04)" }} />
            {used.map((k, i) => (
              <Bar key={k} dataKey={k} stackId="s" fill={SOURCE_COLORS[k]} isAnimationActive={false} radius={i === used.length - 1 ? [3, 3, 0, 0] : undefined} name={SOURCE_LABELS[k]} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <p className="sr-only">
        Earnings chart: {data.length} {g}s from {report.range.from} to {report.range.to}, total {formatMoney(report.totals[basis])} {basis}.
      </p>
    </figure>
  );
}
