import "server-only";
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/server/db";
import { sourceGroup, type EarningsQuery } from "@/lib/schemas/earnings";
import { commentLine, ownCell, quoteCell, textCell } from "@/lib/utils/csv";
import { centsToDecimal } from "@/lib/utils/money";
import { zonedFormatter } from "@/lib/utils/zoned-time";
import { exactDollarsOfText } from "./money";
import { earningsReport, sourceFilter } from "./report";

// CSV that matches the screen: same range, zone, sources; one row per
// transaction or per bucket; decimal dollars from exact cents; totals in the
// header equal the totals on screen (the same report query, run up front).
//
// Transactions are read in pages along a keyset cursor on (occurredAt, id)
// and written page by page, so an export of any size holds one page in
// memory and gives the event loop back between pages: other requests of the
// process are never stuck behind it. Cells from data are formula-safe
// (lib/utils/csv.ts); amounts, dates and counts are our own and stay numbers.

/** 2,000 rows a page: one indexed query of a few ms and a few ms of
 * formatting, so other requests wait at most that long between pages; 50
 * round trips for 100,000 rows; a page is ~400 KB of CSV. */
export const PAGE_ROWS = 2_000;

type Rows = "transactions" | "buckets";
type LedgerRow = {
  id: string;
  creatorId: string;
  occurredAt: Date;
  source: string;
  gross: string;
  net: string;
  currency: string;
  fanHandle: string | null;
  fanUuid: string | null;
  orderId: string | null;
  messageUuid: string | null;
  postUuid: string | null;
};

export type CsvOptions = {
  /** Adds a creator column (agency exports span creators). */
  creatorHandles?: Map<string, string>;
  pageRows?: number;
  /** Called after each page of transactions is read (tests watch the paging). */
  onPage?: (rows: number) => void;
};

const line = (cells: string[]) => cells.join(",");

/** Runs the report (range, totals; the buckets) and returns the CSV as
 * chunks: the header, then a chunk per page of transactions. Failures of
 * the report surface here, before anything is sent. */
export async function openEarningsCsv(
  creatorIds: string[],
  q: EarningsQuery,
  rows: Rows,
  label: string,
  o: CsvOptions = {},
): Promise<AsyncGenerator<string>> {
  const report = await earningsReport(creatorIds, creatorIds, q);
  const r = report.range;
  const header = [
    `Vuedeck earnings export: ${label}`,
    `Range: ${r.from} to ${r.to} inclusive, time zone ${r.tz}${r.partial ? " (period still running)" : ""}`,
    `Amounts: USD, gross (what fans paid) and net (after Fanvue's share); refunds and chargebacks not deducted`,
    `Sources: ${q.sources.length ? q.sources.join(", ") : "all"}`,
    `Total gross: ${centsToDecimal(report.totals.gross)}, total net: ${centsToDecimal(report.totals.net)}, transactions: ${report.totals.transactions}`,
  ].map(commentLine);
  if (rows === "buckets") {
    const cols = line([`${r.granularity}_start (${r.tz})`, "gross_usd", "net_usd", "partial"].map(quoteCell));
    const body = report.series.map((b) =>
      line([
        ownCell(b.bucket),
        ownCell(centsToDecimal(b.gross)),
        ownCell(centsToDecimal(b.net)),
        ownCell(b.partial ? "yes" : "no"),
      ]),
    );
    return (async function* () {
      yield [...header, cols, ...body].join("\n") + "\n";
    })();
  }
  const handles = o.creatorHandles;
  const cols = [
    ...(handles ? ["creator"] : []),
    "occurred_at",
    `local_date (${q.tz})`,
    "source",
    "fanvue_source",
    "gross_usd",
    "net_usd",
    "currency",
    "fan_handle",
    "fan_uuid",
    "order_id",
    "message_uuid",
    "post_uuid",
  ];
  const range = { startMs: Date.parse(r.startUtc), endMs: Date.parse(r.endUtc) };
  return (async function* () {
    yield [...header, line(cols.map(quoteCell))].join("\n") + "\n";
    const zone = zonedFormatter(q.tz);
    for await (const page of ledgerPages(creatorIds, range, q.sources, report.totals.transactions, o)) {
      let out = "";
      for (const e of page) {
        const t = e.occurredAt.getTime();
        out +=
          line([
            ...(handles ? [textCell(handles.get(e.creatorId) ?? e.creatorId)] : []),
            ownCell(zone.iso(t)),
            ownCell(zone.date(t)),
            ownCell(sourceGroup(e.source)),
            textCell(e.source),
            ownCell(exactDollarsOfText(e.gross)),
            ownCell(exactDollarsOfText(e.net)),
            textCell(e.currency),
            textCell(e.fanHandle),
            textCell(e.fanUuid),
            textCell(e.orderId),
            textCell(e.messageUuid),
            textCell(e.postUuid),
          ]) + "\n";
      }
      yield out;
    }
  })();
}

