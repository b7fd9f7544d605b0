import "server-only";
import type { Retention, RetentionCohort, RetentionQuery } from "@/lib/schemas/growth";
import { db } from "@/lib/server/db";
import { commentLine, csvResponse } from "@/lib/utils/csv";
import { addMonths, localDate } from "@/lib/utils/date-range";

// Retention: monthly cohorts of each fan's first paid subscription × the
// months after in which they paid again (a renewal, or a new subscription),
// from our own ledger, months in the viewer's zone (a payment at 23:30 on
// the 31st in Los Angeles is that month's, not the next UTC month's). Free
// trials pay nothing, so a fan's cohort is their first paid month. A fan of
// two creators counts once per creator (the agency view adds creators up).
//
// Read from FanLedgerSummary (one row per creator and fan, kept by a trigger
// on the ledger): months away from a UTC month's edges are the same in every
// zone and group as they are; only payments near an edge are placed in the
// viewer's zone here. Fans sharing the same months are counted together (a
// first month and a bitmask, grouped in SQL through an index), so the
// triangle is built from a few thousand distinct histories, not 100,000.

type MaskRow = { first: number; mask: bigint; fans: bigint };
type FanRow = { months: number[]; edges: Date[] };

/** "YYYY-MM" → a month index (year × 12 + month − 1), as FanLedgerSummary keeps months. */
const monthIndex = (ym: string) => Number(ym.slice(0, 4)) * 12 + Number(ym.slice(5, 7)) - 1;

/** The local month of instants in a zone. Local midnights fall on whole quarter
 * hours of UTC in every zone, so one lookup per 15-minute slot is exact. */
function localMonths(tz: string) {
  const cache = new Map<number, number>();
  return (at: Date) => {
    const slot = Math.floor(at.getTime() / 900_000);
    let m = cache.get(slot);
    if (m === undefined) cache.set(slot, (m = monthIndex(localDate(slot * 900_000, tz))));
    return m;
  };
}

/** Every paying fan's months (month indices, ascending, distinct), with how many fans share them. */
async function histories(creatorIds: string[], tz: string): Promise<{ months: number[]; fans: number }[]> {
  const [masks, fans] = await Promise.all([
    db.$queryRaw<MaskRow[]>`
      SELECT "subFirst" AS first, "subMask" AS mask, count(*)::bigint AS fans
      FROM "FanLedgerSummary"
      WHERE "creatorId" = ANY(${creatorIds}::text[]) AND "subMask" IS NOT NULL
      GROUP BY 1, 2`,
    db.$queryRaw<FanRow[]>`
      SELECT "subMonths" AS months, "subEdges" AS edges
      FROM "FanLedgerSummary"
      WHERE "creatorId" = ANY(${creatorIds}::text[]) AND "subMask" IS NULL AND "firstSubAt" IS NOT NULL`,
  ]);
  const out = masks.map((r) => {
    const months: number[] = [];
    for (let k = 0, m = r.mask; m > 0n; k++, m >>= 1n) if (m & 1n) months.push(r.first + k);
    return { months, fans: Number(r.fans) };
  });
  const monthOf = localMonths(tz);
  for (const f of fans) {
    const months = [...new Set([...f.months, ...f.edges.map(monthOf)])].sort((a, b) => a - b);
    out.push({ months, fans: 1 });
  }
  return out;
}

export async function getRetention(creatorIds: string[], q: RetentionQuery, now = Date.now()): Promise<Retention> {
  const thisMonth = localDate(now, q.tz).slice(0, 7);
  const first = addMonths(`${thisMonth}-01`, -(q.months - 1));
  const [rows, synced] = await Promise.all([
    histories(creatorIds, q.tz),
    db.syncState.aggregate({
      where: { creatorId: { in: creatorIds }, stream: "earnings" },
      _min: { lastSyncedAt: true },
    }),
  ]);
  const firstIdx = monthIndex(first);
  const grid = Array.from({ length: q.months }, (_, i) => new Array<number>(q.months - i).fill(0));
  for (const r of rows) {
    const i = r.months[0]! - firstIdx;
    if (i < 0 || i >= q.months) continue;
    for (const m of r.months) if (m - r.months[0]! < grid[i]!.length) grid[i]![m - r.months[0]!]! += r.fans;
  }
  const cohorts: RetentionCohort[] = grid.map((retained, i) => ({
    month: addMonths(first, i).slice(0, 7),
    size: retained[0]!,
    retained,
  }));
  // Cohorts whose first full month after has ended: at least 3 entries (this month is not over).
  const old = cohorts.filter((c) => c.size > 0 && c.retained.length >= 3);
  const firstMonthChurn = old.length ? old.reduce((s, c) => s + (1 - c.retained[1]! / c.size), 0) / old.length : null;
  return { tz: q.tz, cohorts, firstMonthChurn, ledgerSyncedAt: synced._min.lastSyncedAt?.toISOString() ?? null };
}

/** The triangle as CSV lines: cohort, size, then fans and share retained each month after. */
export function retentionLines(r: Retention): string[] {
  const width = Math.max(0, ...r.cohorts.map((c) => c.retained.length));
  const header = ["cohort", "size", ...Array.from({ length: width }, (_, k) => `month_${k}_fans`)];
  return [
    commentLine(`Vuedeck retention: first paid subscription month × months paid again (${r.tz})`),
    header.join(","),
    ...r.cohorts.map((c) => [c.month, c.size, ...c.retained].join(",")),
  ];
}

export const retentionCsv = (r: Retention, name: string) => csvResponse(retentionLines(r), `retention-${name}.csv`);
