import "server-only";
import { utcInstant } from "@/lib/server/sql-instant";
import type { FanInsight } from "@/generated/prisma/client";
import { db } from "@/lib/server/db";
import type { BatchEntry } from "@/lib/server/fanvue/resources/fan-insights";
import type { InsightTimings } from "@/lib/server/fans/insights/insight-state";

// The insight cache in Postgres, shared by every server process. A process
// fetches a fan only after claiming it: an atomic "lease" on the row, taken
// only when the row needs fetching and nobody else holds it. So concurrent
// processes never ask Fanvue for the same fan twice; a crashed holder's lease
// simply runs out (DEFAULT_TIMINGS.leaseMs).

// Timestamps travel as ISO strings cast to `timestamp` (our columns hold UTC
// without a zone, like Prisma's own writes), independent of session settings.

export async function readInsights(creatorId: string, keys: string[]): Promise<Map<string, FanInsight>> {
  if (keys.length === 0) return new Map();
  const rows = await db.fanInsight.findMany({ where: { creatorId, fanUuid: { in: keys } } });
  return new Map(rows.map((r) => [r.fanUuid, r]));
}

/** Claims the fans among `keys` that need fetching and are free; returns them.
 * Keys are inserted in sorted order so concurrent claims lock rows in the
 * same order (no deadlocks). */
export async function claimInsights(
  creatorId: string,
  keys: string[],
  owner: string,
  now: number,
  t: InsightTimings,
): Promise<string[]> {
  if (keys.length === 0) return [];
  const sorted = [...keys].sort();
  const rows = await db.$queryRaw<{ fanUuid: string }[]>`
    INSERT INTO "FanInsight" ("creatorId", "fanUuid", "leaseOwner", "leaseUntil")
    SELECT ${creatorId}, k, ${owner}, ${utcInstant(now + t.leaseMs)} FROM unnest(${sorted}::text[]) AS k ORDER BY k
    ON CONFLICT ("creatorId", "fanUuid") DO UPDATE SET "leaseOwner" = EXCLUDED."leaseOwner", "leaseUntil" = EXCLUDED."leaseUntil"
    WHERE ("FanInsight"."leaseUntil" IS NULL OR "FanInsight"."leaseUntil" < ${utcInstant(now)})
      AND ("FanInsight"."retryAt" IS NULL OR "FanInsight"."retryAt" <= ${utcInstant(now)})
      AND ("FanInsight".state IN ('pending', 'error')
        OR ("FanInsight".state = 'ok' AND "FanInsight"."fetchedAt" < ${utcInstant(now - t.freshMs)})
        OR ("FanInsight".state IN ('not_found', 'forbidden') AND "FanInsight"."checkedAt" < ${utcInstant(now - t.negativeMs)}))
    RETURNING "fanUuid"`;
  return rows.map((r) => r.fanUuid);
}

export async function releaseInsights(creatorId: string, keys: string[], owner: string) {
  if (keys.length === 0) return;
  await db.fanInsight.updateMany({
    where: { creatorId, fanUuid: { in: keys }, leaseOwner: owner },
    data: { leaseOwner: null, leaseUntil: null },
  });
}

type AnswerRecord = {
  fanUuid: string;
  kind: "ok" | "not_found" | "forbidden" | "error";
  status?: string;
  totalGross?: number | null;
  maxPayment?: number | null;
  lastPurchaseAt?: string | null;
  sources?: Record<string, number>;
  subscribedAt?: string | null;
  renewsAt?: string | null;
  autoRenew?: boolean | null;
  error?: string;
};

function toRecord(fanUuid: string, e: BatchEntry): AnswerRecord {
  if (e.kind === "not_found" || e.kind === "forbidden") return { fanUuid, kind: e.kind };
  if (e.kind !== "ok")
    return {
      fanUuid,
      kind: "error",
      error:
        e.kind === "internal"
          ? "Fanvue reported an internal error for this fan."
          : `Fanvue's answer for this fan was ${e.kind === "missing" ? "missing" : "malformed"}.`,
    };
  const { status, spending, subscription } = e.insights;
  const sources = Object.fromEntries(
    Object.entries(spending?.sources ?? {}).filter((e): e is [string, number] => e[1] !== null),
  );
  return {
    fanUuid,
    kind: "ok",
    status,
    totalGross: spending?.total ?? null,
    maxPayment: spending?.maxSinglePayment ?? null,
    lastPurchaseAt: spending?.lastPurchaseAt ?? null,
    sources,
    subscribedAt: subscription?.createdAt ?? null,
    renewsAt: subscription?.renewsAt ?? null,
    autoRenew: subscription?.autoRenewalEnabled ?? null,
  };
}