type Cursor = { lower: number; after: { at: Date; id: string } | null; span: number };

/** Page reads of all exports of this process, at most 2 at a time: one
 * export reads at full speed (one query in flight: the next page while this
 * one is written); several at once take turns instead of crowding the
 * database for every other request. One per process (globalThis), across
 * Next's copies of this module. */
const EXPORT_READS = 2;
const g = globalThis as unknown as { vuedeckExportReads?: { active: number; waiting: (() => void)[] } };
const reads = (g.vuedeckExportReads ??= { active: 0, waiting: [] });

async function withReadSlot<T>(read: () => Promise<T>): Promise<T> {
  while (reads.active >= EXPORT_READS) await new Promise<void>((wake) => reads.waiting.push(wake));
  reads.active++;
  try {
    return await read();
  } finally {
    reads.active--;
    reads.waiting.shift()?.();
  }
}

/** One page after the cursor, within a time window of `span` ms. */
function readPage(creatorIds: string[], endMs: number, sources: string[], size: number, c: Cursor) {
  const until = Math.min(endMs, c.lower + c.span);
  const rows = withReadSlot(
    () => db.$queryRaw<LedgerRow[]>`
    SELECT id, "creatorId", "occurredAt", source, gross::text AS gross, net::text AS net, currency,
           "fanHandle", "fanUuid", "orderId", "messageUuid", "postUuid"
    FROM "EarningRow"
    WHERE "creatorId" = ANY(${creatorIds}::text[]) AND "occurredAt" >= ${new Date(c.lower)} AND "occurredAt" < ${new Date(until)}
      ${c.after ? Prisma.sql`AND ("occurredAt", id) > (${c.after.at}, ${c.after.id})` : Prisma.empty} ${sourceFilter(sources)}
    ORDER BY "occurredAt", id
    LIMIT ${size}`,
  );
  return rows.then((page) => ({ page, until }));
}

/** Where the next page starts, and a window that should hold ~1.25 pages
 * at the density just seen (a short page ends its window; a full one goes
 * on from its last row). */
function nextCursor(c: Cursor, page: LedgerRow[], until: number, size: number): Cursor {
  const full = page.length === size;
  const last = page.at(-1);
  const lower = full ? last!.occurredAt.getTime() : until;
  const covered = Math.max(1, lower - c.lower);
  const span =
    page.length === 0 ? c.span * 4 : Math.min(c.span * 4, Math.max(c.span / 4, (1.25 * size * covered) / page.length));
  return { lower, after: full ? { at: last!.occurredAt, id: last!.id } : null, span: Math.max(1, Math.round(span)) };
}

/** The ledger rows of the range in (occurredAt, id) order, a page at a time.
 * Each query reads a time window after the cursor sized to hold about a page
 * (from the report's count, then from the density it finds): every page
 * costs about the same, the last as little as the first, also across an
 * agency's creators, whose rows no single index orders (without the window,
 * each page would sort every row still ahead of the cursor). The next page
 * is read while this one is written: at most two pages are held. */
async function* ledgerPages(
  creatorIds: string[],
  range: { startMs: number; endMs: number },
  sources: string[],
  expectedRows: number,
  o: CsvOptions,
): AsyncGenerator<LedgerRow[]> {
  const size = o.pageRows ?? PAGE_ROWS;
  let cursor: Cursor = {
    lower: range.startMs,
    after: null,
    span: Math.max(60_000, Math.ceil(((range.endMs - range.startMs) * 1.25 * size) / Math.max(1, expectedRows))),
  };
  let next: ReturnType<typeof readPage> | null = readPage(creatorIds, range.endMs, sources, size, cursor);
  try {
    while (next) {
      const { page, until }: Awaited<ReturnType<typeof readPage>> = await next;
      cursor = nextCursor(cursor, page, until, size);
      next = cursor.lower < range.endMs ? readPage(creatorIds, range.endMs, sources, size, cursor) : null;
      if (page.length) {
        o.onPage?.(page.length);
        yield page;
      }
      // Whatever else the process has to do goes first.
      await yieldToEventLoop();
    }
  } finally {
    // Stopped early (the client went away): the page read ahead is dropped.
    void next?.catch(() => undefined);
  }
}

/** The whole CSV as one string (tests, and callers that want a small export whole). */
export async function earningsCsv(
  creatorIds: string[],
  q: EarningsQuery,
  rows: Rows,
  label: string,
  creatorHandles?: Map<string, string>,
): Promise<string> {
  let out = "";
  for await (const chunk of await openEarningsCsv(creatorIds, q, rows, label, { creatorHandles })) out += chunk;
  return out;
}
