import "server-only";
import { exactDollarsOfText } from "@/lib/server/earnings/money";
import { ownCell, quoteCell, textCell } from "@/lib/utils/csv";
import { centsToDecimal } from "@/lib/utils/money";
import type { DataClient } from "./client";
import { TABLES, type ResolvedScope, type TableSpec } from "./tables";

// The export's CSVs: the ledger, the fans and the campaigns, for a
// spreadsheet (the JSON Lines files are the complete record). Cells from data
// are formula-safe (lib/utils/csv.ts); amounts are decimal dollars from the
// exact cents; instants are ISO 8601 UTC (the export has no viewer zone).

type Row = Record<string, unknown>;
export type CsvFile = {
  file: string;
  /** The table whose rows (in batches) become the CSV's lines. */
  table: TableSpec;
  header: string[];
  lines: (client: DataClient, rows: Row[], handles: Map<string, string>) => Promise<string[]>;
};

const tableOf = (model: string) => TABLES.find((t) => t.model === model)!;
const line = (cells: string[]) => cells.join(",");
const iso = (v: unknown) => ownCell(v instanceof Date ? v.toISOString() : null);
const text = (v: unknown) => textCell(typeof v === "string" ? v : v == null ? null : String(v));
/** A Prisma Decimal of cents (4 places) as exact dollars. */
const dollars = (v: unknown) =>
  ownCell(v == null ? null : exactDollarsOfText((v as { toFixed: (n: number) => string }).toFixed(4)));
const cents = (v: unknown) => ownCell(typeof v === "number" ? centsToDecimal(v) : null);
const num = (v: unknown) => ownCell(typeof v === "number" ? v : null);
const creator = (h: Map<string, string>, r: Row) => textCell(h.get(String(r.creatorId)) ?? String(r.creatorId));

const ledgerCsv: CsvFile = {
  file: "ledger.csv",
  table: tableOf("EarningRow"),
  header: [
    "creator",
    "occurred_at_utc",
    "source",
    "gross_usd",
    "net_usd",
    "currency",
    "fan_handle",
    "fan_uuid",
    "order_id",
    "order_status",
    "message_uuid",
    "post_uuid",
  ],
  lines: async (_c, rows, h) =>
    rows.map((r) =>
      line([
        creator(h, r),
        iso(r.occurredAt),
        text(r.source),
        dollars(r.gross),
        dollars(r.net),
        text(r.currency),
        text(r.fanHandle),
        text(r.fanUuid),
        text(r.orderId),
        text(r.orderStatus),
        text(r.messageUuid),
        text(r.postUuid),
      ]),
    ),
};

/** Per creator in the batch, `creatorId = c AND fanUuid IN (…)`: an index
 * range each, where an OR of 2,000 (creator, fan) pairs cost the query
 * builder ~200 MB of heap. */
function fansWhere(rows: Row[]) {
  const byCreator = new Map<string, string[]>();
  for (const r of rows) {
    const list = byCreator.get(String(r.creatorId)) ?? [];
    if (list.length === 0) byCreator.set(String(r.creatorId), list);
    list.push(String(r.fanUuid));
  }
  return { OR: [...byCreator].map(([creatorId, fanUuids]) => ({ creatorId, fanUuid: { in: fanUuids } })) };
}

/** A batch of fans with their insight figures and tags (one query each per batch). */
async function fanLines(client: DataClient, rows: Row[], h: Map<string, string>) {
  const where = fansWhere(rows);
  const [insights, tags] = await Promise.all([
    client.fanInsight.findMany({
      where,
      select: {
        creatorId: true,
        fanUuid: true,
        status: true,
        totalGross: true,
        subscribedAt: true,
        renewsAt: true,
        autoRenew: true,
      },
    }),
    client.fanTag.findMany({ where, orderBy: { tag: "asc" } }),
  ]);
  const keyOf = (r: { creatorId: string; fanUuid: string }) => `${r.creatorId}:${r.fanUuid}`;
  const insight = new Map(insights.map((i) => [keyOf(i), i]));
  const tagsOf = new Map<string, string[]>();
  for (const t of tags) tagsOf.set(keyOf(t), [...(tagsOf.get(keyOf(t)) ?? []), t.tag]);
  return rows.map((r) => {
    const k = keyOf(r as { creatorId: string; fanUuid: string });
    const i = insight.get(k);
    const renew = i?.autoRenew == null ? "" : i.autoRenew ? "yes" : "no";
    return line([
      creator(h, r),
      text(r.fanUuid),
      text(r.handle),
      text(r.displayName),
      text(r.nickname),
      text(r.list),
      iso(r.firstSeenAt),
      text(i?.status),
      cents(i?.totalGross),
      iso(i?.subscribedAt),
      iso(i?.renewsAt),
      ownCell(renew),
      text((tagsOf.get(k) ?? []).join("; ")),
    ]);
  });
}

const fansCsv: CsvFile = {
  file: "fans.csv",
  table: tableOf("AudienceFan"),
  header: [
    "creator",
    "fan_uuid",
    "handle",
    "display_name",
    "nickname",
    "list",
    "first_seen_at_utc",
    "status",
    "lifetime_gross_usd",
    "subscribed_at_utc",
    "renews_at_utc",
    "auto_renew",
    "tags",
  ],
  lines: fanLines,
};

const campaignsCsv: CsvFile = {
  file: "campaigns.csv",
  table: tableOf("MassCampaign"),
  header: [
    "creator",
    "created_at_utc",
    "scheduled_at_utc",
    "sent_at_utc",
    "status",
    "price_usd",
    "recipients",
    "audience",
    "holdout_percent",
    "created_by",
    "text",
  ],
  lines: async (_c, rows, h) =>
    rows.map((r) =>
      line([
        creator(h, r),
        iso(r.createdAt),
        iso(r.scheduledAt),
        iso(r.sentAt),
        text(r.status),
        cents(r.price),
        num(r.recipientCount),
        num(r.audienceSize),
        num(r.holdoutPercent),
        text(r.createdByName),
        text(r.text),
      ]),
    ),
};

export const CSV_FILES: readonly CsvFile[] = [ledgerCsv, fansCsv, campaignsCsv];

export const csvHeader = (f: CsvFile) => line(f.header.map(quoteCell)) + "\r\n";

/** The creators' handles, for the CSVs' creator column. */
export async function creatorHandles(client: DataClient, scope: ResolvedScope) {
  const creators = await client.creator.findMany({
    where: { id: { in: scope.creatorIds } },
    select: { id: true, handle: true },
  });
  return new Map(creators.map((c) => [c.id, c.handle]));
}
