"use client";

import { CsvButton } from "@/components/earnings/csv-button";
import { Card } from "@/components/ui/card";
import { QueryBody } from "@/components/ui/error-state";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { Select } from "@/components/ui/select";
import { useFormat, useViewer } from "@/components/viewer/viewer";
import { retentionCsvHref, useRetention, type GrowthScope } from "@/lib/queries/growth";
import type { Retention } from "@/lib/schemas/growth";
import { retentionUrlSchema } from "@/lib/schemas/growth-values";
import { useUrlState } from "@/lib/url-state/use-url-state";
import { formatCount } from "@/lib/utils/format";
import { CohortValueSection } from "./cohort-value";

const pct = (n: number) => `${Math.round(n * 100)}%`;

/** Whether fans stay: monthly cohorts of first paid subscription × the months they paid again, and what
 * each cohort is worth in the months after its first payment. */
export function RetentionView({ scope, canExport }: { scope: GrowthScope; canExport: boolean }) {
  const zone = useViewer().zone;
  const { state, update } = useUrlState(retentionUrlSchema);
  const query = { months: state.months, tz: zone };
  const q = useRetention(scope, query);
  return (
    <div className="flex flex-col gap-5" data-testid="retention">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">Retention</h1>
        <p className="mt-1 max-w-2xl text-sm text-muted">
          Fans grouped by the month of their first paid subscription, and the share who paid again (a renewal or a new
          subscription) each month after, from the earnings ledger, months in {zone}. Free trials pay nothing, so a fan
          who started on a trial counts from their first paid month.
          {scope.kind === "workspace" ? " Across all your creators: a fan of two creators counts once for each." : ""}
        </p>
      </header>
      <div className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col gap-1 text-xs font-medium text-muted">
          Cohorts
          <Select
            value={state.months}
            onChange={(e) => update({ months: Number(e.target.value) })}
            data-testid="retention-months"
          >
            {[6, 12, 24].map((m) => (
              <option key={m} value={m}>
                Last {m} months
              </option>
            ))}
          </Select>
        </label>
        {canExport ? <CsvButton href={retentionCsvHref(scope, query)} /> : null}
      </div>
      <QueryBody q={q} what="retention" height="h-96">
        {(data) => <Triangle r={data} />}
      </QueryBody>
      <CohortValueSection scope={scope} canExport={canExport} state={state} update={update} />
    </div>
  );
}

function Triangle({ r }: { r: Retention }) {
  const f = useFormat();
  const width = Math.max(1, ...r.cohorts.map((c) => c.retained.length));
  const cols = `grid gap-0.5`;
  const template = { gridTemplateColumns: `5rem 3.5rem repeat(${width}, minmax(2.75rem, 1fr))` };
  return (
    <Card className="flex flex-col gap-3 p-3 sm:p-5">
      <p className="text-sm" data-testid="retention-churn">
        {r.firstMonthChurn === null
          ? "Not enough history yet for a first-month churn rate."
          : `On average ${pct(r.firstMonthChurn)} of a cohort does not pay again the month after.`}
        {r.ledgerSyncedAt ? <span className="text-muted"> · ledger synced {f.ago(r.ledgerSyncedAt)}</span> : null}
      </p>
      <ScrollRegion label="Retention by cohort (scrolls sideways)">
        <div role="table" aria-label="Retention by cohort" className="flex min-w-max flex-col gap-0.5 text-xs">
          <div role="row" className={cols} style={template}>
            <span role="columnheader" className="font-medium text-muted">
              Cohort
            </span>
            <span role="columnheader" className="text-right font-medium text-muted">
              Fans
            </span>
            {Array.from({ length: width }, (_, k) => (
              <span key={k} role="columnheader" className="text-center font-medium text-muted">
                {k === 0 ? "M0" : `+${k}`}
              </span>
            ))}
          </div>
          {r.cohorts.map((c) => (
            <div key={c.month} role="row" className={cols} style={template} data-testid="retention-row">
              <span role="rowheader" className="tabular-nums">
                {c.month}
              </span>
              <span role="cell" className="text-right tabular-nums">
                {formatCount(c.size)}
              </span>
              {c.retained.map((n, k) => {
                const share = c.size ? n / c.size : 0;
                return (
                  <span
                    key={k}
                    role="cell"
                    title={`${c.month}, month +${k}: ${formatCount(n)} of ${formatCount(c.size)} fans`}
                    className="rounded py-1 text-center tabular-nums"
                    // The heat colour is a theme token, chosen so the cell's text keeps 4.5:1 at full intensity in both themes.
                    style={c.size ? { backgroundColor: `rgb(var(--heat-rgb) / ${0.08 + share * 0.72})` } : undefined}
                  >
                    {c.size ? pct(share) : "—"}
                  </span>
                );
              })}
            </div>
          ))}
        </div>
      </ScrollRegion>
    </Card>
  );
}
