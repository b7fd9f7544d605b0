import "server-only";
import type { ChatCreatorTag, ChatRow, TeamInboxPage, TeamInboxQuery } from "@/lib/schemas/chats";
import { ApiError } from "@/lib/server/api/errors";
import { clientForCreator } from "@/lib/server/creators/client";
import { db } from "@/lib/server/db";
import { scopedCreatorWhere, type WorkspaceAccess } from "@/lib/server/workspaces/access";
import { withHolders } from "./claim-holders";
import { withFanValue } from "./fan-value";
import { fetchInboxPage, INBOX_PAGE, needsReauth, toChatRow } from "./inbox";
import { ensureList, touchMirror } from "./mirror/inbox";
import { FILTER_LISTS, mirrorRowToChat, queryMirrorAfter } from "./mirror/query";

// The team inbox: the chats of every creator a staff member works on, newest
// first, each tagged with its creator. An agency's creators are read from
// the chat mirror in one query (keyset paging: no chat skipped or shown twice
// while chats move); a creator workspace has one creator, read live.

/** More creators than this in one inbox is beyond one screen of tags. */
const MAX_CREATORS = 25;

type Cursor = { at: string | null; creatorId: string; fanUuid: string };

export function decodeCursor(cursor: string | undefined): Cursor | number | null {
  if (!cursor) return null;
  try {
    const v = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown;
    if (typeof v === "number" && Number.isInteger(v) && v > 0) return v;
    const c = v as Cursor;
    if (
      c &&
      typeof c.creatorId === "string" &&
      typeof c.fanUuid === "string" &&
      (c.at === null || (typeof c.at === "string" && !Number.isNaN(Date.parse(c.at))))
    )
      return c;
  } catch {
    // fall through
  }
  throw new ApiError("invalid_input", "Invalid cursor.", { field: "cursor" });
}
const encodeCursor = (c: Cursor | number) => Buffer.from(JSON.stringify(c)).toString("base64url");

export async function scopedCreators(access: WorkspaceAccess) {
  return db.creator.findMany({
    where: scopedCreatorWhere(access),
    orderBy: { displayName: "asc" },
    take: MAX_CREATORS,
  });
}

type Creator = Awaited<ReturnType<typeof scopedCreators>>[number];
const tagOf = (c: Creator): ChatCreatorTag => ({ id: c.id, handle: c.handle, displayName: c.displayName });

async function mirrorTeamInbox(
  access: WorkspaceAccess,
  creators: Creator[],
  q: TeamInboxQuery,
  after: Cursor | null,
): Promise<TeamInboxPage> {
  const conn = access.workspace.connectionId;
  const states = await Promise.all(creators.map((c) => touchMirror(c.id, conn)));
  const byId = new Map(creators.map((c) => [c.id, c]));
  // Audience filters read each creator's own list; a creator whose list is
  // not read yet is reported, not shown as having no such fans.
  const listKey = FILTER_LISTS[q.filter];
  const lists = listKey ? await Promise.all(creators.map((c) => ensureList(c.id, conn, listKey))) : null;
  const res = await queryMirrorAfter(
    creators.map((c) => c.id),
    { filter: q.filter, sort: "recent", search: q.search },
    after,
    INBOX_PAGE,
  );
  const items = res.rows.map((r) => ({
    ...mirrorRowToChat(r, byId.get(r.creatorId)!.fanvueUuid),
    creator: tagOf(byId.get(r.creatorId)!),
  }));
  const last = res.rows.at(-1);
  const synced = states.map((s) => s.syncedAt?.getTime() ?? null);
  return {
    items,
    nextCursor:
      res.hasMore && last
        ? encodeCursor({
            at: last.lastMessageAt?.toISOString() ?? null,
            creatorId: last.creatorId,
            fanUuid: last.fanUuid,
          })
        : null,
    creators: creators.map(tagOf),
    failed: creators.filter((_, i) => synced[i] === null || (lists?.[i]?.pending ?? false)).map(tagOf),
    syncedAt: synced.some((t) => t !== null)
      ? new Date(Math.min(...synced.filter((t): t is number => t !== null))).toISOString()
      : null,
  };
}

async function liveTeamInbox(
  access: WorkspaceAccess,
  creators: Creator[],
  q: TeamInboxQuery,
  page: number,
): Promise<TeamInboxPage> {
  const c = creators[0];
  if (!c) return { items: [], nextCursor: null, creators: [], failed: [], syncedAt: null };
  const a = {
    ...access,
    creator: {
      id: c.id,
      fanvueUuid: c.fanvueUuid,
      handle: c.handle,
      displayName: c.displayName,
      avatarUrl: c.avatarUrl,
    },
  };
  const res = await fetchInboxPage(clientForCreator(a), { ...q, list: undefined }, page, INBOX_PAGE);
  return {
    items: res.rows.map((r) => ({ ...toChatRow(r, c.fanvueUuid, null), creator: tagOf(c) })),
    nextCursor: res.hasMore ? encodeCursor(page + 1) : null,
    creators: [tagOf(c)],
    failed: [],
    syncedAt: null,
  };
}

/** One page of the team inbox; with `you`, chats another member holds carry their name. */
export async function getTeamInbox(access: WorkspaceAccess, q: TeamInboxQuery, you?: string): Promise<TeamInboxPage> {
  const creators = await scopedCreators(access);
  const cursor = decodeCursor(q.cursor);
  const page =
    access.workspace.kind === "agency"
      ? await mirrorTeamInbox(access, creators, q, typeof cursor === "number" ? null : cursor)
      : await liveTeamInbox(access, creators, q, typeof cursor === "number" ? cursor : 1);
  const creatorOf = (r: ChatRow) => r.creator?.id ?? "";
  const [valued, reauth] = await Promise.all([withFanValue(page.items, creatorOf), needsReauth(access)]);
  return { ...page, reauth, items: await withHolders(access, valued, you, creatorOf) };
}
