import "server-only";
import { can } from "@/lib/schemas/permissions";
import { db } from "@/lib/server/db";
import { listAccessibleCreators } from "@/lib/server/workspaces/access";
import { choicesOf } from "./choices";
import { TTL_SEC, notifyUsers } from "./deliver";
import { unansweredNotice } from "./notices";
import { KIND_PERMISSION, wants } from "./recipients";

// "A fan has waited N minutes for an answer", per member and their own N.
// Waits are what Vuedeck knows (ChatWaiting: message-received webhooks and
// the conversations it reads; a reply sent through Vuedeck ends one). Each
// wait is told once (its PushNotice); one notification per creator names the
// fan, or counts the fans when several crossed the line in the same minute.

/** A wait that crossed the line more than this long ago is not news (turning the choice on does not
 * bring up yesterday's chats). */
const FRESH_MS = 60 * 60_000;

type WaitRow = { fanUuid: string; since: Date; handle: string | null; displayName: string | null };

/** Fans of a creator waiting between `minutes` and `minutes` + an hour, not answered through Vuedeck since. */
async function waitingFans(creatorId: string, minutes: number, now: number): Promise<WaitRow[]> {
  const line = new Date(now - minutes * 60_000);
  return db.$queryRaw<WaitRow[]>`
    SELECT w."fanUuid", w.since, a.handle, a."displayName"
    FROM "ChatWaiting" w
    LEFT JOIN "AudienceFan" a ON a."creatorId" = w."creatorId" AND a."fanUuid" = w."fanUuid"
    WHERE w."creatorId" = ${creatorId} AND w.since IS NOT NULL AND w.since <= ${line}
      AND w.since > ${new Date(line.getTime() - FRESH_MS)}
      AND NOT EXISTS (SELECT 1 FROM "ChatSend" cs WHERE cs."creatorId" = w."creatorId" AND cs."fanUuid" = w."fanUuid"
        AND cs.status = 'sent' AND cs."sentAt" >= w.since)
    ORDER BY w.since ASC
    LIMIT 50`;
}

async function scanUser(userId: string, choices: ReturnType<typeof choicesOf>, now: number) {
  let queued = 0;
  const creators = (await listAccessibleCreators(userId)).filter(
    (c) => can(c.role, KIND_PERMISSION.unanswered) && wants(choices, "unanswered", c.id),
  );
  for (const c of new Map(creators.map((x) => [x.id, x])).values()) {
    const rows = await waitingFans(c.id, choices.unansweredMinutes, now);
    if (rows.length === 0) continue;
    const keys = rows.map((r) => `unanswered:${c.id}:${r.fanUuid}:${r.since.toISOString()}`);
    const waiting = rows.map((r) => ({
      fan: { uuid: r.fanUuid, handle: r.handle, displayName: r.displayName },
      minutes: Math.floor((now - r.since.getTime()) / 60_000),
    }));
    const payload = unansweredNotice({ id: c.id, name: c.displayName }, waiting, choices.unansweredMinutes);
    queued += await notifyUsers([userId], keys, payload, TTL_SEC.unanswered);
  }
  return queued;
}

/** The scheduler's tick: every member who chose "unanswered" and has a device. */
export async function scanUnanswered(now = Date.now()) {
  const rows = await db.notificationChoice.findMany({
    where: { unanswered: true, user: { pushSubscriptions: { some: {} } } },
  });
  let queued = 0;
  for (const row of rows) queued += await scanUser(row.userId, choicesOf(row), now);
  return queued;
}
