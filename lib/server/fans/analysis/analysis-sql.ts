import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/server/db";
import type { InsightTimings } from "@/lib/server/fans/insights/insight-state";
import { utcInstant } from "@/lib/server/sql-instant";

// Queries of the analysis run over the roster (fans its roster sync listed,
// `runId`, and anyone the roster gained since). The
// "needs work" condition mirrors classify() in insight-state.ts: fresh and
// recently-negative answers count as done; an `internal` answer waits for
// its retry time.

const at = utcInstant;

function needsWork(t: InsightTimings, now: number) {
  return Prisma.sql`(i."fanUuid" IS NULL OR i.state = 'pending'
    OR (i.state = 'ok' AND i."fetchedAt" < ${at(now - t.freshMs)})
    OR (i.state IN ('not_found', 'forbidden') AND i."checkedAt" < ${at(now - t.negativeMs)})
    OR (i.state = 'error' AND (i."retryAt" IS NULL OR i."retryAt" <= ${at(now)})))`;
}

const JOIN = Prisma.sql`FROM "AudienceFan" a LEFT JOIN "FanInsight" i ON i."creatorId" = a."creatorId" AND i."fanUuid" = a."fanUuid"`;

/** The next fans (in listing order, after the checkpoint) whose insights
 * the run must fetch. Fans listed later always come after the checkpoint. */
export async function needingKeys(
  creatorId: string,
  runId: string,
  cursor: number | null,
  t: InsightTimings,
  limit: number,
  now = Date.now(),
) {
  return db.$queryRaw<{ fanUuid: string; listOrder: number }[]>`
    SELECT a."fanUuid", a."listOrder" ${JOIN}
    WHERE a."creatorId" = ${creatorId} AND a."runId" = ${runId} AND a."listOrder" > ${cursor ?? -1} AND ${needsWork(t, now)}
    ORDER BY a."listOrder" LIMIT ${limit}`;
}

/** Fans of the roster, and those answered for the run: during it, or fresh
 * enough when it started that the run skipped them. */
export async function countRun(creatorId: string, startedAt: Date, t: InsightTimings) {
  const [row] = await db.$queryRaw<{ total: number; done: number }[]>`
    SELECT count(*)::int AS total,
      count(*) FILTER (WHERE i.state IN ('ok', 'not_found', 'forbidden') AND i."checkedAt" >= ${at(startedAt.getTime() - t.freshMs)})::int AS done
    ${JOIN} WHERE a."creatorId" = ${creatorId} AND a.handle <> ''`;
  return { total: row?.total ?? 0, done: row?.done ?? 0 };
}

/** Roster fans Fanvue has not answered for (an `internal`, a failed call,
 * or never asked: e.g. a new follower the roster gained during the run). */
export async function errorKeys(creatorId: string) {
  return db.$queryRaw<{ fanUuid: string; retryAt: Date | null }[]>`
    SELECT a."fanUuid", i."retryAt" ${JOIN}
    WHERE a."creatorId" = ${creatorId} AND a.handle <> '' AND (i."fanUuid" IS NULL OR i.state IN ('error', 'pending'))
    ORDER BY a."fanUuid"`;
}
