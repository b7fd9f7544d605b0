"use client";

import { AsOf } from "@/components/earnings/as-of";
import { useMemo } from "react";
import { DateInputs, RangeSelect } from "@/components/earnings/controls";
import { CsvButton } from "@/components/earnings/csv-button";
import { Card } from "@/components/ui/card";
import { ErrorState } from "@/components/ui/error-state";
import { Select } from "@/components/ui/select";
import { ClockControl } from "@/components/shifts/clock-control";
import { Skeleton } from "@/components/ui/skeleton";
import { useFormat, useViewer } from "@/components/viewer/viewer";
import { ApiClientError } from "@/lib/queries/fetcher";
import { performanceCsvHref, usePerformance, type PerformanceParams } from "@/lib/queries/performance";
import type { Performance } from "@/lib/schemas/performance";
import { performanceUrlSchema } from "@/lib/schemas/performance-values";
import { ATTRIBUTION_RULES } from "@/lib/schemas/performance-values";
import { useUrlState, type UrlUpdate } from "@/lib/url-state/use-url-state";
import { Leaderboard } from "./leaderboard";
import { SalesSheet } from "./sales-sheet";

type Update = UrlUpdate<typeof performanceUrlSchema>;

/** Who sold what, for a range in the viewer's zone: the leaderboard, the rules, and each member's sales. */
export function PerformanceView({ workspaceId }: { workspaceId: string }) {
  const { state, update } = useUrlState(performanceUrlSchema);
  const zone = useViewer().zone;
  const query: PerformanceParams = useMemo(
    () => ({
      range: state.range,
      tz: zone,
      ...(state.range === "custom" ? { from: state.from, to: state.to } : {}),
      ...(state.creator ? { creatorId: state.creator } : {}),
    }),
    [state.range, state.from, state.to, state.creator, zone],
  );
  const q = usePerformance(workspaceId, query);
  const bad = q.error instanceof ApiClientError && q.error.status === 400 ? q.error : null;
  const data = q.data;
  const open = data?.members.find((m) => (m.userId ?? "none") === state.member) ?? null;
  return (
    <div className="flex flex-col gap-5">
      <Header own={data?.scope === "own"} workspaceId={workspaceId} />
      <Controls state={state} update={update} data={data} csvHref={performanceCsvHref(workspaceId, query)} />
      {bad ? (
        <p className="text-sm text-red-700" role="alert" data-testid="performance-input-error">
          {bad.message}
        </p>
      ) : null}
      {q.isPending ? (
        <Skeleton className="h-64 rounded-xl" />
      ) : !data ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} what="the leaderboard" />
      ) : (
        <>
          <Freshness data={data} />
          <Leaderboard
            data={data}
            busy={q.isFetching}
            onOpen={(member, v = { view: "sales" }) =>
              update({ member, view: v.view, kind: v.view === "sends" ? v.kind : undefined }, { push: true })
            }
          />
          <Rules />
        </>
      )}
      <SalesSheet
        workspaceId={workspaceId}
        query={query}
        member={open}
        performance={data ?? null}
        view={state.view === "sends" ? { view: "sends", kind: state.kind ?? "all" } : { view: "sales" }}
        onView={(v) => update({ view: v.view, kind: v.view === "sends" ? v.kind : undefined })}
        onClose={() => update({ member: undefined, view: undefined, kind: undefined })}
      />
    </div>
  );
}

function Header({ own, workspaceId }: { own: boolean; workspaceId: string }) {
  return (
    <header className="flex flex-wrap items-start justify-between gap-3">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{own ? "My sales" : "Performance"}</h1>
        <p className="mt-1 text-sm text-muted">
          {own
            ? "What you sold and sent, from Fanvue's ledger. Open your row to see each sale."
            : "Who sold what: every chat sale credited to the member who made it. Open a row to see the sales behind it."}
        </p>
      </div>
      <ClockControl workspaceId={workspaceId} />
    </header>
  );
}

type ControlsProps = {
  state: ReturnType<typeof useUrlState<typeof performanceUrlSchema>>["state"];
  update: Update;
  data: Performance | undefined;
  csvHref: string;
};

function Controls({ state, update, data, csvHref }: ControlsProps) {
  return (
    <div className="flex flex-wrap items-end gap-3" data-testid="performance-controls">
      <RangeSelect value={state.range} onChange={(range) => update({ range })} testId="performance-range" />
      {state.range === "custom" ? <DateInputs from={state.from} to={state.to} onChange={update} /> : null}
      {data && data.creators.length > 1 ? (
        <label className="flex flex-col gap-1 text-xs font-medium text-muted">
          Creator
          <Select value={state.creator ?? ""} onChange={(e) => update({ creator: e.target.value || undefined })}>
            <option value="">All creators</option>
            {data.creators.map((c) => (
              <option key={c.id} value={c.id}>
                {c.displayName}
              </option>
            ))}
          </Select>
        </label>
      ) : null}
      <CsvButton href={csvHref} />
    </div>
  );
}

function Freshness({ data }: { data: Performance }) {
  const f = useFormat();
  const r = data.range;
  return (
    <p className="text-xs text-muted" data-testid="performance-freshness">
      {f.day(r.from)}
      {r.to !== r.from ? ` – ${f.day(r.to)}` : ""} in {r.tz}.{" "}
      {data.ledgerSyncedAt ? (
        <>
          Sales from Fanvue&apos;s ledger <AsOf at={data.ledgerSyncedAt} />; later sales appear with the next sync
          (every few minutes).
        </>
      ) : (
        "Fanvue's ledger has not synced yet: sales appear once it has."
      )}
    </p>
  );
}

function Rules() {
  return (
    <Card className="p-4 sm:p-5" data-testid="attribution-rules">
      <h2 className="text-sm font-semibold">How sales are credited</h2>
      <p className="mt-1 text-xs text-muted">
        Fanvue records every message as the creator&apos;s. Vuedeck records who sent it, and credits each chat sale
        once, when the ledger syncs. Subscriptions, renewals and post sales are the creator&apos;s and not listed here.
      </p>
      <ul className="mt-3 flex flex-col gap-1.5 text-sm">
        {ATTRIBUTION_RULES.map((r) => (
          <li key={r.rule}>
            <span className="font-medium">{r.label}</span>: {r.text}
          </li>
        ))}
        <li>
          <span className="font-medium">Median reply</span>: from a fan&apos;s oldest unanswered message (as Fanvue
          shows the chat) to the member&apos;s first message after it; follow-ups are not replies.
        </li>
        <li>
          <span className="font-medium">Per shift hour</span>: revenue credited in the range ÷ the hours the member was
          clocked in during it (Payouts shows the shifts).
        </li>
        <li>
          <span className="font-medium">Reassigned</span>: a manager may credit a sale to someone else, with a reason;
          it is marked and kept in the activity log.
        </li>
      </ul>
    </Card>
  );
}
