"use client";

import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { DataTable, type Column } from "@/components/ui/data-table";
import { QueryBody } from "@/components/ui/error-state";
import { useViewer } from "@/components/viewer/viewer";
import { useReconciliation, useSyncNow } from "@/lib/queries/earnings";
import type { EdgeLine, Reconciliation } from "@/lib/schemas/reconcile";
import { cn } from "@/lib/utils/cn";
import { formatCount, formatMoney } from "@/lib/utils/format";
import { formatDateTime, formatDay, formatTime, type Viewer } from "@/lib/utils/time";
import { earningSourceLabel } from "@/lib/schemas/earnings-values";
import { CustomRange, RangeSelect, ZoneSelect } from "./controls";
import { useEarningsParams } from "./use-earnings-params";

// "Why does this number differ?": the ledger's figure for a range, bridged
// line by line to Fanvue's own earnings summary, then its refunds, Fanvue's
// share and what is pending payout. The server does the sums
// (lib/server/earnings/reconcile.ts); this page only words them.

type Line = {
  key: string;
  label: ReactNode;
  gross: number;
  net: number;
  kind: "start" | "step" | "total" | "warn";
  signed?: boolean;
};

/** "+$12.00" / "−$12.00" for a step; a plain figure for a total. */
const amount = (cents: number, signed: boolean) =>
  cents === 0
    ? formatMoney(0)
    : !signed
      ? formatMoney(cents)
      : `${cents > 0 ? "+" : "−"}${formatMoney(Math.abs(cents))}`;

const COLUMNS: Column<Line>[] = [
  { id: "what", header: "What", cell: (l) => l.label, className: "min-w-28 whitespace-normal sm:min-w-40" },
  { id: "gross", header: "Gross", numeric: true, cell: (l) => amount(l.gross, l.signed ?? false) },
  { id: "net", header: "Net", numeric: true, cell: (l) => amount(l.net, l.signed ?? false) },
];

const rowProps = (l: Line) => ({
  "data-line": l.key,
  className: cn(l.kind === "total" && "bg-canvas/60 font-semibold", l.kind === "warn" && "bg-amber-50 text-amber-900"),
});

const payments = (n: number) => `${formatCount(n)} ${n === 1 ? "payment" : "payments"}`;

/** An edge in words: when, in the range's zone, and which side of the comparison it falls on. */
function edgeLabel(e: EdgeLine, v: Viewer, which: "start" | "end") {
  const when = `${formatDateTime(e.fromUtc, v, "compact")} – ${formatTime(e.toUtc, v)}`;
  const side =
    e.sign > 0
      ? "in your days, not in Fanvue's UTC days"
      : `in Fanvue's UTC days, on your ${which === "start" ? "day before the range" : "day after the range"}`;
  return (
    <>
      {payments(e.count)} paid {when} <span className="text-muted">({side})</span>
    </>
  );
}

const signedEdge = (e: EdgeLine) => ({ gross: e.sign * e.gross, net: e.sign * e.net });

/** Fanvue's UTC-day figure moved across both edges: Fanvue's payments on your days. */
function fanvueOnLocalDays(r: Reconciliation) {
  const [a, b] = [signedEdge(r.bridge.startEdge), signedEdge(r.bridge.endEdge)];
  return { gross: r.fanvue.utc.gross + a.gross + b.gross, net: r.fanvue.utc.net + a.net + b.net };
}

function bridgeLines(r: Reconciliation, v: Viewer): Line[] {
  const b = r.bridge;
  const sameDays = r.range.startUtc === r.utcRange.startUtc && r.range.endUtc === r.utcRange.endUtc;
  const localTotal = fanvueOnLocalDays(r);
  const lines: Line[] = [
    { key: "fanvue-utc", label: "Fanvue's earnings summary, UTC days", ...r.fanvue.utc, kind: "start" },
  ];
  if (!sameDays)
    lines.push(
      {
        key: "start-edge",
        label: edgeLabel(b.startEdge, v, "start"),
        ...signedEdge(b.startEdge),
        kind: "step",
        signed: true,
      },
      { key: "end-edge", label: edgeLabel(b.endEdge, v, "end"), ...signedEdge(b.endEdge), kind: "step", signed: true },
      { key: "fanvue-local", label: `Fanvue, counted in your days (${r.range.tz})`, ...localTotal, kind: "total" },
    );
  const since = b.unsynced.since
    ? `since the last sync, ${formatDateTime(b.unsynced.since, v, "compact")}`
    : "never synced";
  lines.push({
    key: "unsynced",
    label: `${payments(b.unsynced.count)} at Fanvue not yet in Vuedeck (${since})${b.unsynced.capped ? ", and more not read" : ""}`,
    gross: -b.unsynced.gross,
    net: -b.unsynced.net,
    kind: "step",
    signed: true,
  });
  if (b.unexplained.gross !== 0 || b.unexplained.net !== 0)
    lines.push({
      key: "unexplained",
      label: "Not explained by the lines above",
      ...b.unexplained,
      kind: "warn",
      signed: true,
    });
  lines.push({ key: "ledger", label: "Vuedeck's figure (the Earnings page)", ...r.ledger, kind: "total" });
  return lines;
}

