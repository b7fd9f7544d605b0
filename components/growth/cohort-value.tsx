"use client";

import { AsOf } from "@/components/earnings/as-of";
import dynamic from "next/dynamic";
import { CsvButton } from "@/components/earnings/csv-button";
import { Card } from "@/components/ui/card";
import { DataTable, type Column } from "@/components/ui/data-table";
import { QueryBody } from "@/components/ui/error-state";
import { Select } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { useFormat, useViewer } from "@/components/viewer/viewer";
import { cohortValueCsvHref, useCohortValue, type GrowthScope } from "@/lib/queries/growth";
import type { CohortValue, retentionUrlSchema, ValueCohort } from "@/lib/schemas/growth";
import type { UrlUpdate } from "@/lib/url-state/use-url-state";
import { formatCount, formatMoney } from "@/lib/utils/format";
import type { UrlState as StateOf } from "@/lib/url-state/fields";

type UrlState = StateOf<typeof retentionUrlSchema>;
/** Table columns: the checkpoints a creator reads a cohort by (the CSV has all of them). */
const SHOWN_DAYS = [30, 60, 90, 180];

// The curves (recharts, ~100 kB gzipped) load after the page, into a box of the same height.
const CurvesPlot = dynamic(() => import("./cohort-value-plot").then((m) => m.CurvesPlot), {
  ssr: false,
  loading: () => <Skeleton className="size-full" />,
});

/** What fans are worth after their first payment, per month or tracking link, with two cohorts compared. */
export function CohortValueSection(p: {
  scope: GrowthScope;
  canExport: boolean;
  state: UrlState;
  update: UrlUpdate<typeof retentionUrlSchema>;
}) {
  const zone = useViewer().zone;
  const query = { months: p.state.months, tz: zone, by: p.state.by };
  const q = useCohortValue(p.scope, query);
  return (
    <section className="flex flex-col gap-3" aria-labelledby="cohort-value-title" data-testid="cohort-value">
      <div>
        <h2 id="cohort-value-title" className="text-lg font-semibold">
          Cohort value
        </h2>
        <p className="mt-1 max-w-2xl text-sm text-muted">
          Net (after Fanvue&apos;s share) per paying fan in the days after their first payment, from the earnings
          ledger. A checkpoint counts only fans whose first payment is older than that, so young cohorts are not dragged
          down by days they have not lived yet. Renewed: subscribers whose first payment is more than 35 days old who
          renewed at least once.
        </p>
      </div>
      <div className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col gap-1 text-xs font-medium text-muted">
          Group fans by
          <Select
            value={p.state.by}
            onChange={(e) => p.update({ by: e.target.value as UrlState["by"] }, { reset: ["a", "b"] })}
            data-testid="cohort-by"
          >
            <option value="month">Month of first payment</option>
            <option value="link">Tracking link</option>
          </Select>
        </label>
        {p.canExport ? <CsvButton href={cohortValueCsvHref(p.scope, query)} /> : null}
      </div>
      <QueryBody q={q} what="cohort value" height="h-80">
        {(data) => <CohortValueBody v={data} state={p.state} update={p.update} />}
      </QueryBody>
    </section>
  );
}

function CohortValueBody({
  v,
  state,
  update,
}: {
  v: CohortValue;
  state: UrlState;
  update: UrlUpdate<typeof retentionUrlSchema>;
}) {
  const f = useFormat();
  const withFans = v.cohorts.filter((c) => c.paying > 0);
  const [a, b] = picked(v, state);
  return (
    <Card className="flex flex-col gap-4 p-3 sm:p-5">
      <p className="text-sm text-muted" data-testid="cohort-freshness">
        Ledger <AsOf at={v.ledgerSyncedAt} className="text-sm" />
        {v.by === "link"
          ? v.linksSyncedAt
            ? ` · tracking links' fans synced ${f.ago(v.linksSyncedAt)}`
            : " · tracking links not synced yet (open Tracking links)"
          : ""}
      </p>
      {withFans.length === 0 ? (
        <p className="text-sm" data-testid="cohort-empty">
          {v.by === "link" ? "No paying fans came through a tracking link yet." : "No paying fans in these months yet."}
        </p>
      ) : (
        <>
          <div className="flex flex-wrap items-end gap-3">
            <CohortPicker label="Compare" cohorts={withFans} value={a?.key} onChange={(k) => update({ a: k })} />
            <CohortPicker label="with" cohorts={withFans} value={b?.key} onChange={(k) => update({ b: k })} />
          </div>
          <Curves v={v} cohorts={[a, b].filter((c): c is ValueCohort => !!c)} />
        </>
      )}
      <ValueTable v={v} />
    </Card>
  );
}

