"use client";

import { AsOf } from "@/components/earnings/as-of";
import { Alert } from "@/components/ui/alert";
import { DataTable, type Column } from "@/components/ui/data-table";
import { Sheet } from "@/components/ui/dialog";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { useCampaignResults } from "@/lib/queries/mass-messages";
import type { CampaignResults as Results, GroupResult } from "@/lib/schemas/mass-messages";
import { figureSize } from "@/components/ui/figure-size";
import { formatCount, formatMoney } from "@/lib/utils/format";
import { percent } from "./format";
import { useFormat } from "@/components/viewer/viewer";

function Tile({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="@container min-w-0 rounded-xl border border-line p-3">
      <p className="text-xs font-medium tracking-wide text-muted uppercase">{label}</p>
      <p className="tabular mt-1 font-semibold whitespace-nowrap" style={figureSize(value, 1.25)} data-testid={testId}>
        {value}
      </p>
    </div>
  );
}

/** Revenue per fan in cents, rounded (integer money only). */
const perFan = (g: GroupResult) => (g.fans && g.revenue !== null ? Math.round(g.revenue / g.fans) : null);
const num = (n: number | null) => (n === null ? "—" : formatCount(n));
const cash = (n: number | null) => (n === null ? "—" : formatMoney(n));

type GroupRow = [string, GroupResult];

const GROUP_COLUMNS: Column<GroupRow>[] = [
  { id: "group", header: "Group", cell: ([name]) => name },
  {
    id: "fans",
    header: "Fans",
    numeric: true,
    cell: ([, g]) => <span data-testid="holdout-fans">{formatCount(g.fans)}</span>,
  },
  {
    id: "buyers",
    header: "Buyers",
    numeric: true,
    cell: ([, g]) => (
      <>
        {num(g.buyers)}{" "}
        {g.buyers !== null ? <span className="text-xs text-muted">({percent(g.buyers, g.fans)})</span> : null}
      </>
    ),
  },
  // Phones: buyers already say who bought; the purchase count comes from sm up.
  {
    id: "purchases",
    header: "Purchases",
    numeric: true,
    className: "hidden sm:table-cell",
    cell: ([, g]) => num(g.purchases),
  },
  { id: "revenue", header: "Revenue", numeric: true, cell: ([, g]) => cash(g.revenue) },
  { id: "perFan", header: "Per fan", numeric: true, cell: ([, g]) => cash(perFan(g)) },
];

function Comparison({ h }: { h: NonNullable<Results["holdout"]> }) {
  const f = useFormat();
  // The sent group is everyone Vuedeck targeted: Fanvue may have skipped a
  // few it could not message, so "received" is only what Fanvue reports.
  const rows: GroupRow[] = [
    ["Sent to", h.sent],
    ["Held out", h.held],
  ];
  const a = perFan(h.sent);
  const b = perFan(h.held);
  const lift = a !== null && b !== null ? a - b : null;
  return (
    <section className="flex flex-col gap-2" data-testid="holdout-comparison">
      <h3 className="text-sm font-semibold">Hold-out comparison</h3>
      <p className="text-xs text-muted">
        Everything each group spent from {f.dateTime(h.from)} to {f.dateTime(h.until)} (up to {h.windowDays} days; the
        ledger&apos;s latest sync bounds it).
        {h.synced ? "" : " Spend appears once the earnings ledger has synced after the send."}
      </p>
      {h.delivered !== null && h.delivered !== h.sent.fans ? (
        <p className="text-xs text-muted" data-testid="holdout-delivered">
          Fanvue delivered it to {formatCount(h.delivered)} of the {formatCount(h.sent.fans)} fans it was sent to (it
          skips fans who cannot be messaged); the comparison counts all {formatCount(h.sent.fans)}, as the hold-out
          counts everyone held back.
        </p>
      ) : null}
      <DataTable
        columns={GROUP_COLUMNS}
        rows={rows}
        rowKey={([name]) => name}
        density="compact"
        caption="Sent group against the hold-out"
        className="rounded-lg border border-line"
        rowProps={() => ({ "data-testid": "holdout-row" })}
      />
      {lift !== null ? (
        <p className="text-sm">
          Difference per fan:{" "}
          <strong className="tabular">
            {lift >= 0 ? "+" : "−"}
            {formatMoney(Math.abs(lift))}
          </strong>
          {h.held.fans < 30 ? (
            <span className="text-xs text-muted"> · small hold-out group: treat as a hint, not proof</span>
          ) : null}
        </p>
      ) : null}
    </section>
  );
}

export function CampaignResults({
  creatorId,
  id,
  onClose,
}: {
  creatorId: string;
  id: string | null;
  onClose: () => void;
}) {
  const q = useCampaignResults(creatorId, id);
  const r = q.data;
  return (
    <Sheet
      open={id !== null}
      onOpenChange={(o) => !o && onClose()}
      title="Results"
      hideTitle={false}
      testId="campaign-results"
    >
      <div className="flex min-h-0 flex-1 flex-col gap-5 overflow-y-auto p-5">
        {q.isPending ? <Skeleton className="h-48 rounded-xl" /> : null}
        {q.isError ? <ErrorState error={q.error} onRetry={() => void q.refetch()} what="results" /> : null}
        {r ? (
          <>
            {r.campaign.text ? <p className="rounded-lg bg-canvas px-3 py-2 text-sm">{r.campaign.text}</p> : null}
            <div className="grid grid-cols-3 gap-3">
              <Tile
                label="Recipients"
                value={r.campaign.recipients === null ? "—" : formatCount(r.campaign.recipients)}
                testId="results-recipients"
              />
              <Tile
                label="Purchases"
                value={r.direct ? formatCount(r.direct.purchases) : "—"}
                testId="results-purchases"
              />
              <Tile label="Revenue" value={r.direct ? formatMoney(r.direct.revenue) : "—"} testId="results-revenue" />
            </div>
            {!r.ledgerSyncedAt ? (
              <Alert tone="info" title="Earnings are syncing">
                Purchases and revenue appear once the earnings ledger has synced.
              </Alert>
            ) : (
              <p className="text-xs text-muted">
                From the earnings ledger <AsOf at={r.ledgerSyncedAt} />; purchases of this message only.
              </p>
            )}
            {r.holdout ? (
              <Comparison h={r.holdout} />
            ) : r.campaign.holdoutPercent ? (
              <p className="text-sm text-muted">
                The hold-out comparison appears once it has been sent and the ledger has synced.
              </p>
            ) : null}
          </>
        ) : null}
      </div>
    </Sheet>
  );
}
