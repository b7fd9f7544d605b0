import "server-only";
import { db } from "@/lib/server/db";
import { defineScheduler } from "@/lib/server/jobs/define";
import { PRESENCE_FRESH_MS } from "./claims";

/** Presence counts for 30 s; rows are kept a little longer than that only so
 * the table stays one row per member who has a chat open now, not every chat
 * anyone ever opened. An hour is ample for looking into a report. */
const PRESENCE_RETENTION_MS = Math.max(3_600_000, PRESENCE_FRESH_MS);

export const chatPresencePrune = defineScheduler("chat-presence-prune", async () => {
  await db.chatPresence.deleteMany({ where: { seenAt: { lt: new Date(Date.now() - PRESENCE_RETENTION_MS) } } });
});
