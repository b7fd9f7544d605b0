import "server-only";
import type { Retention, RetentionCohort, RetentionQuery } from "@/lib/schemas/growth";
import { db } from "@/lib/server/db";
import { commentLine } from "@/lib/utils/csv";
import { addMonths, localDate } from "@/lib/utils/date-range";

// Retention: monthly cohorts of each fan's first paid subscription × the
// months after in which they paid again (a renewal, or a new subscription),
// from our own ledger, months in the viewer's zone (a payment at 23:30 on
// the 31st in Los Angeles is that month's, not the next UTC month's). Free
// trials pay nothing, so a fan's cohort is their first paid month.

type Row = { cohort: string; k: number; fans: bigint };

export async function getRetention(creatorIds: string[], q: RetentionQuery, now = Date.now()): Promise<Retention> {
  const thisMonth = localDate(now, q.tz).slice(0, 7);
  const first = addMonths(`${thisMonth}-01`, -(q.months - 1));
  const [rows, synced] = await Promise.all([
    db.$queryRaw<Row[]>`
      WITH pays AS (
        SELECT e."fanUuid", date_trunc('month', (e."occurredAt" AT TIME ZONE 'UTC') AT TIME ZONE ${q.tz})::date AS m
        FROM "EarningRow" e
        WHERE e."creatorId" = ANY(${creatorIds}::text[]) AND e."fanUuid" IS NOT NULL
          AND e.source IN ('subscription', 'renewal') AND e.gross > 0
        GROUP BY 1, 2
      ),
      firsts AS (SELECT "fanUuid", min(m) AS cohort FROM pays GROUP BY 1)
      SELECT to_char(f.cohort, 'YYYY-MM') AS cohort,
             ((extract(year FROM p.m) - extract(year FROM f.cohort)) * 12
               + extract(month FROM p.m) - extract(month FROM f.cohort))::int AS k,
             count(*)::bigint AS fans
      FROM pays p JOIN firsts f ON f."fanUuid" = p."fanUuid"
      WHERE f.cohort >= ${first}::date
      GROUP BY 1, 2
      ORDER BY 1, 2`,
    db.syncState.aggregate({
      where: { creatorId: { in: creatorIds }, stream: "earnings" },
      _min: { lastSyncedAt: true },
    }),
  ]);
  const cohorts: RetentionCohort[] = [];
  for (let i = 0; i < q.months; i++) {
    const month = addMonths(first, i).slice(0, 7);
    const mine = rows.filter((r) => r.cohort === month);
    const size = Number(mine.find((r) => r.k === 0)?.fans ?? 0);
    // Months the cohort has lived through so far (this month included).
    const ages = q.months - i;
    const retained = Array.from({ length: ages }, (_, k) => Number(mine.find((r) => r.k === k)?.fans ?? 0));
    cohorts.push({ month, size, retained });
  }
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

export function retentionCsv(r: Retention, name: string) {
  return new Response(`${retentionLines(r).join("\r\n")}\r\n`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="retention-${name}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
