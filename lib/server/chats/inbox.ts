import "server-only";
import type { ChatRow, InboxPage, InboxQuery } from "@/lib/schemas/chats";
import { ApiError } from "@/lib/server/api/errors";
import { clientForCreator } from "@/lib/server/creators/client";
import { db } from "@/lib/server/db";
import type { FanvueClient } from "@/lib/server/fanvue/client";
import { FanvueError } from "@/lib/server/fanvue/errors";
import { chatStatuses } from "@/lib/server/fanvue/resources/chat-messages";
import { getUnreadCounts, searchChats, type Chat } from "@/lib/server/fanvue/resources/chats";
import { withSnapshot } from "@/lib/server/snapshots";
import type { CreatorAccess, WorkspaceAccess } from "@/lib/server/workspaces/access";
import { withHolders } from "./claim-holders";
import { withFanValue } from "./fan-value";
import { toFanvueInboxQuery } from "./inbox-query";
import { getMirrorInbox } from "./mirror/inbox";

// The chat list. A creator's own account: one page of Fanvue's inbox with
// its documented filters, presence and the unread total, through snapshots
// so a Fanvue outage shows the last list (marked stale) instead of an empty
// inbox. An agency-managed creator: Fanvue documents no filter, search or
// sort there, so the inbox comes from Vuedeck's mirror (./mirror), with its age.

/** 30 rows: a screenful on a desktop; Fanvue allows up to 50. */
export const INBOX_PAGE = 30;
/** Several tabs and the polling fallback share one Fanvue call per query
 * within this window (each call spends the creator's rate budget). */
const COALESCE_MS = 3_000;

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
    lastMessage: last
      ? {
          text: last.text,
          hasMedia: last.hasMedia,
          fromCreator: last.senderUuid === creatorUuid,
          sentAt: last.sentAt,
          type: last.type,
        }
      : null,
    unreadCount: c.unreadMessagesCount,
    isMuted: c.isMuted,
    isOnline: online,
  };
}

export async function fetchInboxPage(
  client: FanvueClient,
  q: Pick<InboxQuery, "filter" | "sort" | "search" | "list">,
  page: number,
  size: number,
) {
  try {
    const res = await searchChats(client, { ...toFanvueInboxQuery(q), page, size });
    return { rows: res.data, hasMore: res.pagination.hasMore };
  } catch (err) {
    if (err instanceof FanvueError && err.kind === "not_found" && q.list)
      throw new ApiError("not_found", "This list no longer exists on Fanvue. Pick another list.", { field: "list" });
    throw err;
  }
}

async function presence(client: FanvueClient, uuids: string[]): Promise<Map<string, boolean> | null> {
  if (uuids.length === 0) return null;
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
    const snap = await withSnapshot(`chats-unread:${access.creator.id}`, () => getUnreadCounts(client), {
      maxAgeMs: COALESCE_MS,
    });
    return { chats: snap.data.unreadChatsCount, capped: false };
  } catch {
    return null;
  }
}

async function getLiveInbox(access: CreatorAccess, q: InboxQuery): Promise<InboxPage> {
  const client = clientForCreator(access);
  const key = `chats:${access.creator.id}:${JSON.stringify([q.filter, q.sort, q.search ?? "", q.list ?? "", q.page])}`;
  const [snap, unread] = await Promise.all([
    withSnapshot(
      key,
      async () => {
        const page = await fetchInboxPage(client, q, q.page, INBOX_PAGE);
        const online = await presence(
          client,
          page.rows.map((r) => r.user.uuid),
        );
        return {
          items: page.rows.map((r) =>
            toChatRow(r, access.creator.fanvueUuid, online?.get(r.user.uuid) ?? (online ? false : null)),
          ),
          hasMore: page.hasMore,
        };
      },
      { maxAgeMs: COALESCE_MS },
    ),
    unreadTotal(access, client),
  ]);
  return {
    ...snap.data,
    page: q.page,
    unread,
    fetchedAt: snap.fetchedAt,
    stale: snap.stale,
    note: null,
    mirror: null,
    reauth: false,
  };
}

/** Whether the workspace's Fanvue sign-in has ended (a refresh failed): the
 * inbox then says so instead of presenting its last copy as live. */
export async function needsReauth(access: WorkspaceAccess): Promise<boolean> {
  const c = await db.fanvueConnection.findUnique({
    where: { id: access.workspace.connectionId },
    select: { status: true },
  });
  return c?.status === "needs_reauth";
}

/** One page of the inbox; with `you`, chats another member holds carry their name. */
export async function getInbox(access: CreatorAccess, q: InboxQuery, you?: string): Promise<InboxPage> {
  if (q.filter !== "all" && q.list)
    throw new ApiError("invalid_input", "Choose one filter or one list, not both.", { field: "list" });
  const [page, reauth] = await Promise.all([
    access.workspace.kind === "agency" ? getMirrorInbox(access, q, INBOX_PAGE) : getLiveInbox(access, q),
    needsReauth(access),
  ]);
  const creatorOf = () => access.creator.id;
  const [held, valued] = await Promise.all([
    withHolders(access, page.items, you, creatorOf),
    withFanValue(page.items, creatorOf),
  ]);
  const values = new Map(valued.map((r) => [r.fanUuid, r.value]));
  return { ...page, reauth, items: held.map((r) => ({ ...r, value: values.get(r.fanUuid) ?? null })) };
}