/** The cohorts compared: from the URL, else the two with the most paying fans old enough for 30 days. */
function picked(v: CohortValue, state: UrlState): [ValueCohort | undefined, ValueCohort | undefined] {
  const find = (k?: string) => v.cohorts.find((c) => c.key === k && c.paying > 0);
  const ranked = [...v.cohorts].filter((c) => c.paying > 0).sort((x, y) => (y.mature[2] ?? 0) - (x.mature[2] ?? 0));
  const a = find(state.a) ?? ranked[0];
  const b = find(state.b) ?? ranked.find((c) => c.key !== a?.key);
  return [a, b?.key === a?.key ? undefined : b];
}

function CohortPicker(p: { label: string; cohorts: ValueCohort[]; value?: string; onChange: (key: string) => void }) {
  return (
    <label className="flex flex-col gap-1 text-xs font-medium text-muted">
      {p.label}
      <Select value={p.value ?? ""} onChange={(e) => p.onChange(e.target.value)} data-testid="cohort-pick">
        {p.cohorts.map((c) => (
          <option key={c.key} value={c.key}>
            {c.label}
          </option>
        ))}
      </Select>
    </label>
  );
}

/** Cumulative net per paying fan at each checkpoint; a cohort's line stops where it is too young. */
function Curves({ v, cohorts }: { v: CohortValue; cohorts: ValueCohort[] }) {
  const locale = useViewer().locale;
  const data = [0, ...v.days].map((d, i) => ({
    day: d,
    ...Object.fromEntries(cohorts.map((c) => [c.key, i === 0 ? 0 : (c.value[i - 1] ?? undefined)])),
  }));
  return (
    <div className="h-64" data-testid="cohort-curves" role="img" aria-label={curvesLabel(v, cohorts, locale)}>
      <CurvesPlot data={data} cohorts={cohorts} />
    </div>
  );
}

const curvesLabel = (v: CohortValue, cohorts: ValueCohort[], locale: string) =>
  cohorts
    .map((c) => {
      const at = v.days.indexOf(90);
      const x = c.value[at];
      return `${c.label}: ${x === null || x === undefined ? "too young for 90 days" : `${formatMoney(x, "USD", locale)} per paying fan at 90 days`}`;
    })
    .join("; ");

function ValueTable({ v }: { v: CohortValue }) {
  const locale = useViewer().locale;
  const money = (c: ValueCohort, d: number) => {
    const i = v.days.indexOf(d);
    const x = c.value[i];
    return (
      <span title={`${formatCount(c.mature[i] ?? 0)} paying fans more than ${d} days in`}>
        {x === null || x === undefined ? "—" : formatMoney(x, "USD", locale)}
      </span>
    );
  };
  const columns: Column<ValueCohort>[] = [
    { id: "cohort", header: v.by === "month" ? "First paid" : "Tracking link", cell: (c) => c.label },
    { id: "fans", header: v.by === "month" ? "Fans" : "Fans in", numeric: true, cell: (c) => formatCount(c.fans) },
    { id: "paying", header: "Paying", numeric: true, cell: (c) => formatCount(c.paying) },
    {
      id: "renewal",
      header: "Renewed",
      numeric: true,
      cell: (c) => (c.renewalRate === null ? "—" : `${Math.round(c.renewalRate * 100)}%`),
    },
    ...SHOWN_DAYS.map((d) => ({
      id: `d${d}`,
      header: `${d} days`,
      numeric: true,
      cell: (c: ValueCohort) => money(c, d),
    })),
  ];
  return (
    <DataTable
      columns={columns}
      rows={v.cohorts}
      rowKey={(c) => c.key}
      caption="Net per paying fan by cohort"
      density="compact"
      minWidth={640}
      testId="cohort-table"
    />
  );
}
