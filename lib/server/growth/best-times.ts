import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { SOURCES, type EarningsQuery } from "@/lib/schemas/earnings";
import type { BestTimes, BestTimesQuery } from "@/lib/schemas/growth";
import { db } from "@/lib/server/db";
import { resolveRange } from "@/lib/server/earnings/report";
import { commentLine, csvResponse } from "@/lib/utils/csv";
import { centsToDecimal } from "@/lib/utils/money";

// Best times: when fans pay, on a weekday × hour grid in the viewer's zone.
// Each sale's UTC instant is turned into the zone's wall clock by Postgres
// (DST included: a sale at 01:30 on the fall-back night lands in the hour it
// happened, twice as long that night), so the cells add up to the range's
// total exactly. Posts and mass messages sent through Vuedeck are marked on
// the same grid.

type CellRow = { weekday: number; hour: number; gross: bigint; sales: bigint };
type MarkRow = { at: Date; weekday: number; hour: number; kind: "post" | "mass" };

const NAMED = SOURCES.filter((s) => s !== "others");

function sourceFilter(source: BestTimesQuery["source"]) {
  if (source === "all") return Prisma.empty;
  if (source === "others") return Prisma.sql`AND e.source <> ALL(${[...NAMED]}::text[])`;
  return Prisma.sql`AND e.source = ${source}`;
}

/** Local weekday (1 = Monday) and hour of a UTC timestamp column, in `tz`. */
const local = (column: Prisma.Sql, tz: string) => ({
  weekday: Prisma.sql`extract(isodow FROM (${column} AT TIME ZONE 'UTC') AT TIME ZONE ${tz})::int`,
  hour: Prisma.sql`extract(hour FROM (${column} AT TIME ZONE 'UTC') AT TIME ZONE ${tz})::int`,
});

export async function getBestTimes(creatorIds: string[], q: BestTimesQuery): Promise<BestTimes> {
  const r = await resolveRange({ ...q, granularity: "day", sources: [] } as unknown as EarningsQuery, creatorIds);
  const start = new Date(r.startMs);
  const end = new Date(r.endMs);
  const e = local(Prisma.sql`e."occurredAt"`, r.tz);
  const [cells, marks, synced] = await Promise.all([
    db.$queryRaw<CellRow[]>`
      SELECT ${e.weekday} AS weekday, ${e.hour} AS hour, round(sum(e.gross))::bigint AS gross, count(*)::bigint AS sales
      FROM "EarningRow" e
      WHERE e."creatorId" = ANY(${creatorIds}::text[]) AND e."occurredAt" >= ${start} AND e."occurredAt" < ${end}
        ${sourceFilter(q.source)}
      GROUP BY 1, 2
      ORDER BY 1, 2`,
    markers(creatorIds, start, end, r.tz),
    db.syncState.aggregate({
      where: { creatorId: { in: creatorIds }, stream: "earnings" },
      _min: { lastSyncedAt: true },
    }),
  ]);
  const out = cells.map((c) => ({ weekday: c.weekday, hour: c.hour, gross: Number(c.gross), sales: Number(c.sales) }));
  return {
    range: { from: r.from, to: r.to, tz: r.tz, startUtc: r.startUtc, endUtc: r.endUtc, partial: r.partial },
    source: q.source,
    cells: out,
    total: { gross: out.reduce((s, c) => s + c.gross, 0), sales: out.reduce((s, c) => s + c.sales, 0) },
    markers: marks.map((m) => ({ weekday: m.weekday, hour: m.hour, kind: m.kind, at: m.at.toISOString() })),
    ledgerSyncedAt: synced._min.lastSyncedAt?.toISOString() ?? null,
  };
}

function markers(creatorIds: string[], start: Date, end: Date, tz: string) {
  const p = local(Prisma.sql`p."publishedAt"`, tz);
  const m = local(Prisma.sql`m."sentAt"`, tz);
  return db.$queryRaw<MarkRow[]>`
    SELECT p."publishedAt" AS at, ${p.weekday} AS weekday, ${p.hour} AS hour, 'post' AS kind
    FROM "PostRecord" p
    WHERE p."creatorId" = ANY(${creatorIds}::text[]) AND p."publishedAt" >= ${start} AND p."publishedAt" < ${end}
    UNION ALL
    SELECT m."sentAt", ${m.weekday}, ${m.hour}, 'mass'
    FROM "MassCampaign" m
    WHERE m."creatorId" = ANY(${creatorIds}::text[]) AND m.status = 'sent' AND m."sentAt" >= ${start} AND m."sentAt" < ${end}
    ORDER BY 1`;
}

const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/** The grid as CSV lines: every weekday × hour (zeros included), revenue as decimal USD from the same cents. */
export function bestTimesLines(b: BestTimes): string[] {
  const by = new Map(b.cells.map((c) => [`${c.weekday}-${c.hour}`, c]));
  const lines = [
    commentLine(`Vuedeck best times, ${b.range.from} to ${b.range.to} (${b.range.tz}), source: ${b.source}`),
    "weekday,hour,sales,gross_usd",
  ];
  for (let d = 1; d <= 7; d++)
    for (let h = 0; h < 24; h++) {
      const c = by.get(`${d}-${h}`);
      lines.push([DAYS[d - 1], h, c?.sales ?? 0, centsToDecimal(c?.gross ?? 0)].join(","));
    }
  lines.push("", "total,value", `sales,${b.total.sales}`, `gross_usd,${centsToDecimal(b.total.gross)}`);
  return lines;
}

export const bestTimesCsv = (b: BestTimes, name: string) =>
  csvResponse(bestTimesLines(b), `best-times-${name}-${b.range.from}-${b.range.to}.csv`);