function reversalLines(r: Reconciliation): Line[] {
  const { refunds, chargebacks } = r.reversals;
  return [
    { key: "ledger-again", label: "Vuedeck's figure", ...r.ledger, kind: "start" },
    {
      key: "refunds",
      label: `Refunds (${formatCount(refunds.count)})`,
      gross: -refunds.gross,
      net: -refunds.net,
      kind: "step",
      signed: true,
    },
    {
      key: "chargebacks",
      label: `Chargebacks (${formatCount(chargebacks.count)})`,
      gross: -chargebacks.gross,
      net: -chargebacks.net,
      kind: "step",
      signed: true,
    },
    { key: "after-reversals", label: "After refunds and chargebacks", ...r.afterReversals, kind: "total" },
  ];
}

export function ReconcileView({ creatorId }: { creatorId: string }) {
  const { params, update, apiParams } = useEarningsParams();
  const q = useReconciliation(creatorId, apiParams);
  const search = useSearchParams();
  const back = `/c/${creatorId}/earnings?${search}`;
  return (
    <div className="flex flex-col gap-5">
      <div>
        <Link
          href={back}
          className="inline-flex items-center gap-1 text-sm text-brand-700 hover:underline touch:min-h-11"
          data-testid="reconcile-back"
        >
          <ArrowLeft className="size-3.5" aria-hidden="true" /> Earnings
        </Link>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">Why does this number differ?</h1>
        <p className="mt-1 max-w-2xl text-sm text-muted">
          Vuedeck counts your earnings from its copy of Fanvue&apos;s ledger, on your local days. Fanvue&apos;s own
          screens count UTC days. Here is every difference, line by line, for all sources.
        </p>
      </div>
      <div className="flex flex-wrap items-end gap-3">
        <RangeSelect value={params.range} onChange={(range) => update({ range })} testId="reconcile-range" />
        {params.range === "custom" ? <CustomRange params={params} update={update} fieldError={null} /> : null}
        <ZoneSelect tz={params.tz} update={update} />
      </div>
      {params.sources.length > 0 ? (
        <p className="text-sm text-muted">The Earnings page was filtered by source; these figures cover all sources.</p>
      ) : null}
      <QueryBody q={q} what="the comparison with Fanvue" height="h-96">
        {(r) => <ReconcileBody r={r} creatorId={creatorId} />}
      </QueryBody>
    </div>
  );
}

function ReconcileBody({ r, creatorId }: { r: Reconciliation; creatorId: string }) {
  const viewer = useViewer();
  const v = { zone: r.range.tz, locale: viewer.locale };
  const days = `${formatDay(r.range.from, v.locale, "full")} – ${formatDay(r.range.to, v.locale, "full")}`;
  const unexplained = r.bridge.unexplained.gross !== 0 || r.bridge.unexplained.net !== 0;
  return (
    <div className="flex min-w-0 flex-col gap-5 [&>*]:min-w-0" data-testid="reconciliation">
      {unexplained ? <UnexplainedAlert creatorId={creatorId} /> : null}
      <Card>
        <CardHeader>
          <CardTitle>From Fanvue&apos;s figure to Vuedeck&apos;s, {days}</CardTitle>
        </CardHeader>
        <CardBody className="flex flex-col gap-3 px-0">
          <DataTable
            columns={COLUMNS}
            rows={bridgeLines(r, v)}
            rowKey={(l) => l.key}
            rowProps={rowProps}
            caption="From Fanvue's figure to Vuedeck's"
            testId="reconcile-bridge"
            density="compact"
          />
          <BridgeNotes r={r} v={v} />
        </CardBody>
      </Card>
      <div className="grid gap-5 lg:grid-cols-2 [&>*]:min-w-0">
        <Reversals r={r} />
        <ShareAndPayout r={r} />
      </div>
      <p className="text-xs text-muted" data-testid="reconcile-freshness">
        Fanvue read {formatDateTime(r.fanvue.readAt, v)}. Ledger{" "}
        {r.sync.lastSyncedAt ? `last synced ${formatDateTime(r.sync.lastSyncedAt, v)}` : "not synced yet"}. Times in{" "}
        {r.range.tz}.
      </p>
    </div>
  );
}

