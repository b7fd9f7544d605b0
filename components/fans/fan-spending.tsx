"use client";

import { Clock, RefreshCcw, RefreshCwOff, TriangleAlert } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import type { FanPanel, InsightData } from "@/lib/schemas/fans";
import { cn } from "@/lib/utils/cn";
import { money, retryIn, sourceLabel, until } from "./format";
import { useFormat } from "@/components/viewer/viewer";
import { sentences } from "@/lib/utils/sentences";

// The money part of the fan panel. A figure Fanvue did not give is "—"; a
// failed load says so (with when it retries) instead of showing zeros.

function Figure({
  label,
  value,
  hint,
  testId,
  className,
}: {
  label: string;
  value: React.ReactNode;
  hint?: React.ReactNode;
  testId?: string;
  className?: string;
}) {
  return (
    <div className={cn("rounded-lg border border-line p-3", className)}>
      <p className="text-xs font-medium text-muted">{label}</p>
      <p className="tabular mt-1 text-base font-semibold" data-testid={testId}>
        {value}
      </p>
      {hint ? <p className="mt-0.5 text-xs text-muted">{hint}</p> : null}
    </div>
  );
}

function Sources({ d }: { d: InsightData }) {
  const entries = Object.entries(d.sources)
    .filter(([, v]) => v > 0)
    .sort((a, b) => b[1] - a[1]);
  if (entries.length === 0) return <p className="text-sm text-muted">No purchases yet.</p>;
  const max = entries[0]![1];
  return (
    <ul className="flex flex-col gap-1.5" aria-label="Spend by source">
      {entries.map(([k, v]) => (
        <li key={k} className="grid grid-cols-[7.5rem_1fr_auto] items-center gap-2 text-sm">
          <span className="truncate text-muted">{sourceLabel(k)}</span>
          <span className="h-2 rounded-full bg-brand-100">
            <span
              className="block h-2 rounded-full bg-brand-500"
              style={{ width: `${Math.max(4, (v / max) * 100)}%` }}
            />
          </span>
          <span className="tabular text-right">{money(v)}</span>
        </li>
      ))}
    </ul>
  );
}

function Renewal({ d }: { d: InsightData }) {
  const f = useFormat();
  if (d.status === "subscriber" && d.renewsAt) {
    return (
      <Figure
        label={d.autoRenew ? "Renews" : "Ends (auto-renew off)"}
        value={f.date(d.renewsAt)}
        className={d.autoRenew ? undefined : "border-amber-300 bg-amber-50"}
        hint={
          <span className={cn("inline-flex items-center gap-1", !d.autoRenew && "font-medium text-amber-800")}>
            {d.autoRenew ? (
              <RefreshCcw className="size-3" aria-hidden="true" />
            ) : (
              <RefreshCwOff className="size-3" aria-hidden="true" />
            )}
            {d.autoRenew ? "auto-renew on" : "auto-renew off"} · {until(d.renewsAt)}
          </span>
        }
      />
    );
  }
  if (d.status === "expired")
    return (
      <Figure
        label="Subscription ended"
        value={f.date(d.expiredAt)}
        hint={d.expiredAtEstimated ? "estimated from the last payment" : undefined}
      />
    );
  return <Figure label="Subscription" value="None" hint="Following without a subscription" />;
}

function Age({ panel }: { panel: FanPanel }) {
  const f = useFormat();
  const i = panel.insight;
  return (
    <p className="flex items-center gap-1.5 text-xs text-muted" data-testid="insight-age">
      <Clock className="size-3.5" aria-hidden="true" />
      From Fanvue, updated {f.ago(i.fetchedAt)}
      {i.refreshing ? " · refreshing…" : ""}
    </p>
  );
}

export function FanSpending({ panel }: { panel: FanPanel }) {
  const f = useFormat();
  const i = panel.insight;
  const d = i.data;
  const ledger = panel.ledger;
  if (i.state === "unsupported") {
    return (
      <div className="flex flex-col gap-3">
        <Alert tone="info" title="Spending not available" data-testid="insights-unsupported">
          {i.error?.message}
        </Alert>
        {ledger ? (
          <Figure
            label="Lifetime spend (from your synced earnings)"
            value={money(ledger.gross)}
            hint={`net ${money(ledger.net)} · ${ledger.payments} payments · last ${f.date(ledger.lastAt)}`}
          />
        ) : null}
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-3">
      {i.state === "error" ? (
        <Alert
          tone="warning"
          title={d ? "Could not refresh from Fanvue" : "Fanvue could not load this fan's spending"}
          data-testid="insight-error"
        >
          <span className="inline-flex items-start gap-1.5">
            <TriangleAlert className="mt-0.5 size-3.5 shrink-0" aria-hidden="true" />
            {sentences(
              i.error?.message,
              i.retryAt ? `Trying again ${retryIn(i.retryAt)}.` : null,
              d ? `Showing data from ${f.ago(i.fetchedAt)}.` : null,
            )}
          </span>
        </Alert>
      ) : null}
      {d ? (
        <>
          <div className="grid grid-cols-2 gap-2">
            <Figure
              label="Lifetime spend"
              value={money(d.totalGross)}
              hint={ledger ? `net ${money(ledger.net)}` : "gross"}
              testId="fan-lifetime"
            />
            <Figure label="Largest payment" value={money(d.maxPayment)} />
            <Figure
              label="Last purchase"
              value={f.date(d.lastPurchaseAt)}
              hint={d.lastPurchaseAt ? f.ago(d.lastPurchaseAt) : "never"}
            />
            <Figure label="Subscribed since" value={f.date(d.subscribedAt)} />
            <Renewal d={d} />
          </div>
          <Sources d={d} />
          <Age panel={panel} />
        </>
      ) : null}
    </div>
  );
}
