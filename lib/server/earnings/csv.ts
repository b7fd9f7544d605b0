import "server-only";
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/server/db";
import { sourceGroup, SOURCES, type EarningsQuery } from "@/lib/schemas/earnings";
import { localDate } from "@/lib/utils/date-range";
import { centsToDecimal } from "@/lib/utils/money";
import { exactDollars } from "./money";
import { earningsReport, resolveRange } from "./report";

// CSV that matches the screen: same range, zone, sources; one row per
// transaction or per bucket; decimal dollars from integer cents; totals in
// the header equal the totals on screen.

const esc = (v: string | number | null) => {
  const s = v === null ? "" : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const line = (cells: (string | number | null)[]) => cells.map(esc).join(",");

/** `creatorHandles` adds a creator column (agency exports span creators). */
export async function earningsCsv(creatorIds: string[], q: EarningsQuery, rows: "transactions" | "buckets", label: string, creatorHandles?: Map<string, string>) {
  const report = await earningsReport(creatorIds, creatorIds, q);
  const r = report.range;
  const header = [
    `# Vuedeck earnings export: ${label}`,
    `# Range: ${r.from} to ${r.to} inclusive, time zone ${r.tz}${r.partial ? " (period still running)" : ""}`,
    `# Amounts: USD, gross (what fans paid) and net (after Fanvue's share); refunds and chargebacks not deducted`,
    `# Sources: ${q.sources.length ? q.sources.join(", ") : "all"}`,
    `# Total gross: ${centsToDecimal(report.totals.gross)}, total net: ${centsToDecimal(report.totals.net)}, transactions: ${report.totals.transactions}`,
  ];
  if (rows === "buckets") {
    const body = report.series.map((b) => line([b.bucket, centsToDecimal(b.gross), centsToDecimal(b.net), b.partial ? "yes" : "no"]));
    return [...header, line([`${r.granularity}_start (${r.tz})`, "gross_usd", "net_usd", "partial"]), ...body].join("\n") + "\n";
  }
  const range = await resolveRange(q, creatorIds);
  const data = await db.earningRow.findMany({
    where: { creatorId: { in: creatorIds }, occurredAt: { gte: new Date(range.startMs), lt: new Date(range.endMs) }, ...sourceWhere(q.sources) },
    orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
  });
  const body = data.map((e) =>
    line([
      ...(creatorHandles ? [creatorHandles.get(e.creatorId) ?? e.creatorId] : []),
      format(new TZDate(e.occurredAt.getTime(), q.tz), "yyyy-MM-dd'T'HH:mm:ss.SSSxxx"),
      localDate(e.occurredAt.getTime(), q.tz),
      sourceGroup(e.source),
      e.source,
      exactDollars(e.gross),
      exactDollars(e.net),
      e.currency,
      e.fanHandle,
      e.fanUuid,
      e.orderId,
      e.messageUuid,
      e.postUuid,
    ]),
  );
  const cols = [...(creatorHandles ? ["creator"] : []), "occurred_at", `local_date (${q.tz})`, "source", "fanvue_source", "gross_usd", "net_usd", "currency", "fan_handle", "fan_uuid", "order_id", "message_uuid", "post_uuid"];
  return [...header, line(cols), ...body].join("\n") + "\n";
}

function sourceWhere(sources: string[]): Prisma.EarningRowWhereInput {
  if (sources.length === 0 || sources.length === SOURCES.length) return {};
  const main = sources.filter((s) => s !== "others");
  const known = SOURCES.filter((s) => s !== "others") as string[];
  return { OR: [{ source: { in: main } }, ...(sources.includes("others") ? [{ source: { notIn: known } }] : [])] };
}