function UnexplainedAlert({ creatorId }: { creatorId: string }) {
  const sync = useSyncNow(creatorId);
  return (
    <Alert
      tone="warning"
      title="Part of the difference is not explained"
      action={
        <Button size="sm" onClick={() => sync.mutate()} disabled={sync.isPending}>
          {sync.isPending ? "Syncing…" : "Sync now"}
        </Button>
      }
    >
      The ledger is missing payments Fanvue still has, or holds some Fanvue no longer lists. A sync re-reads them; if
      the difference stays, export the ledger and compare it with Fanvue&apos;s statement.
    </Alert>
  );
}

function BridgeNotes({ r, v }: { r: Reconciliation; v: Viewer }) {
  const { local } = r.fanvue;
  const bridged = fanvueOnLocalDays(r);
  const check = local.gross === bridged.gross && local.net === bridged.net;
  const rows = r.bridge.unsynced.rows;
  return (
    <div className="flex flex-col gap-2 px-4 text-sm text-muted sm:px-5">
      {!local.honoured ? (
        <p>
          Fanvue answered in {local.zone}, not {r.range.tz}: its summary cannot be asked for your days, so the edges
          above are counted from the payments themselves.
        </p>
      ) : (
        <p data-testid="reconcile-check">
          {check ? <Badge tone="brand">Matches</Badge> : <Badge tone="warning">Differs</Badge>} Fanvue&apos;s summary
          asked for your days says {formatMoney(local.gross)} gross, {formatMoney(local.net)} net.
        </p>
      )}
      {!r.fanvue.windowApplied ? (
        <p data-testid="reconcile-window">
          Fanvue&apos;s summary did not keep to the dates asked; Vuedeck added up its daily figures for these days.
        </p>
      ) : null}
      {rows.length > 0 ? (
        <ul className="flex flex-col gap-1" data-testid="reconcile-unsynced">
          {rows.map((u) => (
            <li key={`${u.at}-${u.gross}-${u.fanHandle}`} className="tabular">
              {formatDateTime(u.at, v, "compact")} · {earningSourceLabel(u.source)}
              {u.fanHandle ? ` from @${u.fanHandle}` : ""} · {formatMoney(u.gross)} gross, {formatMoney(u.net)} net
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function Reversals({ r }: { r: Reconciliation }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Refunds and chargebacks</CardTitle>
      </CardHeader>
      <CardBody className="flex flex-col gap-3 px-0">
        {r.reversals.available ? (
          <DataTable
            columns={COLUMNS}
            rows={reversalLines(r)}
            rowKey={(l) => l.key}
            rowProps={rowProps}
            caption="Refunds and chargebacks"
            testId="reconcile-reversals"
            density="compact"
          />
        ) : (
          <p className="px-4 text-sm text-muted sm:px-5">
            Fanvue does not give an agency its creators&apos; refunds and chargebacks; the creator sees them in their
            own Fanvue account.
          </p>
        )}
        <p className="px-4 text-sm text-muted sm:px-5">
          Vuedeck&apos;s figures are before refunds, like Fanvue&apos;s earnings; a reversal counts on the day it
          happened.
        </p>
      </CardBody>
    </Card>
  );
}

function Figure({
  label,
  cents,
  testId,
  hint,
  signed = false,
}: {
  label: string;
  cents: number;
  testId: string;
  hint?: string;
  signed?: boolean;
}) {
  return (
    <div className="flex items-baseline justify-between gap-3 border-b border-line py-2 last:border-0">
      <span className="text-sm">
        {label}
        {hint ? <span className="block text-xs text-muted">{hint}</span> : null}
      </span>
      <span className="tabular text-sm font-medium" data-testid={testId}>
        {amount(cents, signed)}
      </span>
    </div>
  );
}

function ShareAndPayout({ r }: { r: Reconciliation }) {
  const share = r.fanvueShare.basisPoints === null ? "" : ` (${(r.fanvueShare.basisPoints / 100).toFixed(1)}%)`;
  return (
    <Card>
      <CardHeader>
        <CardTitle>Fanvue&apos;s share and payout</CardTitle>
      </CardHeader>
      <CardBody>
        <Figure label="Gross" cents={r.ledger.gross} testId="reconcile-gross" />
        <Figure label={`Fanvue's share${share}`} cents={-r.fanvueShare.cents} testId="reconcile-share" signed />
        <Figure label="Net" cents={r.ledger.net} testId="reconcile-net" />
        <Figure label="Available for payout" cents={r.payout.available} testId="reconcile-available" />
        <Figure
          label="Pending"
          cents={r.payout.pending}
          testId="reconcile-pending"
          hint="Fanvue holds a payment for a few days before it can be paid out."
        />
        {r.payout.unknown !== 0 ? (
          <Figure label="Status not given by Fanvue" cents={r.payout.unknown} testId="reconcile-status-unknown" />
        ) : null}
        <p className="mt-2 text-xs text-muted">
          Net, as Fanvue reported each payment&apos;s status when Vuedeck last read it; pending payments are re-read at
          every sync until Fanvue releases them.
        </p>
      </CardBody>
    </Card>
  );
}
