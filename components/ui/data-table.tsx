import { ArrowDown, ArrowUp } from "lucide-react";
import type { HTMLAttributes, ReactNode, TdHTMLAttributes } from "react";
import { cn } from "@/lib/utils/cn";
import { ScrollRegion } from "./scroll-region";

// One look for every table of figures. Sorting and paging happen on the
// server in every table we have (Fanvue pages, our own Postgres), so this is
// a presentational primitive: columns, one header style, numeric alignment,
// sortable headers with aria-sort, a totals footer, row props for
// interactive rows. A headless grid library would add nothing we use.

export type SortDir = "asc" | "desc";

export type Column<Row> = {
  id: string;
  header: ReactNode;
  cell: (row: Row, index: number) => ReactNode;
  /** Right-aligned, tabular figures. */
  numeric?: boolean;
  /** Shown in the totals row; any column having one adds the footer. */
  footer?: ReactNode;
  /** On th and td alike: widths, `hidden md:table-cell`. */
  className?: string;
  /** The server's sort key, when this column can sort. */
  sortKey?: string;
  /** After the header (a badge); outside the sort button. */
  headerExtra?: ReactNode;
  /** Extra attributes on each td (e.g. a click that must not reach the row). */
  cellProps?: TdHTMLAttributes<HTMLTableCellElement>;
};

export type TableSort = { key: string; dir: SortDir; onSort: (key: string) => void };

type RowAttrs = HTMLAttributes<HTMLTableRowElement> & { [data: `data-${string}`]: string | boolean | undefined };

type Props<Row> = {
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  /** A short description for screen readers (the visible title sits above). */
  caption?: string;
  sort?: TableSort;
  rowProps?: (row: Row, index: number) => RowAttrs;
  /** `compact` for tables inside a panel; `comfortable` for page-level lists. */
  density?: "compact" | "normal" | "comfortable";
  /** Below it the table scrolls sideways instead of squeezing (phones). */
  minWidth?: number;
  testId?: string;
  busy?: boolean;
  className?: string;
};

const PAD = { compact: "py-1.5", normal: "py-2.5", comfortable: "py-3" } as const;
const CELL = "px-3 whitespace-nowrap first:pl-4 last:pr-4 sm:first:pl-5 sm:last:pr-5";

export function DataTable<Row>({ columns, rows, rowKey, density = "normal", ...p }: Props<Row>) {
  const pad = PAD[density];
  const hasFooter = columns.some((c) => c.footer !== undefined);
  return (
    <ScrollRegion
      label={p.caption ? `${p.caption} (scrolls sideways)` : "Table (scrolls sideways)"}
      className={p.className}
    >
      <table
        className="w-full text-sm"
        style={p.minWidth ? { minWidth: p.minWidth } : undefined}
        data-testid={p.testId}
        aria-busy={p.busy}
      >
        {p.caption ? <caption className="sr-only">{p.caption}</caption> : null}
        <thead className="border-b border-line bg-canvas/60 text-left text-xs text-muted">
          <tr>
            {columns.map((c) => (
              <HeaderCell key={c.id} column={c} sort={p.sort} pad={pad} />
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {rows.map((r, i) => {
            const attrs = p.rowProps?.(r, i);
            return (
              <tr key={rowKey(r)} {...attrs}>
                {columns.map((c) => (
                  <td
                    key={c.id}
                    {...c.cellProps}
                    className={cn(CELL, pad, "align-middle", c.numeric && "tabular text-right", c.className)}
                  >
                    {c.cell(r, i)}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
        {hasFooter ? (
          <tfoot className="border-t border-line bg-canvas/60 font-semibold">
            <tr>
              {columns.map((c) => (
                <td key={c.id} className={cn(CELL, pad, c.numeric && "tabular text-right", c.className)}>
                  {c.footer}
                </td>
              ))}
            </tr>
          </tfoot>
        ) : null}
      </table>
    </ScrollRegion>
  );
}

function HeaderCell<Row>({ column: c, sort, pad }: { column: Column<Row>; sort?: TableSort; pad: string }) {
  const active = sort !== undefined && c.sortKey !== undefined && sort.key === c.sortKey;
  const Arrow = sort?.dir === "asc" ? ArrowUp : ArrowDown;
  return (
    <th
      scope="col"
      className={cn(CELL, pad, "font-medium", c.numeric && "text-right", c.className)}
      aria-sort={active ? (sort.dir === "asc" ? "ascending" : "descending") : undefined}
    >
      {sort && c.sortKey ? (
        <button
          type="button"
          onClick={() => sort.onSort(c.sortKey!)}
          className={cn(
            "inline-flex items-center gap-1 rounded hover:text-ink focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:outline-none touch:min-h-11 touch:min-w-11",
            active && "text-ink",
          )}
        >
          {c.header}
          {active ? <Arrow className="size-3" aria-hidden="true" /> : null}
        </button>
      ) : (
        c.header
      )}
      {c.headerExtra}
    </th>
  );
}
