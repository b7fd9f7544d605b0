import "server-only";
import { z } from "zod";
import { clientForCreator } from "@/lib/server/creators/client";
import { loadCreatorRef } from "@/lib/server/creators/ref";
import { db } from "@/lib/server/db";
import { defineJob, defineScheduler } from "@/lib/server/jobs/define";
import { readListMembers } from "./lists";
import { fullResync, headPass } from "./sync";

// The agency chat mirror's background work: syncing each agency creator's
// chat list and reading list members, as deduplicated jobs, and the
// scheduler that keeps them fresh within the rate budget.

export const CHAT_MIRROR = "chat-mirror";
export const LIST_MEMBERS = "chat-list-members";

/** New messages: every 2 min while someone has the inbox or overview open
 * (a head pass is usually one call), every 15 min otherwise. */
const HEAD_EVERY_VIEWED_MS = 2 * 60_000;
const HEAD_EVERY_IDLE_MS = 15 * 60_000;
const VIEWED_WITHIN_MS = 15 * 60_000;
/** Read, mute and nickname changes made elsewhere reach us only by a full
 * pass (or webhooks): hourly, about one call per 50 chats. */
const FULL_EVERY_MS = 60 * 60_000;
/** List members move slowly; only lists used in the last hour are kept fresh. */
export const LIST_FRESH_MS = 30 * 60_000;
const LIST_USED_WITHIN_MS = 60 * 60_000;

export const mirrorJobKey = (creatorId: string) => `${CHAT_MIRROR}:${creatorId}`;
export const listJobKey = (creatorId: string, listKey: string) => `${LIST_MEMBERS}:${creatorId}:${listKey}`;

/** The Fanvue client of an agency creator still in the workspace (the mirror is agency-only). */
async function agencyClient(creatorId: string) {
  const ref = await loadCreatorRef(creatorId);
  return ref && ref.workspace.kind === "agency" ? clientForCreator(ref) : null;
}

const fullDue = (s: { fullSyncedAt: Date | null; runId: string | null } | null) =>
  !s?.fullSyncedAt || Boolean(s.runId) || s.fullSyncedAt.getTime() < Date.now() - FULL_EVERY_MS;

export const chatMirrorJob = defineJob({
  queue: CHAT_MIRROR,
  payload: z.object({ creatorId: z.string().min(1) }),
  handler: async ({ creatorId }, ctx) => {
    const client = await agencyClient(creatorId);
    if (!client) return { skipped: true };
    const state = await db.mirrorChatSync.findUnique({ where: { creatorId } });
    const opts = { signal: ctx.signal };
    try {
      const full = fullDue(state);
      const r = full ? await fullResync(client, creatorId, opts) : await headPass(client, creatorId, opts);
      return { full, seen: r.seen };
    } catch (err) {
      await db.mirrorChatSync
        .update({ where: { creatorId }, data: { lastError: err instanceof Error ? err.message : String(err) } })
        .catch(() => undefined);
      throw err;
    }
  },
});

export const listMembersJob = defineJob({
  queue: LIST_MEMBERS,
  payload: z.object({ creatorId: z.string().min(1), listKey: z.string().min(1) }),
  handler: async ({ creatorId, listKey }, ctx) => {
    const client = await agencyClient(creatorId);
    if (!client) return { skipped: true };
    try {
      return { outcome: await readListMembers(client, creatorId, listKey, ctx.signal) };
    } catch (err) {
      const data = { lastError: err instanceof Error ? err.message : String(err) };
      await db.mirrorListSync.updateMany({ where: { creatorId, listKey }, data });
      throw err;
    }
  },
});

export const requestMirrorSync = (creatorId: string, connectionId: string, runAt = new Date()) =>
  chatMirrorJob.enqueue({ creatorId }, { key: mirrorJobKey(creatorId), runAt, connectionId, maxAttempts: 6 });

export const requestListRead = (creatorId: string, connectionId: string, listKey: string) =>
  listMembersJob.enqueue({ creatorId, listKey }, { key: listJobKey(creatorId, listKey), connectionId, maxAttempts: 4 });

/** Due mirror syncs and list reads of every agency creator with a live connection. */
export const chatMirrorFreshness = defineScheduler("chat-mirror-freshness", async () => {
  const now = Date.now();
  const creators = await db.creator.findMany({
    where: { removedAt: null, workspace: { kind: "agency", connection: { status: "active" } } },
    select: { id: true, workspace: { select: { connectionId: true } } },
  });
  const states = new Map(
    (await db.mirrorChatSync.findMany({ where: { creatorId: { in: creators.map((c) => c.id) } } })).map((s) => [
      s.creatorId,
      s,
    ]),
  );
  for (const c of creators) {
    const s = states.get(c.id) ?? null;
    const viewed = s?.viewedAt && s.viewedAt.getTime() > now - VIEWED_WITHIN_MS;
    const headDue = !s?.syncedAt || s.syncedAt.getTime() < now - (viewed ? HEAD_EVERY_VIEWED_MS : HEAD_EVERY_IDLE_MS);
    if (headDue || fullDue(s)) await requestMirrorSync(c.id, c.workspace.connectionId);
  }
  const lists = await db.mirrorListSync.findMany({
    where: {
      creatorId: { in: creators.map((c) => c.id) },
      usedAt: { gt: new Date(now - LIST_USED_WITHIN_MS) },
      OR: [{ syncedAt: null }, { syncedAt: { lt: new Date(now - LIST_FRESH_MS) } }],
    },
  });
  const conn = new Map(creators.map((c) => [c.id, c.workspace.connectionId]));
  for (const l of lists) await requestListRead(l.creatorId, conn.get(l.creatorId)!, l.listKey);
});
