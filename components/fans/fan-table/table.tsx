"use client";

import { Checkbox } from "@/components/ui/choice";
import { useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { DataTable, type Column, type SortDir } from "@/components/ui/data-table";
import { ErrorState, RefreshError } from "@/components/ui/error-state";
import { useFans } from "@/lib/queries/fans";
import { useLists } from "@/lib/queries/mass-messages";
import type { FanRow, FansPage } from "@/lib/schemas/fans";
import { formatCount } from "@/lib/utils/format";
import { cn } from "@/lib/utils/cn";
import { sentences } from "@/lib/utils/sentences";
import type { FansUrlState } from "../use-fans-params";
import { RosterStatus } from "../roster-status";
import { DateCell, FanCell, RenewCell, SpendCell, StatusCell } from "./cells";
import { Pagination } from "./pagination";
import { SelectionBar } from "./selection-bar";
import { FanTableSkeleton } from "./skeleton";
import { FanToolbar } from "./toolbar";
import { useRowNav } from "./use-row-nav";

// Phones show the fan and the spend; the other columns from md up.
const COLUMNS: Column<FanRow>[] = [
  // w-full + max-w-0: the fan column takes what is left and truncates names;
  // the figures never wrap or get cut off (phones especially).
  { id: "fan", header: "Fan", sortKey: "name", className: "w-full max-w-0", cell: (r) => <FanCell row={r} /> },
  { id: "status", header: "Status", className: "hidden md:table-cell", cell: (r) => <StatusCell row={r} /> },
  { id: "spend", header: "Lifetime spend", sortKey: "spend", numeric: true, cell: (r) => <SpendCell row={r} /> },
  {
    id: "lastPurchase",
    header: "Last purchase",
    sortKey: "lastPurchase",
    className: "hidden lg:table-cell",
    cell: (r) => <DateCell row={r} iso={r.insight.data?.lastPurchaseAt} relative="past" />,
  },
  {
    id: "subscribedAt",
    header: "Subscribed since",
    sortKey: "subscribedAt",
    className: "hidden xl:table-cell",
    cell: (r) => <DateCell row={r} iso={r.insight.data?.subscribedAt} />,
  },
  {
    id: "renewsAt",
    header: "Renews",
    sortKey: "renewsAt",
    className: "hidden md:table-cell",
    cell: (r) => <RenewCell row={r} />,
  },
];
// The server's default direction per sort (see analysed-query.ts).
const ASC_BY_DEFAULT = new Set(["renewsAt", "name"]);
const dirOf = (sort: string, dir: string): SortDir =>
  dir === "asc" || dir === "desc" ? dir : ASC_BY_DEFAULT.has(sort) ? "asc" : "desc";
const PARTIAL_KEY: Record<string, string> = {
  status: "status",
  spend: "spend",
  lastPurchase: "lastPurchase",
  subscribedAt: "subscribedAt",
  renewsAt: "renewsAt",
};

function CoverageNotice({ page }: { page: FansPage }) {
  if (page.partialColumns.length === 0) return null;
  const c = page.coverage;
  const of = c.audience !== null ? ` of ${formatCount(c.audience)}` : "";
  return (
    <Alert tone="info" title="Partial: sorting and filters cover the fans analysed so far" data-testid="partial-notice">
      {c.analysed === null ? "—" : formatCount(c.analysed)}
      {of} fans have their insights in Vuedeck ({formatCount(c.known)} seen in Fanvue&apos;s lists). Columns marked
      “partial” are missing for the rest. Analyse all fans to sort and filter over everyone.
    </Alert>
  );
}

type Props = {
  creatorId: string;
  state: FansUrlState;
  apiParams: Record<string, string>;
  update: (p: Partial<FansUrlState>) => void;
  canWrite: boolean;
  insightsAvailable: boolean;
};

/** Ticked fans, for bulk list changes. Kept per result page: another page,
 * search or filter starts a new selection (nothing acted on unseen). */
function useFanSelection(rows: FanRow[], apiParams: Record<string, string>) {
  const view = JSON.stringify(apiParams);
  const [sel, setSel] = useState<{ view: string; ids: Set<string> }>({ view, ids: new Set() });
  const selected = sel.view === view ? sel.ids : new Set<string>();
  const toggle = (uuid: string) =>
    setSel(() => {
      const ids = new Set(selected);
      if (ids.has(uuid)) ids.delete(uuid);
      else ids.add(uuid);
      return { view, ids };
    });
  const allOnPage = rows.length > 0 && rows.every((r) => selected.has(r.uuid));
  const toggleAll = () => setSel({ view, ids: allOnPage ? new Set() : new Set(rows.map((r) => r.uuid)) });
  const clear = () => setSel({ view, ids: new Set() });
  return { selected, toggle, allOnPage, toggleAll, clear };
}

type Selection = ReturnType<typeof useFanSelection>;

const PartialBadge = () => (
  <Badge tone="warning" className="ml-1.5 px-1.5 py-0 text-[10px]" title="Known only for the fans analysed so far">
    partial
  </Badge>
);

/** A 44 × 44 px hit area around a tick box (a finger's minimum), taking no
 * more room in the row than the box itself. */
const TickTarget = ({ children }: { children: React.ReactNode }) => (
  <label className="-mx-3.5 -my-3.5 flex size-11 cursor-pointer items-center justify-center">{children}</label>
);

/** The tick-box column: select-all in the header, one box per row. */
function selectColumn(sel: Selection): Column<FanRow> {
  return {
    id: "select",
    className: "w-10 pr-0",
    // A click on the box ticks the fan; it must not open the panel.
    cellProps: { onClick: (e) => e.stopPropagation() },
    header: (
      <TickTarget>
        <Checkbox
          checked={sel.allOnPage}
          ref={(el) => void (el && (el.indeterminate = sel.selected.size > 0 && !sel.allOnPage))}
          onChange={sel.toggleAll}
          aria-label="Select every fan on this page"
          data-testid="select-all"
        />
      </TickTarget>
    ),
    cell: (r) => (
      <TickTarget>
        <Checkbox
          tabIndex={-1}
          checked={sel.selected.has(r.uuid)}
          onChange={() => sel.toggle(r.uuid)}
          aria-label={`Select ${r.displayName || (r.handle ? `@${r.handle}` : "this fan")}`}
          data-testid="row-select"
        />
      </TickTarget>
    ),
  };
}

/** The columns as this viewer sees them: sortable only where insights are
 * known (the name always), "partial" where only analysed fans have a value. */
function columnsFor(sel: Selection | null, insightsAvailable: boolean, partial: Set<string>): Column<FanRow>[] {
  const cols = COLUMNS.map((c) => ({
    ...c,
    sortKey: insightsAvailable || c.sortKey === "name" ? c.sortKey : undefined,
    headerExtra: partial.has(PARTIAL_KEY[c.id] ?? "") ? <PartialBadge /> : undefined,
  }));
  return sel ? [selectColumn(sel), ...cols] : cols;
}

const ROW_CLASS =
  "cursor-pointer outline-none hover:bg-canvas focus-visible:bg-brand-50 focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:ring-inset aria-selected:bg-brand-50/60 data-[checked]:bg-brand-50/40";

function emptyText(state: FansUrlState, page: FansPage) {
  return state.q || state.tag || state.segment
    ? `No fans match ${state.q ? `“${state.q}”` : "these filters"}${page.roster.firstSync ? " among the fans synced so far" : ""}.`
    : "No fans in this list yet.";
}

/** Above the table: a failed refresh (the rows stay), Fanvue's list failing
 * (the roster stands in, with its age), the roster's state, coverage. */
function TableNotices(p: {
  creatorId: string;
  page: FansPage;
  canWrite: boolean;
  refresh: { error: unknown; updatedAt: number; retry: () => void } | null;
}) {
  return (
    <>
      {p.refresh ? (
        <RefreshError error={p.refresh.error} onRetry={p.refresh.retry} what="fans" updatedAt={p.refresh.updatedAt} />
      ) : null}
      {p.page.fallback ? (
        <Alert tone="warning" title="Showing Vuedeck's copy of the fan list" data-testid="fans-fallback">
          {sentences(
            p.page.fallback,
            "These fans come from the roster Vuedeck keeps in its database (its age is below); Fanvue is asked again every 20 s.",
          )}
        </Alert>
      ) : null}
      <RosterStatus creatorId={p.creatorId} page={p.page} canWrite={p.canWrite} />
      <CoverageNotice page={p.page} />
    </>
  );
}

export function FanTable({ creatorId, state, apiParams, update, canWrite, insightsAvailable }: Props) {
  const { data: page, error, isPending, isFetching, refetch, dataUpdatedAt } = useFans(creatorId, apiParams);
  const rows = page?.rows ?? [];
  const lists = useLists(creatorId);
  const selectable = canWrite && lists.data?.canEdit === true;
  const selection = useFanSelection(rows, apiParams);
  const { selected, toggle, clear } = selection;
  const { rowProps, refocus } = useRowNav(
    rows.length,
    (i) => update({ fan: rows[i]!.uuid }),
    selectable ? (i) => toggle(rows[i]!.uuid) : undefined,
  );
  const wasOpen = useRef(false);
  // Closing the panel puts focus back on the row it was opened from.
  useEffect(() => {
    if (wasOpen.current && !state.fan) refocus();
    wasOpen.current = Boolean(state.fan);
  }, [state.fan, refocus]);
  const sortBy = (key: string) => {
    const dir = state.sort === key ? (dirOf(key, state.dir) === "asc" ? "desc" : "asc") : "";
    update({ sort: key, dir });
  };
  const partial = new Set(page?.partialColumns ?? []);
  const sel = selectable ? selection : null;
  return (
    <div className="flex flex-col gap-3">
      <FanToolbar
        creatorId={creatorId}
        state={state}
        update={update}
        canWrite={canWrite}
        insightsAvailable={insightsAvailable}
      />
      {page ? (
        <TableNotices
          creatorId={creatorId}
          page={page}
          canWrite={canWrite}
          refresh={error && !isFetching ? { error, updatedAt: dataUpdatedAt, retry: () => void refetch() } : null}
        />
      ) : null}
      {selectable && selected.size > 0 ? (
        <SelectionBar creatorId={creatorId} selected={[...selected]} onClear={clear} />
      ) : null}
      {isPending ? (
        <FanTableSkeleton />
      ) : !page ? (
        <ErrorState error={error} onRetry={() => void refetch()} what="fans" />
      ) : (
        <Card className={cn("overflow-hidden transition-opacity", isFetching && "opacity-70")}>
          <DataTable
            columns={columnsFor(sel, insightsAvailable, partial)}
            rows={rows}
            rowKey={(r) => r.uuid}
            density="comfortable"
            testId="fans-table"
            busy={isFetching}
            sort={{ key: state.sort, dir: dirOf(state.sort, state.dir), onSort: sortBy }}
            rowProps={(r, i) => ({
              ...rowProps(i),
              onClick: () => update({ fan: r.uuid }),
              "aria-selected": state.fan === r.uuid,
              "data-testid": `fan-row-${r.handle || r.uuid}`,
              "data-checked": sel?.selected.has(r.uuid) || undefined,
              className: ROW_CLASS,
            })}
          />
          {rows.length === 0 ? (
            <p className="px-4 py-10 text-center text-sm text-muted" data-testid="fans-empty">
              {emptyText(state, page)}
            </p>
          ) : null}
          <Pagination page={page} onPage={(p) => update({ page: p })} />
        </Card>
      )}
    </div>
  );
}
