"use client";

import { Checkbox } from "@/components/ui/choice";
import { useEffect, useState } from "react";
import dynamic from "next/dynamic";
import { Skeleton } from "@/components/ui/skeleton";
import type { EarningsMarker, EarningsMarkers, EarningsReport, SourceGroup } from "@/lib/schemas/earnings";
import { SOURCES } from "@/lib/schemas/earnings-values";
import { formatMoney } from "@/lib/utils/format";
import { formatBucket } from "@/lib/utils/time";
import { useViewer } from "@/components/viewer/viewer";
import type { Row } from "./chart-plot";
import { SOURCE_COLORS, SOURCE_LABELS } from "./palette";

// The bars (recharts, ~100 kB gzipped) load after the page, into a box of the same height.
const EarningsPlot = dynamic(() => import("./chart-plot").then((m) => m.EarningsPlot), {
  ssr: false,
  loading: () => <Skeleton className="size-full" />,
});

const MARKERS_KEY = "vuedeck:earnings:markers";

type Props = { report: EarningsReport; basis: "gross" | "net"; markers?: EarningsMarkers };

/** Markers are shown unless the user turned them off (remembered in this browser). */
function useShowMarkers() {
  const [showMarkers, setShowMarkers] = useState(true);
  useEffect(() => setShowMarkers(localStorage.getItem(MARKERS_KEY) !== "off"), []);
  const toggleMarkers = (on: boolean) => {
    setShowMarkers(on);
    localStorage.setItem(MARKERS_KEY, on ? "on" : "off");
  };
  return [showMarkers, toggleMarkers] as const;
}

/** True on a phone-width screen. */
function useNarrow() {
  const [narrow, setNarrow] = useState(false);
  useEffect(() => {
    const mq = window.matchMedia("(max-width: 639px)");
    const on = () => setNarrow(mq.matches);
    on();
    mq.addEventListener("change", on);
    return () => mq.removeEventListener("change", on);
  }, []);
  return narrow;
}

/** One row per bucket: the amount per source (gross or net) and its markers. */
function toRows(report: EarningsReport, basis: "gross" | "net", markers: EarningsMarker[], locale: string): Row[] {
  const byBucket = new Map<string, EarningsMarker[]>();
  for (const m of markers) byBucket.set(m.bucket, [...(byBucket.get(m.bucket) ?? []), m]);
  return report.series.map((s) => {
    const row: Row = {
      bucket: s.bucket,
      label: formatBucket(s.bucket, report.range.granularity, locale),
      partial: s.partial,
      markers: byBucket.get(s.bucket),
    };
    for (const k of SOURCES) if (s.bySource[k]) row[k] = s.bySource[k]![basis];
    // Its net is known only once the ledger has the row.
    if (basis === "gross" && s.provisionalGross > 0) row.provisional = s.provisionalGross;
    return row;
  });
}

export function EarningsChart({ report, basis, markers }: Props) {
  const { locale } = useViewer();
  const g = report.range.granularity;
  const [showMarkers, toggleMarkers] = useShowMarkers();
  const narrow = useNarrow();
  const data = toRows(report, basis, showMarkers ? (markers?.markers ?? []) : [], locale);
  const marked = data.filter((d) => d.markers?.length);
  // Many bars on a small chart: lighter lines and plain dots.
  const crowded = data.length > (narrow ? 24 : 70);
  const used = SOURCES.filter((k) => data.some((d) => d[k]));
  return (
    <figure className="rounded-xl border border-line bg-surface p-4 shadow-sm" data-testid="earnings-chart">
      <ChartCaption
        basis={basis}
        g={g}
        used={used}
        markers={markers ? { show: showMarkers, toggle: toggleMarkers } : null}
      />
      <div className="h-64 min-w-0 overflow-hidden sm:h-80">
        <EarningsPlot data={data} used={used} marked={marked} crowded={crowded} basis={basis} g={g} />
      </div>
      <p className="sr-only">
        Earnings chart: {data.length} {g}s from {report.range.from} to {report.range.to}, total{" "}
        {formatMoney(report.totals[basis] + (basis === "gross" ? report.provisional.gross : 0))} {basis}.
      </p>
      {markers && showMarkers ? <MarkersSummary markers={markers} marked={marked} /> : null}
    </figure>
  );
}

function ChartCaption({
  basis,
  g,
  used,
  markers,
}: {
  basis: "gross" | "net";
  g: string;
  used: SourceGroup[];
  markers: { show: boolean; toggle: (on: boolean) => void } | null;
}) {
  return (
    <figcaption className="mb-3 flex flex-wrap items-center justify-between gap-2 text-sm">
      <span className="font-semibold">
        {basis === "gross" ? "Gross" : "Net"} earnings per {g}, USD
      </span>
      <span className="flex flex-wrap gap-3 text-xs text-muted">
        {used.map((k) => (
          <span key={k} className="flex items-center gap-1.5">
            <span
              className="inline-block size-2.5 rounded-sm"
              style={{ background: SOURCE_COLORS[k] }}
              aria-hidden="true"
            />
            {SOURCE_LABELS[k]}
          </span>
        ))}
        {markers ? (
          <label
            className="flex cursor-pointer items-center gap-1.5 text-ink"
            title="P = post published, M = mass message sent"
          >
            <Checkbox
              checked={markers.show}
              onChange={(e) => markers.toggle(e.target.checked)}
              data-testid="markers-toggle"
            />
            Posts (P) &amp; mass messages (M)
          </label>
        ) : null}
      </span>
    </figcaption>
  );
}

function MarkersSummary({ markers, marked }: { markers: EarningsMarkers; marked: Row[] }) {
  const counts = { post: 0, mass: 0 };
  for (const d of marked) for (const m of d.markers!) counts[m.kind]++;
  return (
    <p
      className="mt-2 text-xs text-muted"
      data-testid="markers-summary"
      data-posts={counts.post}
      data-mass={counts.mass}
    >
      {counts.post} {counts.post === 1 ? "post" : "posts"} and {counts.mass} mass{" "}
      {counts.mass === 1 ? "message" : "messages"} in this range
      {markers.truncated ? " (only the 200 newest posts were read)" : ""}
      {markers.partial ? `. ${markers.partial}` : ""}. Hover a bar for what was posted or sent.
    </p>
  );
}
