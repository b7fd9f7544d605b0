import "server-only";
import type { AutoRenewPoint } from "@/lib/schemas/subscriber-trends";
import { db } from "@/lib/server/db";
import { defineScheduler } from "@/lib/server/jobs/define";

// The auto-renew-off share over time. Fanvue keeps no history of it, so
// Vuedeck records it once a day per creator (SubscriberDay, one row per UTC
// day): the roster's subscribers (AudienceFan, list 'subscribers'), how many
// of them the insight cache knows the auto-renew setting of, and how many
// have it off. Only creators whose roster has finished a full sync are
// recorded (before that, its counts would be a wrong zero), and only while
// their Fanvue connection is active (a dead connection's roster stands still).
// No Fanvue call: the scheduler runs every minute and writes each creator's
// day once (the first tick of the UTC day, or the page's first view).

const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Takes today's record for the creators (all when `creatorIds` is null) that have none yet. */
export async function recordSubscriberDays(creatorIds: string[] | null, now = Date.now()): Promise<number> {
  const day = utcDay(now);
  return db.$executeRaw`
    INSERT INTO "SubscriberDay" ("creatorId", "day", "subscribers", "known", "autoRenewOff", "takenAt")
    SELECT c.id, ${day}::date, count(a."fanUuid")::int, count(i."autoRenew")::int,
           (count(*) FILTER (WHERE i."autoRenew" = false))::int, ${new Date(now)}
    FROM "Creator" c
    JOIN "Workspace" w ON w.id = c."workspaceId"
    JOIN "FanvueConnection" f ON f.id = w."connectionId" AND f.status = 'active'
    JOIN "FanRoster" r ON r."creatorId" = c.id AND r."syncedAt" IS NOT NULL
    LEFT JOIN "AudienceFan" a ON a."creatorId" = c.id AND a.list = 'subscribers'
    LEFT JOIN "FanInsight" i ON i."creatorId" = a."creatorId" AND i."fanUuid" = a."fanUuid"
    WHERE c."removedAt" IS NULL
      AND (${creatorIds}::text[] IS NULL OR c.id = ANY(${creatorIds}::text[]))
      AND NOT EXISTS (SELECT 1 FROM "SubscriberDay" s WHERE s."creatorId" = c.id AND s.day = ${day}::date)
    GROUP BY c.id
    ON CONFLICT ("creatorId", "day") DO NOTHING`;
}

/** Every minute: creators without today's record get it (one statement; nothing to do most ticks). */
export const subscriberDaysScheduler = defineScheduler("subscriber-days", async () => {
  await recordSubscriberDays(null);
});

type DayRow = { day: string; subscribers: number; known: number; off: number };

/** The record since it began, summed over the creators per day. */
export async function autoRenewHistory(
  creatorIds: string[],
): Promise<{ since: string | null; points: AutoRenewPoint[] }> {
  const rows = await db.$queryRaw<DayRow[]>`
    SELECT to_char(s.day, 'YYYY-MM-DD') AS day, sum(s.subscribers)::int AS subscribers, sum(s.known)::int AS known,
           sum(s."autoRenewOff")::int AS off
    FROM "SubscriberDay" s
    WHERE s."creatorId" = ANY(${creatorIds}::text[])
    GROUP BY s.day
    ORDER BY s.day`;
  const points = rows.map((r) => ({
    day: r.day,
    subscribers: r.subscribers,
    known: r.known,
    autoRenewOff: r.off,
    share: r.known ? r.off / r.known : null,
  }));
  return { since: points[0]?.day ?? null, points };
}
