"use client";

import { AsOf } from "@/components/earnings/as-of";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { useFormat } from "@/components/viewer/viewer";
import type { Statement, StatementSale, StatementShift } from "@/lib/schemas/payouts";
import { formatCount, formatMoney } from "@/lib/utils/format";
import { formatMinutes, formatRate, ruleLabel, SHIFT_END_LABELS } from "@/lib/utils/payouts";

/** Totals first (what is paid), then the lines behind them. */
export function StatementBody({ s }: { s: Statement }) {
  const t = s.totals;
  const rows: [string, string, string][] = [
    ["sales", "Sales credited", formatCount(t.sales)],
    ["gross", "Gross", formatMoney(t.gross)],
    ["net", "Attributed net", formatMoney(t.net)],
    ["commission", `Commission (${formatRate(s.rule.rateBps)} of net)`, formatMoney(t.commission)],
    ["minutes", "Hours worked", formatMinutes(t.minutes)],
    [
      "hourly",
      `Hourly pay (${s.rule.hourlyCents === null ? "no hourly rate" : `${formatMoney(s.rule.hourlyCents)}/h`})`,
      formatMoney(t.hourlyPay),
    ],
  ];
  return (
    <>
      <Card className="p-4 sm:p-5" data-testid="statement-totals">
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
          {rows.map(([key, label, value]) => (
            <div key={key} className="flex items-baseline justify-between gap-3 border-b border-line pb-1.5">
              <dt className="text-muted">{label}</dt>
              <dd className="tabular font-medium tabular-nums" data-testid={`total-${key}`}>
                {value}
              </dd>
            </div>
          ))}
        </dl>
        <p className="mt-4 flex items-baseline justify-between text-lg font-semibold">
          <span>Total to pay</span>
          <span className="tabular tabular-nums" data-testid="total-total">
            {formatMoney(t.total)}
          </span>
        </p>
        <p className="mt-2 text-xs text-muted">
          Commission is worked out once on the exact sum of net (to a hundredth of a cent) and rounded to the cent;
          hourly pay once on the minutes worked.{" "}
          {/* A statement paid before this was recorded has no instant to show. */}
          {s.paid && !s.ledgerAsOf ? null : <AsOf at={s.ledgerAsOf} testId="statement-as-of" sentence />}
        </p>
      </Card>
      <SalesLines sales={s.sales} />
      <ShiftLines shifts={s.shifts} />
    </>
  );
}

function SalesLines({ sales }: { sales: StatementSale[] }) {
  const f = useFormat();
  return (
    <Card className="overflow-hidden print:break-inside-auto">
      <h2 className="px-4 pt-4 text-sm font-semibold sm:px-5">Sales ({sales.length})</h2>
      <DataTable
        columns={[
          { id: "when", header: "When", cell: (x) => f.dateTime(x.occurredAt, "short") },
          { id: "creator", header: "Creator", cell: (x) => `@${x.creator}` },
          { id: "what", header: "What", className: "hidden sm:table-cell", cell: (x) => ruleLabel(x.rule) },
          {
            id: "gross",
            header: "Gross",
            numeric: true,
            className: "hidden sm:table-cell",
            cell: (x) => formatMoney(x.gross),
          },
          { id: "net", header: "Net", numeric: true, cell: (x) => formatMoney(x.net) },
        ]}
        rows={sales}
        rowKey={(x) => x.id}
        rowProps={(x) => ({ "data-testid": "statement-sale", "data-id": x.id })}
        density="compact"
        testId="statement-sales"
      />
      {sales.length === 0 ? <p className="px-5 pb-4 text-sm text-muted">No sales credited in this period.</p> : null}
    </Card>
  );
}

function ShiftLines({ shifts }: { shifts: StatementShift[] }) {
  const f = useFormat();
  return (
    <Card className="overflow-hidden">
      <h2 className="px-4 pt-4 text-sm font-semibold sm:px-5">Shifts ({shifts.length})</h2>
      <DataTable
        columns={[
          { id: "start", header: "Started", cell: (x) => f.dateTime(x.startedAt, "compact") },
          {
            id: "end",
            header: "Ended",
            className: "hidden sm:table-cell",
            cell: (x) => f.dateTime(x.endedAt, "compact"),
          },
          {
            id: "how",
            header: "",
            className: "hidden sm:table-cell",
            cell: (x) => SHIFT_END_LABELS[x.endReason] ?? x.endReason,
          },
          { id: "minutes", header: "Time", numeric: true, cell: (x) => formatMinutes(x.minutes) },
        ]}
        rows={shifts}
        rowKey={(x) => x.id}
        rowProps={() => ({ "data-testid": "statement-shift" })}
        density="compact"
        testId="statement-shifts"
      />
      {shifts.length === 0 ? (
        <p className="px-5 pb-4 text-sm text-muted">
          No finished shifts in this period (an open shift counts once it ends).
        </p>
      ) : null}
    </Card>
  );
}
