import "server-only";
import type { ChatRow, InboxPage, InboxQuery } from "@/lib/schemas/chats";
import { ApiError } from "@/lib/server/api/errors";
import { clientForCreator } from "@/lib/server/creators/client";
import type { FanvueClient } from "@/lib/server/fanvue/client";
import { FanvueError } from "@/lib/server/fanvue/errors";
import { chatStatuses, listInboxChats } from "@/lib/server/fanvue/resources/chat-messages";
import { countUnreadChats, type Chat } from "@/lib/server/fanvue/resources/chats";
import { withSnapshot } from "@/lib/server/snapshots";
import type { CreatorAccess } from "@/lib/server/workspaces/access";
import { isUnanswered, toFanvueInboxQuery } from "./inbox-query";

// The chat list: one page of Fanvue's inbox, with presence and the unread
// total. Served through snapshots so a Fanvue outage shows the last list
// (marked stale) instead of an empty inbox.

/** 30 rows: a screenful on a desktop; Fanvue allows up to 50. */
export const INBOX_PAGE = 30;
/** Several tabs and the polling fallback share one Fanvue call per query
 * within this window (each call spends the creator's rate budget). */
const COALESCE_MS = 3_000;
/** Agencies count unread chats by paging a filter (up to 10 calls): cached longer. */
const AGENCY_UNREAD_MS = 60_000;

export function toChatRow(c: Chat, creatorUuid: string, online: boolean | null): ChatRow {
  const last = c.lastMessage;
  return {
    fanUuid: c.user.uuid,
    handle: c.user.handle,
    displayName: c.user.displayName,
    nickname: c.user.nickname,
    avatarUrl: c.user.avatarUrl,
    isTopSpender: c.user.isTopSpender,
    lastMessageAt: c.lastMessageAt,
    lastMessage: last ? { text: last.text, hasMedia: last.hasMedia, fromCreator: last.senderUuid === creatorUuid, sentAt: last.sentAt, type: last.type } : null,
    unreadCount: c.unreadMessagesCount,
    isMuted: c.isMuted,
    isOnline: online,
  };
}

export async function fetchInboxPage(client: FanvueClient, creatorUuid: string, q: Pick<InboxQuery, "filter" | "sort" | "search" | "list">, page: number, size: number) {
  const fq = toFanvueInboxQuery(q, client.mode);
  let res;
  try {
    res = await listInboxChats(client, { ...fq, page, size });
  } catch (err) {
    if (err instanceof FanvueError && err.kind === "not_found" && q.list) throw new ApiError("not_found", "This list no longer exists on Fanvue. Pick another list.", { field: "list" });
    throw err;
  }
  let rows = res.data;
  let hasMore = res.pagination.hasMore;
  if (fq.onlyUnanswered) {
    const kept = rows.filter((c) => isUnanswered(c.lastMessage?.senderUuid, creatorUuid));
    if (kept.length < rows.length) hasMore = false;
    rows = kept;
  }
  return { rows, hasMore, note: fq.note };
}

async function presence(client: FanvueClient, uuids: string[]): Promise<Map<string, boolean> | null> {
  if (client.mode !== "self" || uuids.length === 0) return null;
  try {
    const map = await chatStatuses(client, uuids);
    return new Map(Object.entries(map).map(([k, v]) => [k, v.isOnline]));
  } catch {
    // Presence is a detail: the list is still right without it.
    return null;
  }
}

async function unreadTotal(access: CreatorAccess, client: FanvueClient): Promise<InboxPage["unread"]> {
  try {
    const snap = await withSnapshot(`chats-unread:${access.creator.id}`, () => countUnreadChats(client), {
      maxAgeMs: client.mode === "self" ? COALESCE_MS : AGENCY_UNREAD_MS,
    });
    return { chats: snap.data.count, capped: snap.data.capped };
  } catch {
    return null;
  }
}

export async function getInbox(access: CreatorAccess, q: InboxQuery): Promise<InboxPage> {
  if (q.filter !== "all" && q.list) throw new ApiError("invalid_input", "Choose one filter or one list, not both.", { field: "list" });
  const client = clientForCreator(access);
  const key = `chats:${access.creator.id}:${JSON.stringify([q.filter, q.sort, q.search ?? "", q.list ?? "", q.page])}`;
  const [snap, unread] = await Promise.all([
    withSnapshot(
      key,
      async () => {
        const page = await fetchInboxPage(client, access.creator.fanvueUuid, q, q.page, INBOX_PAGE);
        const online = await presence(client, page.rows.map((r) => r.user.uuid));
        return { items: page.rows.map((r) => toChatRow(r, access.creator.fanvueUuid, online?.get(r.user.uuid) ?? (online ? false : null))), hasMore: page.hasMore, note: page.note };
      },
      { maxAgeMs: COALESCE_MS },
    ),
    unreadTotal(access, client),
  ]);
  return { ...snap.data, page: q.page, unread, fetchedAt: snap.fetchedAt, stale: snap.stale };
}