/** Writes one batch's answers in one statement, releasing our leases.
 * `internal` (and malformed) answers keep the last good data and schedule a
 * retry; the end of a subscription is dated when we see it happen. */
export async function saveAnswers(
  creatorId: string,
  owner: string,
  answers: Map<string, BatchEntry>,
  now: number,
  t: InsightTimings,
) {
  if (answers.size === 0) return;
  const json = JSON.stringify([...answers].map(([k, e]) => toRecord(k, e)));
  const baseSec = t.errorRetryMs / 1000;
  const maxSec = t.errorRetryMaxMs / 1000;
  const at = utcInstant(now);
  await db.$executeRaw`
    UPDATE "FanInsight" f SET
      state = x.kind,
      "checkedAt" = ${at},
      "fetchedAt" = CASE WHEN x.kind = 'ok' THEN ${at} ELSE f."fetchedAt" END,
      status = CASE WHEN x.kind = 'ok' THEN x.status ELSE f.status END,
      "totalGross" = CASE WHEN x.kind = 'ok' THEN x."totalGross" ELSE f."totalGross" END,
      "maxPayment" = CASE WHEN x.kind = 'ok' THEN x."maxPayment" ELSE f."maxPayment" END,
      "lastPurchaseAt" = CASE WHEN x.kind = 'ok' THEN x."lastPurchaseAt" ELSE f."lastPurchaseAt" END,
      sources = CASE WHEN x.kind = 'ok' THEN x.sources ELSE f.sources END,
      "subscribedAt" = CASE WHEN x.kind = 'ok' THEN x."subscribedAt" ELSE f."subscribedAt" END,
      "renewsAt" = CASE WHEN x.kind = 'ok' THEN x."renewsAt" ELSE f."renewsAt" END,
      "autoRenew" = CASE WHEN x.kind = 'ok' THEN x."autoRenew" ELSE f."autoRenew" END,
      "expiredAt" = CASE
        WHEN x.kind <> 'ok' THEN f."expiredAt"
        WHEN x.status <> 'expired' THEN NULL
        WHEN f.status = 'subscriber' AND f."renewsAt" IS NOT NULL THEN LEAST(f."renewsAt", ${at})
        WHEN f."expiredAt" IS NOT NULL THEN f."expiredAt"
        ELSE LEAST(x."lastPurchaseAt" + interval '30 days', ${at}) END,
      "expiredAtEstimated" = CASE
        WHEN x.kind <> 'ok' THEN f."expiredAtEstimated"
        WHEN x.status <> 'expired' THEN false
        WHEN f.status = 'subscriber' AND f."renewsAt" IS NOT NULL THEN false
        WHEN f."expiredAt" IS NOT NULL THEN f."expiredAtEstimated"
        ELSE true END,
      "errorCount" = CASE WHEN x.kind = 'error' THEN f."errorCount" + 1 ELSE 0 END,
      "retryAt" = CASE WHEN x.kind = 'error'
        THEN ${at} + make_interval(secs => LEAST(${maxSec}::float8, ${baseSec}::float8 * power(2, f."errorCount")))
        ELSE NULL END,
      "lastError" = CASE WHEN x.kind = 'error' THEN x.error ELSE NULL END,
      "leaseUntil" = CASE WHEN f."leaseOwner" = ${owner} THEN NULL ELSE f."leaseUntil" END,
      "leaseOwner" = CASE WHEN f."leaseOwner" = ${owner} THEN NULL ELSE f."leaseOwner" END
    FROM jsonb_to_recordset(${json}::jsonb) AS x("fanUuid" text, kind text, status text, "totalGross" int, "maxPayment" int,
      "lastPurchaseAt" timestamp, sources jsonb, "subscribedAt" timestamp, "renewsAt" timestamp, "autoRenew" boolean, error text)
    WHERE f."creatorId" = ${creatorId} AND f."fanUuid" = x."fanUuid"`;
  // The roster follows the fresher answer: a fan who subscribed or lapsed
  // since a list last showed them moves to the right list.
  await db.$executeRaw`
    UPDATE "AudienceFan" a SET list = CASE WHEN x.status = 'subscriber' THEN 'subscribers' ELSE 'followers' END
    FROM jsonb_to_recordset(${json}::jsonb) AS x("fanUuid" text, kind text, status text)
    WHERE x.kind = 'ok' AND a."creatorId" = ${creatorId} AND a."fanUuid" = x."fanUuid"
      AND a.list IS DISTINCT FROM (CASE WHEN x.status = 'subscriber' THEN 'subscribers' ELSE 'followers' END)`;
}
