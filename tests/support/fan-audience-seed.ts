// A creator's audience as a finished roster sync and a complete ledger leave
// it, straight into the database (generate_series): `n` fans (a third
// followers) with handles fan0…fan<n-1>, an insight for each (the
// whole-audience analysis done), `perFan` ledger rows per fan, the roster
// marked synced and the earnings backfill done (so the fans pages read the
// ledger).
import { createHash } from "node:crypto";

type Db = (typeof import("@/lib/server/db"))["db"];

/** The seeded id of fan `i` (handle `fan<i>`): md5(creatorId || i)::uuid, as the SQL below makes it. */
export function seededFanUuid(creatorId: string, i: number) {
  const h = createHash("md5").update(`${creatorId}${i}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export async function seedFanAudience(db: Db, creatorId: string, n: number, perFan: number) {
  // Fan ids look like Fanvue's: lower-case uuids.
  await db.$executeRaw`
    INSERT INTO "AudienceFan" ("creatorId", "fanUuid", handle, "displayName", list, "seenAt", "searchText", "runId", "listOrder")
    SELECT ${creatorId}, md5(${creatorId} || i)::uuid::text, 'fan' || i, 'Fan ' || i,
           CASE WHEN i % 3 = 2 THEN 'followers' ELSE 'subscribers' END, now(), 'fan' || i || ' fan ' || i, 'seed', i
    FROM generate_series(0, ${n}::int - 1) AS i`;
  // Fetched "in the future": the cache answers every fan for the whole run
  // (5 min fresh otherwise), so no call reaches the sandbox for made-up fans.
  await db.$executeRaw`
    INSERT INTO "FanInsight" ("creatorId", "fanUuid", state, "checkedAt", "fetchedAt", status, "totalGross", "lastPurchaseAt",
                              "subscribedAt", "renewsAt", "autoRenew")
    SELECT ${creatorId}, md5(${creatorId} || i)::uuid::text, 'ok', now() + interval '1 day', now() + interval '1 day',
           CASE WHEN i % 3 = 2 THEN 'follower' ELSE 'subscriber' END, (i * 7919) % 100000,
           now() - ((i * 7907) % 31536000) * interval '1 second', now() - ((i * 7919) % 31536000) * interval '1 second',
           now() + ((i * 7927) % 2592000) * interval '1 second', i % 4 <> 0
    FROM generate_series(0, ${n}::int - 1) AS i`;
  await db.$executeRaw`
    INSERT INTO "EarningRow" (id, "creatorId", "dedupeKey", "occurredAt", gross, net, currency, source, "fanUuid", "fanHandle")
    SELECT ${creatorId} || '-e' || j, ${creatorId}, 'k' || j, timestamp '2026-01-01' + j * interval '1 minute',
           (j % 997) * 100 + 0.25, ((j % 997) * 100 + 0.25) * 0.8, 'USD',
           (ARRAY['subscription','renewal','tip','message'])[1 + j % 4], md5(${creatorId} || (j % ${n}::int))::uuid::text,
           'fan' || (j % ${n}::int)
    FROM generate_series(0, ${n}::int * ${perFan}::int - 1) AS j`;
  const roster = {
    runId: "seed",
    status: "done",
    phase: "done",
    listed: n,
    expectedFans: n,
    reason: "first",
    startedAt: new Date(),
    syncedAt: new Date(),
    checkedAt: new Date(),
    fanvueSubscribers: n - Math.floor((n + 1) / 3),
    fanvueFollowers: Math.floor((n + 1) / 3),
  };
  await db.fanRoster.upsert({ where: { creatorId }, create: { creatorId, ...roster }, update: roster });
  // Every fan has an insight: the whole-audience analysis is complete.
  const analysis = { runId: "seed", status: "done", phase: "done", startedAt: new Date(), finishedAt: new Date() };
  await db.audienceAnalysis.upsert({ where: { creatorId }, create: { creatorId, ...analysis }, update: analysis });
  const ledger = { status: "idle", watermark: new Date(), backfilledAt: new Date() };
  await db.syncState.upsert({
    where: { creatorId_stream: { creatorId, stream: "earnings" } },
    create: { creatorId, stream: "earnings", ...ledger },
    update: ledger,
  });
}
