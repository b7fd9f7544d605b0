"use client";

import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Sheet } from "@/components/ui/dialog";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Tab, TabList, TabPanel, Tabs } from "@/components/ui/tabs";
import { useFormat } from "@/components/viewer/viewer";
import { useSales, type PerformanceParams } from "@/lib/queries/performance";
import type { MemberFigures, Performance, Sale, SendKind } from "@/lib/schemas/performance";
import { ATTRIBUTION_RULES } from "@/lib/schemas/performance-values";
import { formatCount, formatMoney } from "@/lib/utils/format";
import { ReassignDialog } from "./reassign-dialog";
import { SendsPanel } from "./sends-panel";

const RULE_LABEL = Object.fromEntries(ATTRIBUTION_RULES.map((r) => [r.rule, r.label])) as Record<string, string>;

export type SheetView = { view: "sales" } | { view: "sends"; kind: SendKind };

/** One member's figures: the sales behind them (a manager can credit one to someone else) and the messages. */
export function SalesSheet(p: {
  workspaceId: string;
  query: PerformanceParams;
  member: MemberFigures | null;
  performance: Performance | null;
  view: SheetView;
  onView: (view: SheetView) => void;
  onClose: () => void;
}) {
  const member = p.member;
  return (
    <Sheet
      open={member !== null}
      onOpenChange={(o) => !o && p.onClose()}
      title={member ? member.name : "Sales"}
      hideTitle={false}
      testId="member-sales"
    >
      <div className="flex min-h-0 flex-1 flex-col gap-4 overflow-y-auto p-5">
        {member ? <Summary member={member} /> : null}
        {member ? (
          <Tabs
            value={p.view.view}
            onValueChange={(v) => p.onView(v === "sends" ? { view: "sends", kind: "all" } : { view: "sales" })}
          >
            <TabList fill aria-label="Sales or messages">
              <Tab value="sales" className="flex-1">
                Sales
              </Tab>
              <Tab value="sends" className="flex-1">
                Messages
              </Tab>
            </TabList>
            <TabPanel value="sales" className="pt-4">
              <SalesPanel {...p} member={member} />
            </TabPanel>
            <TabPanel value="sends" className="pt-4">
              {p.view.view === "sends" ? (
                <SendsPanel
                  workspaceId={p.workspaceId}
                  query={p.query}
                  member={member.userId ?? "none"}
                  kind={p.view.kind}
                  onKind={(kind) => p.onView({ view: "sends", kind })}
                />
              ) : null}
            </TabPanel>
          </Tabs>
        ) : null}
      </div>
    </Sheet>
  );
}

function SalesPanel(p: {
  workspaceId: string;
  query: PerformanceParams;
  member: MemberFigures;
  performance: Performance | null;
}) {
  const q = useSales(p.workspaceId, { ...p.query, member: p.member.userId ?? "none" }, true);
  const [reassigning, setReassigning] = useState<Sale | null>(null);
  return (
    <div className="flex flex-col gap-3">
      {q.isPending ? <Skeleton className="h-40 rounded-xl" /> : null}
      {q.isError ? <ErrorState error={q.error} onRetry={() => void q.refetch()} what="the sales" /> : null}
      {q.data ? (
        <>
          {q.data.sales.length === 0 ? <p className="text-sm text-muted">No sales credited in this range.</p> : null}
          <ol className="flex flex-col divide-y divide-line rounded-xl border border-line" data-testid="sales-list">
            {q.data.sales.map((s) => (
              <SaleItem key={s.id} sale={s} onReassign={p.performance?.canReassign ? () => setReassigning(s) : null} />
            ))}
          </ol>
          {q.data.total > q.data.sales.length ? (
            <p className="text-xs text-muted">
              The newest {formatCount(q.data.sales.length)} of {formatCount(q.data.total)} sales.
            </p>
          ) : null}
        </>
      ) : null}
      {reassigning && p.performance ? (
        <ReassignDialog
          workspaceId={p.workspaceId}
          sale={reassigning}
          members={p.performance.members.filter((m) => m.userId !== null && m.role !== null)}
          onDone={() => setReassigning(null)}
        />
      ) : null}
    </div>
  );
}

function Summary({ member: m }: { member: MemberFigures }) {
  return (
    <dl className="grid grid-cols-3 gap-3 text-sm">
      <div className="rounded-xl border border-line p-3">
        <dt className="text-xs text-muted">Revenue</dt>
        <dd className="tabular font-semibold" data-testid="member-revenue">
          {formatMoney(m.gross)}
        </dd>
      </div>
      <div className="rounded-xl border border-line p-3">
        <dt className="text-xs text-muted">Sales</dt>
        <dd className="tabular font-semibold">{formatCount(m.sales)}</dd>
      </div>
      <div className="rounded-xl border border-line p-3">
        <dt className="text-xs text-muted">PPVs unlocked</dt>
        <dd className="tabular font-semibold">
          {formatCount(m.ppvsUnlocked)} / {formatCount(m.ppvsSent)}
        </dd>
      </div>
    </dl>
  );
}

function SaleItem({ sale: s, onReassign }: { sale: Sale; onReassign: (() => void) | null }) {
  const f = useFormat();
  const fan = s.fan.name ?? (s.fan.handle ? `@${s.fan.handle}` : "A fan");
  return (
    <li className="flex flex-col gap-1 px-4 py-3 text-sm" data-testid="sale">
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <p className="truncate font-medium">
            {fan}
            {s.fan.handle && s.fan.name ? <span className="font-normal text-muted"> @{s.fan.handle}</span> : null}
          </p>
          <p className="text-xs text-muted">
            {f.dateTime(s.occurredAt)} · {s.creator.displayName} · {s.source === "tip" ? "Tip" : "PPV unlock"}
          </p>
        </div>
        <div className="shrink-0 text-right">
          <p className="tabular font-semibold">{formatMoney(s.gross)}</p>
          <p className="tabular text-xs text-muted">net {formatMoney(s.net)}</p>
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone={s.rule === "none" ? "neutral" : "brand"}>{RULE_LABEL[s.rule] ?? s.rule}</Badge>
        {s.reassigned ? (
          <Badge tone="warning" title={s.reassigned.reason}>
            Reassigned
          </Badge>
        ) : null}
        {onReassign ? (
          <Button variant="ghost" size="sm" className="ml-auto" onClick={onReassign}>
            Reassign
          </Button>
        ) : null}
      </div>
      {s.reassigned ? (
        <p className="text-xs text-muted" data-testid="reassigned-note">
          {s.reassigned.by} credited it to {s.userName ?? "nobody"} (was {s.reassigned.fromName ?? "nobody"}) on{" "}
          {f.dateTime(s.reassigned.at, "short")}: “{s.reassigned.reason}”
        </p>
      ) : null}
    </li>
  );
}
