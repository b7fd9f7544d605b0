import "server-only";
import { delegateOf, type DataClient } from "./client";
import type { ResolvedScope, TableSpec } from "./tables";

/** 2,000 rows a batch: one indexed query of a few ms, ~1 MB of JSON at most
 * (a campaign's text is the longest row), 50 round trips for 100,000 rows.
 * The import inserts in batches of this size. */
export const BATCH_ROWS = 2_000;

/** The export reads 500 rows a batch: each batch is turned into JSON and
 * compressed in one go on the event loop, which the server's other requests
 * wait behind. At 2,000 that was ~100-400 ms a batch on a loaded 2-core
 * machine, and other requests' p95 went past 1 s during a 100,000-row export
 * (scripts/bench/export-server.ts); at 500 the slices are ~4× shorter, for
 * ~10 % more total time. */
export const EXPORT_BATCH_ROWS = 500;

type Row = Record<string, unknown>;

/** The rows after `last` in key order, as disjoint ranges in ascending
 * order: for a key [a, b], `a = last.a AND b > last.b`, then `a > last.a`.
 * Each range is one index range with a LIMIT. Not Prisma's `cursor`: with a
 * compound key it reads every remaining row and pages in memory (100,000
 * fans: 2.5 million rows fetched for one export, 40 s of server CPU). */
function rangesAfter(key: string[], last: Row): Row[] {
  return key.map((_, n) => {
    const i = key.length - 1 - n;
    const prefix = key.slice(0, i).map((k) => [k, last[k]]);
    return Object.fromEntries([...prefix, [key[i]!, { gt: last[key[i]!] }]]);
  });
}

/** The table's rows of the scope in batches, along its primary key (keyset
 * paging: each batch starts after the last row of the one before, so no
 * batch costs more than the first, however deep into the table). */
export async function* tableBatches(
  client: DataClient,
  t: TableSpec,
  scope: ResolvedScope,
  batchRows = EXPORT_BATCH_ROWS,
): AsyncGenerator<Row[]> {
  const delegate = delegateOf(client, t.delegate);
  const omit = t.omit?.length ? { omit: Object.fromEntries(t.omit.map((c) => [c, true])) } : {};
  const orderBy = t.key.map((k) => ({ [k]: "asc" }));
  let ranges: Row[] = [{}];
  for (;;) {
    const rows: Row[] = [];
    for (const range of ranges) {
      const where = { AND: [t.where(scope), range] };
      rows.push(...(await delegate.findMany({ where, orderBy, take: batchRows - rows.length, ...omit })));
      if (rows.length === batchRows) break;
    }
    if (rows.length > 0) yield rows;
    if (rows.length < batchRows) return;
    ranges = rangesAfter(t.key, rows.at(-1)!);
  }
}

/** Rows of the scope in the table, before the export starts (progress). */
export const countRows = (client: DataClient, t: TableSpec, scope: ResolvedScope) =>
  delegateOf(client, t.delegate).count({ where: t.where(scope) });

/** One JSON line: BigInt as a string (a JSON number would lose digits),
 * Decimal as its exact string, dates as ISO 8601 UTC. */
export const jsonLine = (row: Row) =>
  JSON.stringify(row, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v)) + "\n";
