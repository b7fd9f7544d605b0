"use client";

import { Download } from "lucide-react";
import { DropdownMenu } from "radix-ui";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";
import { cn } from "@/lib/utils/cn";
import type { EarningsParams } from "./use-earnings-params";
import { useCsvDownload } from "./use-csv-download";
import { allTimeZones } from "@/lib/utils/time";
import { useViewer } from "@/components/viewer/viewer";

const PRESETS = [
  ["today", "Today"],
  ["7d", "Last 7 days"],
  ["30d", "Last 30 days"],
  ["90d", "Last 90 days"],
  ["mtd", "Month to date"],
  ["last_month", "Last month"],
  ["ytd", "Year to date"],
  ["12m", "Last 12 months"],
  ["all", "All time"],
  ["custom", "Custom range"],
] as const;


function Segmented<T extends string>({ value, options, onChange, label }: { value: T; options: [T, string][]; onChange: (v: T) => void; label: string }) {
  return (
    <div role="radiogroup" aria-label={label} className="inline-flex rounded-lg border border-line bg-surface p-0.5 shadow-sm">
      {options.map(([v, text]) => (
        <button
          key={v}
          type="button"
          role="radio"
          aria-checked={value === v}
          onClick={() => onChange(v)}
          className={cn("rounded-md px-3 py-1.5 text-sm font-medium", value === v ? "bg-brand-600 text-white" : "text-zinc-700 hover:bg-black/5")}
        >
          {text}
        </button>
      ))}
    </div>
  );
}

export function EarningsControls({
  params,
  update,
  exportHref,
  canExport,
  fieldError,
}: {
  params: EarningsParams;
  update: (p: Partial<EarningsParams>) => void;
  exportHref: ((rows: "transactions" | "buckets") => string) | null;
  canExport: boolean;
  fieldError: { field?: string; message: string } | null;
}) {
  const viewer = useViewer();
  const all = allTimeZones();
  const zones = all.includes(params.tz) ? all : [params.tz, ...all];
  const csv = useCsvDownload();
  return (
    <div className="flex flex-col gap-3" data-testid="earnings-controls">
      <div className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col gap-1 text-xs font-medium text-muted">
          Range
          <Select value={params.range} onChange={(e) => update({ range: e.target.value as EarningsParams["range"] })} aria-label="Range" data-testid="range-select">
            {PRESETS.map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </Select>
        </label>
        {params.range === "custom" ? (
          <>
            <label className="flex flex-col gap-1 text-xs font-medium text-muted">
              From
              <input type="date" value={params.from} onChange={(e) => update({ from: e.target.value })} aria-label="From" aria-invalid={fieldError?.field === "from"} className="h-10 rounded-lg border border-line bg-surface px-3 text-sm shadow-sm" />
            </label>
            <label className="flex flex-col gap-1 text-xs font-medium text-muted">
              To
              <input type="date" value={params.to} onChange={(e) => update({ to: e.target.value })} aria-label="To" aria-invalid={fieldError?.field === "to"} className="h-10 rounded-lg border border-line bg-surface px-3 text-sm shadow-sm" />
            </label>
          </>
        ) : null}
        <label className="flex min-w-0 flex-col gap-1 text-xs font-medium text-muted">
          Time zone
          <Select value={params.tz} onChange={(e) => update({ tz: e.target.value === viewer.zone ? "" : e.target.value })} aria-label="Time zone" className="max-w-56" data-testid="tz-select">
            {zones.map((z) => (
              <option key={z} value={z}>
                {z.replace(/_/g, " ")}
                {z === viewer.zone ? " (your zone)" : ""}
              </option>
            ))}
          </Select>
        </label>
        <div className="flex flex-col gap-1 text-xs font-medium text-muted">
          Per
          <Segmented label="Granularity" value={params.granularity} onChange={(g) => update({ granularity: g })} options={[["day", "Day"], ["week", "Week"], ["month", "Month"]]} />
        </div>
        <div className="flex flex-col gap-1 text-xs font-medium text-muted">
          Amounts
          <Segmented label="Gross or net" value={params.basis} onChange={(b) => update({ basis: b })} options={[["gross", "Gross"], ["net", "Net"]]} />
        </div>
        {canExport && exportHref ? (
          <DropdownMenu.Root>
            <DropdownMenu.Trigger asChild>
              <Button variant="secondary" className="sm:ml-auto" data-testid="export-csv" disabled={csv.state.status === "running"}>
                <Download className="size-4" aria-hidden="true" /> {csv.state.status === "running" ? "Exporting…" : "Export CSV"}
              </Button>
            </DropdownMenu.Trigger>
            <DropdownMenu.Portal>
              <DropdownMenu.Content align="end" sideOffset={6} className="z-50 w-64 rounded-xl border border-line bg-surface p-1.5 shadow-lg">
                <DropdownMenu.Item className="block cursor-pointer rounded-lg px-2.5 py-2 text-sm outline-none data-highlighted:bg-black/5" data-testid="export-transactions" onSelect={() => void csv.download(exportHref("transactions"))}>
                  One row per transaction
                </DropdownMenu.Item>
                <DropdownMenu.Item className="block cursor-pointer rounded-lg px-2.5 py-2 text-sm outline-none data-highlighted:bg-black/5" data-testid="export-buckets" onSelect={() => void csv.download(exportHref("buckets"))}>
                  One row per {params.granularity}
                </DropdownMenu.Item>
              </DropdownMenu.Content>
            </DropdownMenu.Portal>
          </DropdownMenu.Root>
        ) : null}
      </div>
      {csv.state.status === "failed" ? (
        <p className="text-sm text-red-700" role="alert" data-testid="export-error">
          {csv.state.message}
        </p>
      ) : null}
      {fieldError ? (
        <p className="text-sm text-red-700" role="alert" data-testid="earnings-input-error">
          {fieldError.message} — showing the last valid range.
        </p>
      ) : null}
    </div>
  );
}
