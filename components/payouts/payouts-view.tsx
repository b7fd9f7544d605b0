"use client";

import Link from "next/link";
import { useMemo, useState } from "react";
import { ClockControl } from "@/components/shifts/clock-control";
import { ShiftWeek } from "@/components/shifts/shift-week";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DataTable, type Column } from "@/components/ui/data-table";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { useViewer } from "@/components/viewer/viewer";
import { usePayouts } from "@/lib/queries/payouts";
import type { PayoutMember, PayoutsList } from "@/lib/schemas/payouts";
import { payoutsUrlSchema } from "@/lib/schemas/payouts-values";
import { formatMoney } from "@/lib/utils/format";
import { formatMinutes, formatRate } from "@/lib/utils/payouts";
import { useUrlState } from "@/lib/url-state/use-url-state";
import { AsOf } from "@/components/earnings/as-of";
import { PeriodControls, periodQuery } from "./period-controls";
import { RuleDialog } from "./rule-dialog";

/** Members with their pay rule and the period's amount; each opens their statement. */
export function PayoutsView({ workspaceId }: { workspaceId: string }) {
  const { state, update } = useUrlState(payoutsUrlSchema);
  const zone = useViewer().zone;
  const query = useMemo(() => periodQuery(state, zone), [state, zone]);
  const q = usePayouts(workspaceId, query);
  const [editing, setEditing] = useState<PayoutMember | null>(null);
  const search = new URLSearchParams(Object.entries(query).filter(([, v]) => v) as [string, string][]);
  search.delete("tz");
  return (
    <div className="flex flex-col gap-5">
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Payouts</h1>
          <p className="mt-1 text-sm text-muted">
            Commission on each member&apos;s attributed net, plus hours worked at their hourly rate. Open a member for
            their statement.
          </p>
        </div>
        <ClockControl workspaceId={workspaceId} />
      </header>
      <div className="flex flex-wrap items-end gap-3">
        <PeriodControls state={state} update={update} />
      </div>
      {q.isPending ? (
        <Skeleton className="h-48 rounded-xl" />
      ) : !q.data ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} what="payouts" />
      ) : (
        <Card className="overflow-hidden">
          <p className="px-4 pt-3 text-xs text-muted sm:px-5">
            <AsOf at={q.data.ledgerAsOf} testId="payouts-as-of" sentence />
          </p>
          <DataTable
            columns={columns(q.data, workspaceId, search.toString(), setEditing)}
            rows={q.data.members}
            rowKey={(m) => m.userId}
            rowProps={(m) => ({ "data-testid": `payout-row-${m.name}` })}
            testId="payouts-table"
            busy={q.isFetching}
          />
        </Card>
      )}
      <ShiftWeek workspaceId={workspaceId} />
      {editing ? <RuleDialog workspaceId={workspaceId} member={editing} onClose={() => setEditing(null)} /> : null}
    </div>
  );
}

function columns(
  data: PayoutsList,
  workspaceId: string,
  search: string,
  onEdit: (m: PayoutMember) => void,
): Column<PayoutMember>[] {
  return [
    {
      id: "name",
      header: "Member",
      cell: (m) => (
        <span className="flex items-center gap-2">
          <Link
            href={`/w/${workspaceId}/payouts/${m.userId}${search ? `?${search}` : ""}`}
            className="font-medium hover:underline touch:inline-flex touch:min-h-11 touch:items-center"
          >
            {m.name}
          </Link>
          <Badge className="hidden sm:inline-flex">{m.role}</Badge>
          {m.paid ? <Badge tone="brand">Paid</Badge> : null}
          {data.canManage ? (
            <Button size="sm" variant="ghost" className="md:hidden" onClick={() => onEdit(m)}>
              Rule
            </Button>
          ) : null}
        </span>
      ),
    },
    {
      id: "rule",
      header: "Rule",
      className: "hidden md:table-cell",
      cell: (m) => (
        <span className="flex items-center gap-2">
          <span className="text-sm">
            {m.rule
              ? `${formatRate(m.rule.rateBps)}${m.rule.hourlyCents ? ` + ${formatMoney(m.rule.hourlyCents)}/h` : ""}`
              : "—"}
          </span>
          {data.canManage ? (
            <Button size="sm" variant="ghost" onClick={() => onEdit(m)} data-testid={`edit-rule-${m.name}`}>
              Edit
            </Button>
          ) : null}
        </span>
      ),
    },
    {
      id: "net",
      header: "Attributed net",
      numeric: true,
      className: "hidden sm:table-cell",
      cell: (m) => formatMoney(m.net),
    },
    {
      id: "hours",
      header: "Hours",
      numeric: true,
      className: "hidden sm:table-cell",
      cell: (m) => formatMinutes(m.minutes),
    },
    {
      id: "total",
      header: "To pay",
      numeric: true,
      cell: (m) => <span className="font-medium">{formatMoney(m.total)}</span>,
    },
  ];
}
