import "server-only";
import { delegateOf, type DataClient } from "./client";
import type { ResolvedScope, TableSpec } from "./tables";

/** 2,000 rows a batch: one indexed query of a few ms, ~1 MB of JSON at most
 * (a campaign's text is the longest row), 50 round trips for 100,000 rows,
 * and the event loop is given back between batches. */
export const BATCH_ROWS = 2_000;

type Row = Record<string, unknown>;

/** Prisma's cursor for a row: `{id}` or `{a_b: {a, b}}` for a compound key. */
function cursorOf(key: string[], row: Row): Row {
  const pick = Object.fromEntries(key.map((k) => [k, row[k]]));
  return key.length === 1 ? pick : { [key.join("_")]: pick };
}

/** The table's rows of the scope in batches, along its primary key (keyset
 * paging: each batch starts after the last row of the one before, so no
 * batch costs more than the first, however deep into the table). */
export async function* tableBatches(
  client: DataClient,
  t: TableSpec,
  scope: ResolvedScope,
  batchRows = BATCH_ROWS,
): AsyncGenerator<Row[]> {
  const delegate = delegateOf(client, t.delegate);
  const omit = t.omit?.length ? { omit: Object.fromEntries(t.omit.map((c) => [c, true])) } : {};
  const orderBy = t.key.map((k) => ({ [k]: "asc" }));
  let last: Row | undefined;
  for (;;) {
    const rows = await delegate.findMany({
      where: t.where(scope),
      orderBy,
      take: batchRows,
      ...omit,
      ...(last ? { cursor: cursorOf(t.key, last), skip: 1 } : {}),
    });
    if (rows.length > 0) yield rows;
    if (rows.length < batchRows) return;
    last = rows.at(-1);
  }
}

/** Rows of the scope in the table, before the export starts (progress). */
export const countRows = (client: DataClient, t: TableSpec, scope: ResolvedScope) =>
  delegateOf(client, t.delegate).count({ where: t.where(scope) });

/** One JSON line: BigInt as a string (a JSON number would lose digits),
 * Decimal as its exact string, dates as ISO 8601 UTC. */
export const jsonLine = (row: Row) =>
  JSON.stringify(row, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v)) + "\n";
