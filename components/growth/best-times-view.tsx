"use client";

import { AsOf } from "@/components/earnings/as-of";
import { useMemo } from "react";
import { DateInputs, RangeSelect } from "@/components/earnings/controls";
import { CsvButton } from "@/components/earnings/csv-button";
import { Card } from "@/components/ui/card";
import { QueryBody } from "@/components/ui/error-state";
import { Select } from "@/components/ui/select";
import { useFormat, useViewer } from "@/components/viewer/viewer";
import { bestTimesCsvHref, useBestTimes, type GrowthScope } from "@/lib/queries/growth";
import { EARNING_SOURCE_LABELS, SOURCES } from "@/lib/schemas/earnings-values";
import type { BestTimes, BestTimesQuery } from "@/lib/schemas/growth";
import { bestTimesUrlSchema } from "@/lib/schemas/growth-values";
import { useUrlState } from "@/lib/url-state/use-url-state";
import { cn } from "@/lib/utils/cn";
import { formatCount, formatMoney } from "@/lib/utils/format";

const DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const HOURS = Array.from({ length: 24 }, (_, h) => h);

/** When fans pay: revenue per weekday × hour in the viewer's zone, with posts and mass messages marked. */
export function BestTimesView({ scope, canExport }: { scope: GrowthScope; canExport: boolean }) {
  const { state, update } = useUrlState(bestTimesUrlSchema);
  const zone = useViewer().zone;
  const query: BestTimesQuery = useMemo(
    () => ({
      range: state.range,
      tz: zone,
      source: state.source,
      ...(state.range === "custom" ? { from: state.from, to: state.to } : {}),
    }),
    [state, zone],
  );
  const q = useBestTimes(scope, query);
  return (
    <div className="flex flex-col gap-5" data-testid="best-times">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">Best times</h1>
        <p className="mt-1 max-w-2xl text-sm text-muted">
          When fans pay{scope.kind === "workspace" ? ", across all your creators," : ""} by weekday and hour in your
          time zone ({zone}): pick when to post and to send mass messages. Dots mark the posts and mass messages sent
          through Vuedeck in the range.
        </p>
      </header>
      <div className="flex flex-wrap items-end gap-3">
        <RangeSelect value={state.range} onChange={(range) => update({ range })} testId="best-times-range" />
        {state.range === "custom" ? <DateInputs from={state.from} to={state.to} onChange={update} /> : null}
        <label className="flex flex-col gap-1 text-xs font-medium text-muted">
          Source
          <Select value={state.source} onChange={(e) => update({ source: e.target.value as BestTimesQuery["source"] })}>
            <option value="all">All sources</option>
            {SOURCES.map((s) => (
              <option key={s} value={s}>
                {EARNING_SOURCE_LABELS[s] ?? s}
              </option>
            ))}
          </Select>
        </label>
        {canExport ? <CsvButton href={bestTimesCsvHref(scope, query)} /> : null}
      </div>
      <QueryBody q={q} what="the best times" height="h-96">
        {(data) => (
          <>
            <Summary b={data} />
            <Heatmap b={data} />
          </>
        )}
      </QueryBody>
    </div>
  );
}

function Summary({ b }: { b: BestTimes }) {
  const f = useFormat();
  const top = [...b.cells].sort((x, y) => y.gross - x.gross).slice(0, 3);
  return (
    <p className="text-sm" data-testid="best-times-summary">
      {formatMoney(b.total.gross)} from {formatCount(b.total.sales)} sales, {f.day(b.range.from)} – {f.day(b.range.to)}.
      {top.length ? " Best: " : ""}
      {top.map((c, i) => (
        <span key={`${c.weekday}-${c.hour}`} className="font-medium">
          {i ? ", " : ""}
          {DAYS[c.weekday - 1]} {String(c.hour).padStart(2, "0")}:00 ({formatMoney(c.gross)})
        </span>
      ))}
      <span className="text-muted">
        {" "}
        · ledger <AsOf at={b.ledgerSyncedAt} className="text-[length:inherit]" />
      </span>
    </p>
  );
}

/** Hours down, days across: seven columns fit a phone; the darker, the more revenue. A CSS grid with
 * table roles (a heatmap, not a data table: no sorting, no footer). */
function Heatmap({ b }: { b: BestTimes }) {
  const by = new Map(b.cells.map((c) => [`${c.weekday}-${c.hour}`, c]));
  const marked = new Map<string, string[]>();
  for (const m of b.markers) {
    const k = `${m.weekday}-${m.hour}`;
    marked.set(k, [...(marked.get(k) ?? []), m.kind === "post" ? "post" : "mass message"]);
  }
  const max = Math.max(1, ...b.cells.map((c) => c.gross));
  const row = "grid grid-cols-[3.25rem_repeat(7,minmax(0,1fr))] gap-0.5";
  return (
    <Card className="p-3 sm:p-5">
      <div
        role="table"
        aria-label="Revenue by weekday and hour"
        className="flex flex-col gap-0.5 text-xs"
        data-testid="best-times-grid"
      >
        <div role="row" className={row}>
          <span role="columnheader" />
          {DAYS.map((d) => (
            <span key={d} role="columnheader" className="text-center font-medium text-muted">
              {d}
            </span>
          ))}
        </div>
        {HOURS.map((h) => (
          <div key={h} role="row" className={row}>
            <span role="rowheader" className="pr-1 text-right text-muted tabular-nums">
              {String(h).padStart(2, "0")}:00
            </span>
            {DAYS.map((d, i) => {
              const c = by.get(`${i + 1}-${h}`);
              const share = c ? c.gross / max : 0;
              const marks = marked.get(`${i + 1}-${h}`);
              const label = `${d} ${String(h).padStart(2, "0")}:00: ${formatMoney(c?.gross ?? 0)}, ${formatCount(c?.sales ?? 0)} sales${marks ? `; ${marks.join(", ")}` : ""}`;
              return (
                <span
                  key={d}
                  role="cell"
                  title={label}
                  aria-label={label}
                  className={cn("relative h-6 rounded", share === 0 && "bg-zinc-50")}
                  style={share ? { backgroundColor: `rgb(7 148 79 / ${0.12 + share * 0.88})` } : undefined}
                  data-testid="best-times-cell"
                >
                  {marks ? (
                    <span className="absolute top-0.5 right-0.5 size-1.5 rounded-full bg-ink ring-1 ring-surface" />
                  ) : null}
                </span>
              );
            })}
          </div>
        ))}
      </div>
    </Card>
  );
}
