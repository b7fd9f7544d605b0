import "server-only";
import { db } from "@/lib/server/db";

/** After a write (a send, read/unread, a live event) the next inbox read must
 * go to Fanvue instead of the few-seconds coalescing cache. The snapshots are
 * aged just past that window (not deleted): they remain the fallback shown,
 * with an honest age, if Fanvue fails. */
export async function invalidateInboxCache(creatorId: string) {
  await db.$executeRaw`
    UPDATE "UpstreamSnapshot" SET "fetchedAt" = LEAST("fetchedAt", now() - interval '1 minute')
    WHERE key LIKE ${`chats:${creatorId}:%`} OR key = ${`chats-unread:${creatorId}`}`;
}

/** A custom list's cached members are out of date after a write to it. */
export async function invalidateListMembers(creatorId: string, listUuid: string) {
  await db.$executeRaw`
    UPDATE "UpstreamSnapshot" SET "fetchedAt" = LEAST("fetchedAt", now() - interval '1 hour')
    WHERE key = ${`list-members:${creatorId}:custom:${listUuid}`}`;
}
