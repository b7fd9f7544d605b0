import "server-only";
import type { InboxPage, InboxQuery, MirrorInfo } from "@/lib/schemas/chats";
import { ApiError } from "@/lib/server/api/errors";
import { db } from "@/lib/server/db";
import type { CreatorAccess } from "@/lib/server/workspaces/access";
import { requestListRead, requestMirrorSync } from "./jobs";
import { FILTER_LISTS, mirrorRowToChat, queryMirror, unreadByCreator, type MirrorQuery } from "./query";

// An agency creator's inbox, from the chat mirror. Reading it marks the
// creator as viewed (its sync runs more often) and asks for a sync when the
// copy is older than a viewed creator's interval; the answer never waits
// for Fanvue and always says how fresh it is.

/** A viewed inbox asks for a head pass once its copy is this old. */
const STALE_AFTER_MS = 60_000;
const SYNC_FAILED = "The last sync with Fanvue failed; showing the chats as they were. Vuedeck retries by itself.";

/** Marks the creator viewed and returns its sync state, asking for a sync when due. */
export async function touchMirror(creatorId: string, connectionId: string) {
  const now = new Date();
  const s = await db.mirrorChatSync.upsert({
    where: { creatorId },
    create: { creatorId, viewedAt: now },
    update: { viewedAt: now },
  });
  if (!s.syncedAt || s.runId || s.syncedAt.getTime() < now.getTime() - STALE_AFTER_MS)
    await requestMirrorSync(creatorId, connectionId);
  return s;
}

/** The cached members of a list a view needs: marks it used (kept fresh)
 * and asks for a first read when there is none. */
export async function ensureList(creatorId: string, connectionId: string, listKey: string) {
  const s = await db.mirrorListSync.upsert({
    where: { creatorId_listKey: { creatorId, listKey } },
    create: { creatorId, listKey },
    update: { usedAt: new Date() },
  });
  if (!s.syncedAt && !s.gone) await requestListRead(creatorId, connectionId, listKey);
  return { syncedAt: s.syncedAt?.toISOString() ?? null, pending: !s.syncedAt, gone: s.gone };
}

async function listFor(access: CreatorAccess, listKey: string): Promise<MirrorInfo["list"]> {
  const l = await ensureList(access.creator.id, access.workspace.connectionId, listKey);
  if (l.gone)
    throw new ApiError("not_found", "This list no longer exists on Fanvue. Pick another list.", { field: "list" });
  return { syncedAt: l.syncedAt, pending: l.pending };
}

export function mirrorInfo(
  s: { syncedAt: Date | null; fullSyncedAt: Date | null; runChatsSeen: number; lastError: string | null },
  list: MirrorInfo["list"],
): MirrorInfo {
  return {
    syncedAt: s.syncedAt?.toISOString() ?? null,
    fullSyncedAt: s.fullSyncedAt?.toISOString() ?? null,
    syncing: !s.syncedAt,
    chatsSoFar: s.runChatsSeen,
    error: s.lastError ? SYNC_FAILED : null,
    list,
  };
}

const NOTES: Partial<Record<string, string>> = {
  online: "Fanvue does not tell agencies who is online: showing every chat.",
  sortOnline: "Fanvue does not tell agencies who is online: sorted by most recent.",
};

export async function getMirrorInbox(access: CreatorAccess, q: InboxQuery, pageSize: number): Promise<InboxPage> {
  const creatorId = access.creator.id;
  const state = await touchMirror(creatorId, access.workspace.connectionId);
  const listKey = q.list ?? FILTER_LISTS[q.filter];
  const list = listKey ? await listFor(access, listKey) : null;
  const mq: MirrorQuery = {
    filter: q.filter === "online" ? "all" : q.filter,
    sort: q.sort === "online" ? "recent" : q.sort,
    search: q.search,
    listKey: q.list,
  };
  const note = q.filter === "online" ? NOTES.online! : q.sort === "online" ? NOTES.sortOnline! : null;
  // Until a list's members are read, filtering by it would show a wrong empty list.
  const res = list?.pending
    ? { rows: [], hasMore: false }
    : await queryMirror([creatorId], mq, (q.page - 1) * pageSize, pageSize);
  const unread = (await unreadByCreator([creatorId])).get(creatorId) ?? 0;
  return {
    items: res.rows.map((r) => mirrorRowToChat(r, access.creator.fanvueUuid)),
    page: q.page,
    hasMore: res.hasMore,
    unread: state.syncedAt ? { chats: unread, capped: false } : null,
    fetchedAt: (state.syncedAt ?? new Date()).toISOString(),
    stale: false,
    note,
    mirror: mirrorInfo(state, list),
    // Set by getInbox from the connection.
    reauth: false,
  };
}
