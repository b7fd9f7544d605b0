"use client";

import { AsOf } from "@/components/earnings/as-of";
import { useMemo, useState } from "react";
import { CsvButton, PrintButton } from "@/components/earnings/csv-button";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { QueryBody } from "@/components/ui/error-state";
import { Input } from "@/components/ui/input";
import { Field } from "@/components/ui/select";
import { useFormat, useViewer } from "@/components/viewer/viewer";
import { ApiClientError } from "@/lib/queries/fetcher";
import { agencyShareCsvHref, useAgencyShare, useSetAgencyShare } from "@/lib/queries/payouts";
import { earningSourceLabel } from "@/lib/schemas/earnings-values";
import type { AgencyShareLine, AgencyShareStatement } from "@/lib/schemas/payouts";
import { payoutsUrlSchema } from "@/lib/schemas/payouts-values";
import { formatCount, formatMoney } from "@/lib/utils/format";
import { formatRate, parseRate, rateText } from "@/lib/utils/payouts";
import { useUrlState } from "@/lib/url-state/use-url-state";
import { PeriodControls, periodQuery } from "./period-controls";

/** What the agency takes from a creator it runs, for a period: printable, CSV, the share set by a manager. */
export function AgencyShareView({ creatorId, canExport }: { creatorId: string; canExport: boolean }) {
  const { state, update } = useUrlState(payoutsUrlSchema);
  const zone = useViewer().zone;
  const query = useMemo(() => periodQuery(state, zone), [state, zone]);
  const q = useAgencyShare(creatorId, query);
  const [editing, setEditing] = useState(false);
  return (
    <div className="flex flex-col gap-5" data-testid="agency-share">
      <div className="flex flex-wrap items-end gap-3 print:hidden">
        <PeriodControls state={state} update={update} />
        {canExport ? <CsvButton href={agencyShareCsvHref(creatorId, query)} testId="agency-share-csv" /> : null}
        <PrintButton />
        {q.data?.canSetRate ? (
          <Button onClick={() => setEditing(true)} data-testid="agency-share-edit">
            {q.data.rule ? "Change the share" : "Set the share"}
          </Button>
        ) : null}
      </div>
      <QueryBody q={q} what="the statement" height="h-64">
        {(data) => (
          <>
            <Heading s={data} />
            <Totals s={data} />
            <Lines lines={data.lines} />
          </>
        )}
      </QueryBody>
      {editing && q.data ? (
        <ShareDialog creatorId={creatorId} current={q.data.rule?.rateBps ?? null} onClose={() => setEditing(false)} />
      ) : null}
    </div>
  );
}

function Heading({ s }: { s: AgencyShareStatement }) {
  const f = useFormat();
  return (
    <header>
      <h1 className="flex flex-wrap items-center gap-2 text-2xl font-semibold tracking-tight">
        Agency share: {s.creator.displayName}
        {s.period.partial ? <Badge tone="warning">Period not over</Badge> : null}
      </h1>
      <p className="mt-1 text-sm text-muted" data-testid="agency-share-period">
        {f.day(s.period.from, "full")} – {f.day(s.period.to, "full")} ({s.period.tz}){" · ledger "}
        <AsOf at={s.ledgerSyncedAt} className="text-sm" />
      </p>
      <p className="mt-1 text-sm" data-testid="agency-share-rule">
        {s.rule
          ? `The agency's share is ${formatRate(s.rule.rateBps)} of net earnings (after Fanvue's fee), set by ${s.rule.updatedBy} on ${f.date(s.rule.updatedAt)}.`
          : "No share has been agreed in Vuedeck yet: the agency's share shows as $0.00."}
      </p>
    </header>
  );
}

function Totals({ s }: { s: AgencyShareStatement }) {
  const t = s.totals;
  const rows: [string, string, string][] = [
    ["transactions", "Transactions", formatCount(t.transactions)],
    ["gross", "Gross earnings", formatMoney(t.gross)],
    ["fee", "Fanvue's fee", formatMoney(t.fanvueFee)],
    ["net", "Net earnings", formatMoney(t.net)],
    [
      "share",
      `Agency's share (${s.rule ? formatRate(s.rule.rateBps) : "none set"} of net)`,
      formatMoney(t.agencyShare),
    ],
  ];
  return (
    <Card className="max-w-2xl p-4 sm:p-5" data-testid="agency-share-totals">
      {/* One column, read top to bottom like a receipt: gross − fee = net; net × share. */}
      <dl className="grid gap-y-2 text-sm">
        {rows.map(([key, label, value]) => (
          <div key={key} className="flex items-baseline justify-between gap-3 border-b border-line pb-1.5">
            <dt className="text-muted">{label}</dt>
            <dd className="tabular font-medium tabular-nums" data-testid={`share-${key}`}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
      <p className="mt-4 flex items-baseline justify-between text-lg font-semibold">
        <span>The creator keeps</span>
        <span className="tabular tabular-nums" data-testid="share-keeps">
          {formatMoney(t.creatorKeeps)}
        </span>
      </p>
      <p className="mt-2 text-xs text-muted">
        From the earnings ledger Vuedeck synced from Fanvue. The share is worked out once on the exact sum of net (to a
        hundredth of a cent) and rounded to the cent. Refunds and chargebacks are not in Fanvue&apos;s earnings rows.
      </p>
    </Card>
  );
}

function Lines({ lines }: { lines: AgencyShareLine[] }) {
  return (
    <Card className="overflow-hidden">
      <h2 className="px-4 pt-4 text-sm font-semibold sm:px-5">By source</h2>
      <DataTable
        columns={[
          { id: "source", header: "Source", cell: (l) => earningSourceLabel(l.source) },
          {
            id: "n",
            header: "Transactions",
            numeric: true,
            className: "hidden sm:table-cell",
            cell: (l) => formatCount(l.transactions),
          },
          { id: "gross", header: "Gross", numeric: true, cell: (l) => formatMoney(l.gross) },
          { id: "net", header: "Net", numeric: true, cell: (l) => formatMoney(l.net) },
        ]}
        rows={lines}
        rowKey={(l) => l.source}
        caption="Earnings by source"
        testId="agency-share-lines"
      />
      {lines.length === 0 ? (
        <p className="px-5 py-8 text-center text-sm text-muted">No earnings in this period.</p>
      ) : null}
    </Card>
  );
}

function ShareDialog(p: { creatorId: string; current: number | null; onClose: () => void }) {
  const [rate, setRate] = useState(p.current === null ? "" : rateText(p.current));
  const [error, setError] = useState<string | null>(null);
  const save = useSetAgencyShare(p.creatorId);
  const submit = () => {
    const rateBps = parseRate(rate);
    if (rateBps === null) return setError("Enter a percentage from 0 to 100, e.g. 25 or 12.5");
    setError(null);
    save.mutate({ rateBps }, { onSuccess: p.onClose });
  };
  return (
    <Dialog open onOpenChange={(o) => !o && p.onClose()} title="The agency's share" testId="agency-share-dialog">
      <form
        className="mt-3 flex flex-col gap-4"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Field label="Share of the creator's net (%)" error={error}>
          <Input
            value={rate}
            onChange={(e) => setRate(e.target.value)}
            inputMode="decimal"
            data-testid="agency-share-rate"
          />
        </Field>
        <DialogActions
          error={save.error instanceof ApiClientError ? save.error.message : null}
          onCancel={p.onClose}
          submitLabel="Save"
          pending={save.isPending}
          submitTestId="agency-share-save"
        />
      </form>
    </Dialog>
  );
}
