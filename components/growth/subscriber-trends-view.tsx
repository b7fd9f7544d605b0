"use client";

import { TrendingUp } from "lucide-react";
import { useMemo } from "react";
import { DateInputs, RangeSelect } from "@/components/earnings/controls";
import { CsvButton } from "@/components/earnings/csv-button";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { QueryBody } from "@/components/ui/error-state";
import { Select } from "@/components/ui/select";
import { useFormat, useViewer } from "@/components/viewer/viewer";
import type { GrowthScope } from "@/lib/queries/growth";
import { subscriberTrendsCsvHref, useSubscriberTrends } from "@/lib/queries/subscriber-trends";
import type { SubscriberTrends, SubscriberTrendsQuery } from "@/lib/schemas/subscriber-trends";
import { LAPSE_DAYS } from "@/lib/schemas/subscriber-trends-values";
import { subscriberTrendsUrlSchema } from "@/lib/schemas/subscriber-trends-values";
import { useUrlState } from "@/lib/url-state/use-url-state";
import { AutoRenewChart } from "./auto-renew-chart";
import { SubscriberTrendsChart } from "./subscriber-trends-chart";
import { SubscriberTrendsTable } from "./subscriber-trends-table";

/** New, renewed, lapsed and net paid subscribers from the ledger, Fanvue's own counts beside them, and the
 * auto-renew-off share Vuedeck records: one creator's, or every creator's of a workspace. */
export function SubscriberTrendsView({ scope, canExport }: { scope: GrowthScope; canExport: boolean }) {
  const { state, update } = useUrlState(subscriberTrendsUrlSchema);
  const zone = useViewer().zone;
  const query: SubscriberTrendsQuery = useMemo(
    () => ({
      range: state.range,
      tz: zone,
      granularity: state.granularity,
      ...(state.range === "custom" ? { from: state.from, to: state.to } : {}),
    }),
    [state, zone],
  );
  const q = useSubscriberTrends(scope, query);
  return (
    <div className="flex flex-col gap-5" data-testid="subscriber-trends">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">
          {scope.kind === "workspace" ? "All subscriber trends" : "Subscriber trends"}
        </h1>
        <p className="mt-1 max-w-3xl text-sm text-muted">
          Who subscribed, renewed and lapsed{scope.kind === "workspace" ? " across all your creators" : ""}, per{" "}
          {state.granularity} in your time zone ({zone}).
          {scope.kind === "workspace" ? " A fan of two creators counts once for each." : ""}
        </p>
      </header>
      <div className="flex flex-wrap items-end gap-3">
        <RangeSelect value={state.range} onChange={(range) => update({ range })} testId="trends-range" />
        {state.range === "custom" ? <DateInputs from={state.from} to={state.to} onChange={update} /> : null}
        <label className="flex flex-col gap-1 text-xs font-medium text-muted">
          Per
          <Select
            value={state.granularity}
            onChange={(e) => update({ granularity: e.target.value as SubscriberTrendsQuery["granularity"] })}
            data-testid="trends-granularity"
          >
            <option value="day">Day</option>
            <option value="week">Week</option>
            <option value="month">Month</option>
          </Select>
        </label>
        {canExport ? <CsvButton href={subscriberTrendsCsvHref(scope, query)} testId="trends-csv" /> : null}
      </div>
      <QueryBody q={q} what="the subscriber trends" height="h-96">
        {(data) => <Loaded t={data} busy={q.isPlaceholderData} />}
      </QueryBody>
    </div>
  );
}

function Loaded({ t, busy }: { t: SubscriberTrends; busy: boolean }) {
  const empty = t.rows.every((r) => !r.newPaid && !r.renewed && !r.lapsed && !r.fanvueNew && !r.cancelled);
  return (
    <>
      <FanvueNotice t={t} />
      {empty ? <Empty synced={t.ledgerSyncedAt !== null} /> : <SubscriberTrendsChart t={t} />}
      <Card className="overflow-hidden">
        <SubscriberTrendsTable t={t} busy={busy} />
      </Card>
      <HowCounted t={t} />
      <AutoRenewChart autoRenew={t.autoRenew} />
    </>
  );
}

/** Fanvue's columns: stale (its last good answer, with its age) or unavailable (the ledger's stand). */
function FanvueNotice({ t }: { t: SubscriberTrends }) {
  const f = useFormat();
  const fv = t.fanvue;
  if (fv.state === "fresh") return null;
  const retrying = fv.retrying ? ", retrying" : "";
  return (
    <Alert
      tone="warning"
      data-testid="trends-fanvue-state"
      data-state={fv.state}
      title={
        fv.state === "unavailable"
          ? `Fanvue's counts unavailable: ${fv.reason}${retrying}`
          : `Fanvue's counts from ${f.ago(fv.fetchedAt)}: ${fv.reason}${retrying}`
      }
    >
      {fv.state === "unavailable"
        ? "The ledger's figures (new paid, renewed, lapsed, net) are complete; Fanvue's columns show — until it answers."
        : "The ledger's figures are current; Fanvue's columns are its last good answer."}
    </Alert>
  );
}

function Empty({ synced }: { synced: boolean }) {
  return (
    <EmptyState
      icon={<TrendingUp className="size-6" aria-hidden="true" />}
      title={synced ? "No subscriptions in this range" : "Reading your earnings from Fanvue…"}
      testId="trends-empty"
    >
      {synced
        ? "Nobody subscribed, renewed, cancelled or lapsed in these dates. Try a longer range."
        : "Subscriptions appear here once the earnings ledger's first sync is done."}
    </EmptyState>
  );
}

function HowCounted({ t }: { t: SubscriberTrends }) {
  const f = useFormat();
  return (
    <div className="flex max-w-3xl flex-col gap-1.5 text-xs text-muted" data-testid="trends-how">
      <p>
        <span className="font-medium text-ink">New paid, renewed, lapsed and net paid</span> come from your earnings
        ledger, each payment placed at its exact time in {t.range.tz} (clock changes included): distinct fans with a
        paid new subscription or a paid renewal. A subscriber lapses {LAPSE_DAYS} days (a month plus Fanvue&apos;s retry
        days) after their last paid subscription or renewal when none followed, counted when that day has passed. Net
        paid = new paid − lapsed.
        {t.ledgerSyncedAt ? ` Ledger synced ${f.ago(t.ledgerSyncedAt)}.` : " The ledger has not synced yet."}
      </p>
      <p>
        <span className="font-medium text-ink">New (Fanvue) and cancelled (Fanvue)</span> are Fanvue&apos;s own daily
        counts, free trials and free subscriptions included. Fanvue counts whole days from midnight at one UTC offset
        per request, so Vuedeck asks for each stretch between your zone&apos;s clock changes with that stretch&apos;s
        own offset ({t.fanvueSpans.length} {t.fanvueSpans.length === 1 ? "stretch" : "stretches"} in this range): every
        day is a day in {t.range.tz}. <span className="font-medium text-ink">Free trials and free subscriptions</span> =
        Fanvue&apos;s new − new paid, never below 0.
      </p>
    </div>
  );
}
