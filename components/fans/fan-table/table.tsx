"use client";

import { ArrowDown, ArrowUp } from "lucide-react";
import { useEffect, useRef } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { ErrorState } from "@/components/ui/error-state";
import { useFans } from "@/lib/queries/fans";
import type { FanRow, FansPage } from "@/lib/schemas/fans";
import { formatCount } from "@/lib/utils/format";
import { cn } from "@/lib/utils/cn";
import type { FansUrlState } from "../use-fans-params";
import { DateCell, FanCell, RenewCell, SpendCell, StatusCell } from "./cells";
import { Pagination } from "./pagination";
import { FanTableSkeleton } from "./skeleton";
import { FanToolbar } from "./toolbar";
import { useRowNav } from "./use-row-nav";

type Col = { key: string; label: string; sort?: string; className?: string; cell: (r: FanRow) => React.ReactNode };

// Phones show the fan and the spend; the other columns from md up.
const COLUMNS: Col[] = [
  // w-full + max-w-0: the fan column takes what is left and truncates names;
  // the figures never wrap or get cut off (phones especially).
  { key: "fan", label: "Fan", sort: "name", className: "w-full max-w-0", cell: (r) => <FanCell row={r} /> },
  { key: "status", label: "Status", className: "hidden md:table-cell", cell: (r) => <StatusCell row={r} /> },
  { key: "spend", label: "Lifetime spend", sort: "spend", className: "text-right", cell: (r) => <SpendCell row={r} /> },
  { key: "lastPurchase", label: "Last purchase", sort: "lastPurchase", className: "hidden lg:table-cell", cell: (r) => <DateCell row={r} iso={r.insight.data?.lastPurchaseAt} relative="past" /> },
  { key: "subscribedAt", label: "Subscribed since", sort: "subscribedAt", className: "hidden xl:table-cell", cell: (r) => <DateCell row={r} iso={r.insight.data?.subscribedAt} /> },
  { key: "renewsAt", label: "Renews", sort: "renewsAt", className: "hidden md:table-cell", cell: (r) => <RenewCell row={r} /> },
];
// The server's default direction per sort (see analysed-query.ts).
const ASC_BY_DEFAULT = new Set(["renewsAt", "name"]);
const dirOf = (sort: string, dir: string) => dir || (ASC_BY_DEFAULT.has(sort) ? "asc" : "desc");
const PARTIAL_KEY: Record<string, string> = { status: "status", spend: "spend", lastPurchase: "lastPurchase", subscribedAt: "subscribedAt", renewsAt: "renewsAt" };

function CoverageNotice({ page }: { page: FansPage }) {
  if (page.mode === "live" || page.coverage.complete || !page.insightsAvailable) return null;
  const c = page.coverage;
  const of = c.audience !== null ? ` of ${formatCount(c.audience)}` : "";
  return (
    <Alert tone="info" title="Partial: sorting and filters cover the fans analysed so far" data-testid="partial-notice">
      {formatCount(c.analysed)}
      {of} fans have their insights in Vuedeck ({formatCount(c.known)} seen in Fanvue&apos;s lists). Columns marked “partial” are missing for the rest. Analyse all
      fans to sort and filter over everyone.
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

export function FanTable({ creatorId, state, apiParams, update, canWrite, insightsAvailable }: Props) {
  const { data: page, error, isPending, isFetching, refetch } = useFans(creatorId, apiParams);
  const rows = page?.rows ?? [];
  const { rowProps, refocus } = useRowNav(rows.length, (i) => update({ fan: rows[i]!.uuid }));
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
  return (
    <div className="flex flex-col gap-3">
      <FanToolbar creatorId={creatorId} state={state} update={update} canWrite={canWrite} insightsAvailable={insightsAvailable} />
      {page ? <CoverageNotice page={page} /> : null}
      {isPending ? (
        <FanTableSkeleton />
      ) : !page ? (
        <ErrorState error={error} onRetry={() => void refetch()} what="fans" />
      ) : (
        <Card className={cn("overflow-hidden transition-opacity", isFetching && "opacity-70")}>
          <table className="w-full text-sm" data-testid="fans-table" aria-busy={isFetching}>
            <thead className="border-b border-line bg-canvas/60 text-left text-xs font-medium text-muted">
              <tr>
                {COLUMNS.map((c) => {
                  const active = state.sort === c.sort;
                  const asc = dirOf(state.sort, state.dir) === "asc";
                  const Arrow = asc ? ArrowUp : ArrowDown;
                  return (
                    <th key={c.key} scope="col" className={cn("px-3 py-2.5 font-medium whitespace-nowrap sm:px-4", c.className)} aria-sort={active ? (asc ? "ascending" : "descending") : undefined}>
                      {c.sort && (insightsAvailable || c.sort === "name") ? (
                        <button type="button" onClick={() => sortBy(c.sort!)} className={cn("inline-flex items-center gap-1 hover:text-ink", active && "text-ink")}>
                          {c.label}
                          {active ? <Arrow className="size-3" aria-hidden="true" /> : null}
                        </button>
                      ) : (
                        c.label
                      )}
                      {partial.has(PARTIAL_KEY[c.key] ?? "") ? (
                        <Badge tone="warning" className="ml-1.5 px-1.5 py-0 text-[10px]" title="Known only for the fans analysed so far">
                          partial
                        </Badge>
                      ) : null}
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {rows.map((r, i) => (
                <tr
                  key={r.uuid}
                  {...rowProps(i)}
                  onClick={() => update({ fan: r.uuid })}
                  aria-selected={state.fan === r.uuid}
                  data-testid={`fan-row-${r.handle || r.uuid}`}
                  className="cursor-pointer outline-none hover:bg-canvas focus-visible:bg-brand-50 focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:ring-inset aria-selected:bg-brand-50/60"
                >
                  {COLUMNS.map((c) => (
                    <td key={c.key} className={cn("px-3 py-3 align-middle whitespace-nowrap sm:px-4", c.className)}>
                      {c.cell(r)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          {rows.length === 0 ? (
            <p className="px-4 py-10 text-center text-sm text-muted" data-testid="fans-empty">
              {state.q || state.tag || state.segment ? "No fans match these filters." : "No fans in this list yet."}
            </p>
          ) : null}
          <Pagination page={page} onPage={(p) => update({ page: p })} />
        </Card>
      )}
    </div>
  );
}
