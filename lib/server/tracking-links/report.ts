import "server-only";
import type { TrackingLink } from "@/generated/prisma/client";
import type { TrackingLinkRow, TrackingLinksQuery, TrackingLinksReport } from "@/lib/schemas/tracking-links";
import { db } from "@/lib/server/db";
import { linkMetrics } from "./metrics";
import { getTrackingLinksSyncStatus } from "./status";

// The tracking-links table: Fanvue's figures as last mirrored, the promo cost,
// what it bought (metrics.ts), and payback from our own ledger: the first day,
// in the viewer's zone, on which the cumulative net of the link's fans
// (EarningRow, from the link's creation on) reaches the cost. Sums are exact
// in SQL (NUMERIC) and compared with the cost before any rounding; the net
// shown is rounded once.

type LedgerRow = { creatorId: string; uuid: string; net: bigint; paybackDay: string | null };

/** Per link: the ledger net of its fans since its creation, and its payback day in `tz`. */
function ledgerOfLinks(creatorIds: string[], tz: string) {
  return db.$queryRaw<LedgerRow[]>`
    WITH "linkDay" AS (
      SELECT l."creatorId", l.uuid, l."costCents",
             ((e."occurredAt" AT TIME ZONE 'UTC') AT TIME ZONE ${tz})::date AS "day",
             sum(e.net) AS "dayNet"
      FROM "TrackingLink" l
      JOIN "TrackingLinkFan" f ON f."creatorId" = l."creatorId" AND f."linkUuid" = l.uuid
      JOIN "EarningRow" e ON e."creatorId" = f."creatorId" AND e."fanUuid" = f."fanUuid" AND e."occurredAt" >= l."createdAt"
      WHERE l."creatorId" = ANY(${creatorIds}::text[])
      GROUP BY 1, 2, 3, 4
    ), "running" AS (
      SELECT "creatorId", uuid, "costCents", "day", "dayNet",
             sum("dayNet") OVER (PARTITION BY "creatorId", uuid ORDER BY "day") AS "cumulative"
      FROM "linkDay"
    )
    SELECT "creatorId", uuid, round(sum("dayNet"))::bigint AS net,
           to_char(min("day") FILTER (WHERE "costCents" > 0 AND "cumulative" >= "costCents"), 'YYYY-MM-DD') AS "paybackDay"
    FROM "running"
    GROUP BY 1, 2`;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function toRow(
  l: TrackingLink,
  creatorName: string,
  fans: number,
  ledger: LedgerRow | undefined,
): TrackingLinkRow {
  const earnings =
    l.earningsGross === null && l.earningsNet === null ? null : { gross: l.earningsGross, net: l.earningsNet };
  return {
    creatorId: l.creatorId,
    creatorName,
    uuid: l.uuid,
    name: l.name,
    linkUrl: l.linkUrl,
    platform: l.platform,
    createdAt: l.createdAt.toISOString(),
    deletedAt: iso(l.deletedAt),
    clicks: l.clicks,
    acquiredFollowers: l.acquiredFollowers,
    acquiredSubscribers: l.acquiredSubscribers,
    totalFollowers: l.totalFollowers,
    totalSubscribers: l.totalSubscribers,
    earnings,
    cost:
      l.costCents === null
        ? null
        : { cents: l.costCents, note: l.costNote, setBy: l.costSetBy, setAt: iso(l.costSetAt) },
    fans,
    ledgerNet: Number(ledger?.net ?? 0n),
    ...linkMetrics(l),
    paybackDay: l.costCents !== null && l.costCents > 0 ? (ledger?.paybackDay ?? null) : null,
  };
}

/** The links of these creators: live ones first, newest first. */
export async function getTrackingLinks(creatorIds: string[], q: TrackingLinksQuery): Promise<TrackingLinksReport> {
  const [links, fanCounts, ledger, creators, sync, ledgerSync] = await Promise.all([
    db.trackingLink.findMany({
      where: { creatorId: { in: creatorIds } },
      orderBy: [{ deletedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }, { uuid: "asc" }],
    }),
    db.trackingLinkFan.groupBy({
      by: ["creatorId", "linkUuid"],
      where: { creatorId: { in: creatorIds } },
      _count: true,
    }),
    ledgerOfLinks(creatorIds, q.tz),
    db.creator.findMany({ where: { id: { in: creatorIds } }, select: { id: true, displayName: true } }),
    getTrackingLinksSyncStatus(creatorIds),
    db.syncState.aggregate({
      where: { creatorId: { in: creatorIds }, stream: "earnings" },
      _min: { lastSyncedAt: true },
    }),
  ]);
  const key = (creatorId: string, uuid: string) => `${creatorId}:${uuid}`;
  const fans = new Map(fanCounts.map((f) => [key(f.creatorId, f.linkUuid), f._count]));
  const byLink = new Map(ledger.map((r) => [key(r.creatorId, r.uuid), r]));
  const names = new Map(creators.map((c) => [c.id, c.displayName]));
  return {
    tz: q.tz,
    links: links.map((l) =>
      toRow(
        l,
        names.get(l.creatorId) ?? "",
        fans.get(key(l.creatorId, l.uuid)) ?? 0,
        byLink.get(key(l.creatorId, l.uuid)),
      ),
    ),
    sync,
    ledgerSyncedAt: iso(ledgerSync._min.lastSyncedAt),
  };
}
