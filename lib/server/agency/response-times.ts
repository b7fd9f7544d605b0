import "server-only";
import { db } from "@/lib/server/db";

// First-response time: how long a fan waited for an answer. A fan's "wait"
// starts at their oldest message after the creator side last wrote, and ends
// with the next message a member sends through Vuedeck. Known from what
// Fanvue shows: every conversation Vuedeck reads (newest first) and every
// message-received webhook. Only the first reply to a wait counts (a
// follow-up a minute later is not a response time).

type Msg = { fromCreator: boolean; sentAt: string | null };

/** The oldest fan message after the creator side's latest one, in a newest-first page; null: nobody is waiting.
 * A page that ends inside the fan's run (more pages, no creator message) gives its oldest fan message. */
export function waitingSinceOf(newestFirst: Msg[]): Date | null {
  let since: string | null = null;
  for (const m of newestFirst) {
    if (m.fromCreator) break;
    if (m.sentAt) since = m.sentAt;
  }
  return since ? new Date(since) : null;
}

/** Records what a conversation page read from Fanvue says (page 1 only: the newest messages). */
export async function noteConversation(creatorId: string, fanUuid: string, newestFirst: Msg[]) {
  const since = waitingSinceOf(newestFirst);
  await db.chatWaiting.upsert({
    where: { creatorId_fanUuid: { creatorId, fanUuid } },
    create: { creatorId, fanUuid, since },
    update: { since },
  });
}

/** A fan message arrived (webhook): the wait starts now unless the fan was already waiting. */
export async function noteFanMessage(creatorIds: string[], fanUuid: string, at: Date) {
  for (const creatorId of creatorIds)
    await db.$executeRaw`
      INSERT INTO "ChatWaiting" ("creatorId", "fanUuid", since, "updatedAt") VALUES (${creatorId}, ${fanUuid}, ${at}, now())
      ON CONFLICT ("creatorId", "fanUuid") DO UPDATE SET "updatedAt" = now(),
        since = CASE WHEN "ChatWaiting".since IS NULL OR EXISTS (
          SELECT 1 FROM "ChatSend" cs WHERE cs."creatorId" = ${creatorId} AND cs."fanUuid" = ${fanUuid}
            AND cs.status = 'sent' AND cs."sentAt" >= "ChatWaiting".since)
          THEN EXCLUDED.since ELSE "ChatWaiting".since END`;
}

/** Since when the fan has been waiting, for a send about to go out: null when no wait is open
 * (nothing known, or a send through Vuedeck already answered it). */
export async function openWaitFor(creatorId: string, fanUuid: string): Promise<Date | null> {
  const rows = await db.$queryRaw<{ since: Date }[]>`
    SELECT w.since FROM "ChatWaiting" w
    WHERE w."creatorId" = ${creatorId} AND w."fanUuid" = ${fanUuid} AND w.since IS NOT NULL AND w.since <= now()
      AND NOT EXISTS (SELECT 1 FROM "ChatSend" cs WHERE cs."creatorId" = w."creatorId" AND cs."fanUuid" = w."fanUuid"
        AND cs.status = 'sent' AND cs."sentAt" >= w.since)`;
  return rows[0]?.since ?? null;
}
