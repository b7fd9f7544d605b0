"use client";

import { Download } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { LazyMenu } from "@/components/ui/lazy-menu";
import { Select } from "@/components/ui/select";
import { Segmented } from "@/components/ui/segmented";
import type { EarningsParams } from "./use-earnings-params";
import { useCsvDownload } from "./use-csv-download";
import { allTimeZones } from "@/lib/utils/time";
import { useViewer } from "@/components/viewer/viewer";
import type { ExportKind } from "./export-menu";

// The export menu (Radix) loads when its button is hovered, focused or pressed.
const loadExportMenu = () => import("./export-menu").then((m) => m.ExportMenuContent);

const RANGE_PRESETS = [
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

type RangePreset = (typeof RANGE_PRESETS)[number][0];

/** The range presets (Today … All time, Custom), as every page with a date range offers them. */
export function RangeSelect<R extends RangePreset>(p: {
  value: R;
  onChange: (r: R) => void;
  testId: string;
  label?: string;
  omit?: RangePreset[];
}) {
  const label = p.label ?? "Range";
  return (
    <label className="flex flex-col gap-1 text-xs font-medium text-muted">
      {label}
      <Select
        value={p.value}
        onChange={(e) => p.onChange(e.target.value as R)}
        aria-label={label}
        data-testid={p.testId}
      >
        {RANGE_PRESETS.filter(([v]) => !p.omit?.includes(v)).map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </Select>
    </label>
  );
}

/** A custom range's first and last day (the server names a wrong one). */
export function DateInputs(p: {
  from?: string;
  to?: string;
  onChange: (patch: { from?: string; to?: string }) => void;
}) {
  return (
    <>
      <label className="flex flex-col gap-1 text-xs font-medium text-muted">
        From
        <Input type="date" value={p.from ?? ""} onChange={(e) => p.onChange({ from: e.target.value })} />
      </label>
      <label className="flex flex-col gap-1 text-xs font-medium text-muted">
        To
        <Input type="date" value={p.to ?? ""} onChange={(e) => p.onChange({ to: e.target.value })} />
      </label>
    </>
  );
}

type ControlsProps = {
  params: EarningsParams;
  update: (p: Partial<EarningsParams>) => void;
  exportHref: ((rows: "transactions" | "buckets") => string) | null;
  canExport: boolean;
  fieldError: { field?: string; message: string } | null;
};

export function EarningsControls({ params, update, exportHref, canExport, fieldError }: ControlsProps) {
  const csv = useCsvDownload();
  return (
    <div className="flex flex-col gap-3" data-testid="earnings-controls">
      <div className="flex flex-wrap items-end gap-3">
        <RangeSelect value={params.range} onChange={(range) => update({ range })} testId="range-select" />
        {params.range === "custom" ? <CustomRange params={params} update={update} fieldError={fieldError} /> : null}
        <ZoneSelect tz={params.tz} update={update} />
        <div className="flex flex-col gap-1 text-xs font-medium text-muted">
          Per
          <Segmented<EarningsParams["granularity"]>
            label="Granularity"
            value={params.granularity}
            onChange={(g) => update({ granularity: g })}
            options={[
              { value: "day", label: "Day" },
              { value: "week", label: "Week" },
              { value: "month", label: "Month" },
            ]}
            className="inline-flex"
          />
        </div>
        <div className="flex flex-col gap-1 text-xs font-medium text-muted">
          Amounts
          <Segmented<EarningsParams["basis"]>
            label="Gross or net"
            value={params.basis}
            onChange={(b) => update({ basis: b })}
            options={[
              { value: "gross", label: "Gross" },
              { value: "net", label: "Net" },
            ]}
            className="inline-flex"
          />
        </div>
        {canExport && exportHref ? (
          <ExportMenu csv={csv} exportHref={exportHref} granularity={params.granularity} />
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

export function CustomRange({ params, update, fieldError }: Pick<ControlsProps, "params" | "update" | "fieldError">) {
  return (
    <>
      <label className="flex flex-col gap-1 text-xs font-medium text-muted">
        From
        <Input
          type="date"
          value={params.from}
          onChange={(e) => update({ from: e.target.value })}
          aria-label="From"
          aria-invalid={fieldError?.field === "from"}
        />
      </label>
      <label className="flex flex-col gap-1 text-xs font-medium text-muted">
        To
        <Input
          type="date"
          value={params.to}
          onChange={(e) => update({ to: e.target.value })}
          aria-label="To"
          aria-invalid={fieldError?.field === "to"}
        />
      </label>
    </>
  );
}

export function ZoneSelect({ tz, update }: { tz: string; update: ControlsProps["update"] }) {
  const viewer = useViewer();
  const all = allTimeZones();
  const zones = all.includes(tz) ? all : [tz, ...all];
  return (
    <label className="flex min-w-0 flex-col gap-1 text-xs font-medium text-muted">
      Time zone
      <Select
        value={tz}
        onChange={(e) => update({ tz: e.target.value === viewer.zone ? "" : e.target.value })}
        aria-label="Time zone"
        className="max-w-56"
        data-testid="tz-select"
      >
        {zones.map((z) => (
          <option key={z} value={z}>
            {z.replace(/_/g, " ")}
            {z === viewer.zone ? " (your zone)" : ""}
          </option>
        ))}
      </Select>
    </label>
  );
}

function ExportMenu({
  csv,
  exportHref,
  granularity,
}: {
  csv: ReturnType<typeof useCsvDownload>;
  exportHref: NonNullable<ControlsProps["exportHref"]>;
  granularity: EarningsParams["granularity"];
}) {
  return (
    <LazyMenu
      load={loadExportMenu}
      trigger={
        <Button
          variant="secondary"
          className="sm:ml-auto"
          data-testid="export-csv"
          disabled={csv.state.status === "running"}
        >
          <Download className="size-4" aria-hidden="true" />{" "}
          {csv.state.status === "running" ? "Exporting…" : "Export CSV"}
        </Button>
      }
      props={{ granularity, onPick: (kind: ExportKind) => void csv.download(exportHref(kind)) }}
    />
  );
}
