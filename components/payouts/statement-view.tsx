"use client";

import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import { useMemo } from "react";
import { CsvButton, PrintButton } from "@/components/earnings/csv-button";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { QueryBody } from "@/components/ui/error-state";
import { useFormat, useViewer } from "@/components/viewer/viewer";
import { statementCsvHref, useMarkPaid, useStatement, type PeriodParams } from "@/lib/queries/payouts";
import type { Statement } from "@/lib/schemas/payouts";
import { payoutsUrlSchema } from "@/lib/schemas/payouts-values";
import { useUrlState } from "@/lib/url-state/use-url-state";
import { PeriodControls, periodQuery } from "./period-controls";
import { StatementBody } from "./statement-body";

/** One member's statement for a period: lines, totals, CSV, print, and "Mark paid" for managers. */
export function StatementView({ workspaceId, userId }: { workspaceId: string; userId: string }) {
  const { state, update } = useUrlState(payoutsUrlSchema);
  const zone = useViewer().zone;
  const query = useMemo(() => periodQuery(state, zone), [state, zone]);
  const q = useStatement(workspaceId, userId, query);
  return (
    <div className="flex flex-col gap-5" data-testid="statement">
      <Link
        href={`/w/${workspaceId}/payouts`}
        className="flex items-center gap-1 self-start text-sm text-muted hover:underline print:hidden touch:min-h-11"
      >
        <ArrowLeft className="size-4" aria-hidden="true" /> Payouts
      </Link>
      <div className="flex flex-wrap items-end gap-3 print:hidden">
        <PeriodControls state={state} update={update} />
        <Actions workspaceId={workspaceId} userId={userId} query={query} data={q.data} />
      </div>
      <QueryBody q={q} what="the statement" height="h-64">
        {(data) => (
          <>
            <Heading s={data} />
            <StatementBody s={data} />
          </>
        )}
      </QueryBody>
    </div>
  );
}

function Heading({ s }: { s: Statement }) {
  const f = useFormat();
  return (
    <header>
      <h1 className="flex flex-wrap items-center gap-2 text-2xl font-semibold tracking-tight">
        Statement: {s.member.name}
        {s.paid ? (
          <Badge tone="brand" data-testid="statement-paid">
            Paid {f.date(s.paid.at)} by {s.paid.by}
          </Badge>
        ) : (
          <Badge tone="warning">Not paid</Badge>
        )}
      </h1>
      <p className="mt-1 text-sm text-muted" data-testid="statement-period">
        {f.day(s.period.from, "full")} – {f.day(s.period.to, "full")} ({s.period.tz})
        {s.paid ? ". Frozen as paid: later changes to sales or shifts do not alter it." : ""}
      </p>
    </header>
  );
}

type ActionsProps = { workspaceId: string; userId: string; query: PeriodParams; data: Statement | undefined };

function Actions({ workspaceId, userId, query, data }: ActionsProps) {
  const pay = useMarkPaid(workspaceId, userId);
  const canPay = data && data.canManage && !data.paid;
  return (
    <>
      <CsvButton href={statementCsvHref(workspaceId, userId, query)} testId="statement-csv" />
      <PrintButton />
      {canPay ? (
        <Button onClick={() => pay.mutate(query)} disabled={pay.isPending} data-testid="mark-paid">
          Mark paid
        </Button>
      ) : null}
      {pay.error ? (
        <p className="w-full text-sm text-red-700" role="alert">
          {pay.error.message}
        </p>
      ) : null}
    </>
  );
}
