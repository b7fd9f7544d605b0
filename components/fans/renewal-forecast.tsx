"use client";

import { Flame } from "lucide-react";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { useForecast } from "@/lib/queries/fans";
import type { Forecast, ForecastDay } from "@/lib/schemas/fans";
import { cn } from "@/lib/utils/cn";
import { formatCount } from "@/lib/utils/format";
import { money } from "./format";
import { ForecastDayList } from "./forecast-day";
import { useFormat, useViewer } from "@/components/viewer/viewer";

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
// Calendar arithmetic on "YYYY-MM-DD" (already in the viewer's zone).
const weekdayOf = (date: string) => (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
const dayNum = (date: string) => Number(date.slice(8));

function Summary({ f }: { f: Forecast }) {
  const sum = (k: keyof ForecastDay) => f.days.reduce((s, d) => s + (d[k] as number), 0);
  const price =
    f.renewalPrice === null
      ? null
      : `${money(f.renewalPrice)} per renewal (${f.priceSource === "ledger" ? "latest renewal in your earnings" : "typical subscription payment, estimated"})`;
  return (
    <div className="grid grid-cols-2 gap-3 lg:grid-cols-4" data-testid="forecast-summary">
      <Tile label="Expected renewals" value={formatCount(sum("count"))} hint="auto-renew on" />
      <Tile
        label="Expected gross"
        value={f.renewalPrice === null ? "—" : money(sum("expectedGross"))}
        hint={price ?? "no renewal price known yet"}
      />
      <Tile
        label="At risk"
        value={formatCount(sum("atRiskCount"))}
        hint={`auto-renew off${f.renewalPrice !== null ? ` · ${money(sum("atRiskGross"))}` : ""}`}
        tone="amber"
      />
      <Tile
        label="High spenders at risk"
        value={formatCount(sum("highSpendersAtRisk"))}
        hint={f.highSpenderMin !== null ? `top 10 % (≥ ${money(f.highSpenderMin)} lifetime)` : "top 10 % of spenders"}
        tone="red"
      />
    </div>
  );
}

function Tile({ label, value, hint, tone }: { label: string; value: string; hint: string; tone?: "amber" | "red" }) {
  return (
    <div
      className={cn(
        "rounded-xl border border-line bg-surface p-4 shadow-sm",
        tone === "amber" && "border-amber-200 bg-amber-50/60",
        tone === "red" && "border-red-200 bg-red-50/60",
      )}
    >
      <p className="text-xs font-medium tracking-wide text-muted uppercase">{label}</p>
      <p className="tabular mt-1.5 text-2xl font-semibold">{value}</p>
      <p className="mt-1 text-xs text-muted">{hint}</p>
    </div>
  );
}

function DayCell({
  d,
  selected,
  onSelect,
  priced,
}: {
  d: ForecastDay;
  selected: boolean;
  onSelect: () => void;
  priced: boolean;
}) {
  const fmt = useFormat();
  const empty = d.count + d.atRiskCount === 0;
  return (
    <button
      type="button"
      onClick={onSelect}
      disabled={empty}
      aria-pressed={selected}
      data-testid={`forecast-day-${d.date}`}
      aria-label={`${d.date}: ${d.count} expected renewals, ${d.atRiskCount} at risk${d.highSpendersAtRisk ? `, ${d.highSpendersAtRisk} high spenders at risk` : ""}`}
      className={cn(
        "flex min-h-16 flex-col items-start rounded-lg border p-1.5 text-left text-xs transition-colors sm:min-h-24 sm:p-2",
        empty ? "border-transparent bg-canvas/60 text-zinc-400" : "border-line bg-surface hover:border-brand-300",
        d.highSpendersAtRisk > 0 && "border-red-300 bg-red-50",
        selected && "ring-2 ring-brand-500",
      )}
    >
      <span className="font-medium text-muted">
        {dayNum(d.date) === 1 ? fmt.day(d.date, "dayMonth") : dayNum(d.date)}
      </span>
      {!empty ? (
        <>
          <span className="tabular mt-auto text-sm font-semibold text-ink sm:text-base">{formatCount(d.count)}</span>
          {priced ? <span className="tabular hidden text-muted sm:block">{money(d.expectedGross)}</span> : null}
          {d.atRiskCount ? (
            <span className="mt-0.5 inline-flex items-center gap-0.5 font-medium text-amber-700">
              {d.highSpendersAtRisk ? <Flame className="size-3 text-red-600" aria-hidden="true" /> : null}
              {formatCount(d.atRiskCount)}
              <span className="hidden sm:inline"> at risk</span>
            </span>
          ) : null}
        </>
      ) : null}
    </button>
  );
}

/** Expected renewals for the next 30 days, per day in the viewer's zone. */
export function RenewalForecast({ creatorId, onOpenFan }: { creatorId: string; onOpenFan: (fanUuid: string) => void }) {
  const tz = useViewer().zone;
  const { data: f, error, isPending, refetch } = useForecast(creatorId, tz);
  const [selected, setSelected] = useState<string | null>(null);
  if (isPending) return <Skeleton className="h-96 rounded-xl" />;
  if (!f) return <ErrorState error={error} onRetry={() => void refetch()} what="the renewal forecast" />;
  if (!f.insightsAvailable) {
    return (
      <Alert tone="info" title="No renewal forecast for agency-managed creators">
        Fanvue&apos;s API gives subscription renewal dates only through fan insights, which it does not offer for
        agency-managed creators.
      </Alert>
    );
  }
  const lead = f.days.length ? weekdayOf(f.days[0]!.date) : 0;
  return (
    <div className="flex flex-col gap-4" data-testid="renewal-forecast">
      {!f.coverage.complete ? (
        <Alert tone="info" title="Partial forecast" data-testid="forecast-partial">
          Based on the {formatCount(f.coverage.analysed)} subscribers analysed so far
          {f.coverage.audience !== null ? ` of ${formatCount(f.coverage.audience)}` : ""}. Analyse all fans for the full
          forecast.
        </Alert>
      ) : null}
      <Summary f={f} />
      <Card>
        <CardHeader>
          <CardTitle>Next {f.days.length} days</CardTitle>
          <span className="text-xs text-muted">Times in {tz}</span>
        </CardHeader>
        <CardBody>
          <div className="grid grid-cols-7 gap-1 sm:gap-1.5" role="group" aria-label="Renewals per day">
            {WEEKDAYS.map((w) => (
              <span key={w} className="pb-1 text-center text-[11px] font-medium text-muted uppercase">
                {w}
              </span>
            ))}
            {Array.from({ length: lead }, (_, i) => (
              <span key={`lead-${i}`} aria-hidden="true" />
            ))}
            {f.days.map((d) => (
              <DayCell
                key={d.date}
                d={d}
                priced={f.renewalPrice !== null}
                selected={selected === d.date}
                onSelect={() => setSelected(selected === d.date ? null : d.date)}
              />
            ))}
          </div>
        </CardBody>
      </Card>
      {selected ? <ForecastDayList creatorId={creatorId} tz={tz} day={selected} onOpenFan={onOpenFan} /> : null}
    </div>
  );
}
