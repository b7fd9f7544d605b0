import "server-only";
import type { ChatCreatorTag, ChatRow, TeamInboxPage, TeamInboxQuery } from "@/lib/schemas/chats";
import { ApiError } from "@/lib/server/api/errors";
import { clientForCreator } from "@/lib/server/creators/client";
import { db } from "@/lib/server/db";
import type { CreatorAccess, WorkspaceAccess } from "@/lib/server/workspaces/access";
import { mapLimit } from "@/lib/utils/map-limit";
import { fetchInboxPage, INBOX_PAGE, toChatRow } from "./inbox";

// The team inbox: the chats of every creator a staff member works on, merged
// newest first, each tagged with its creator. Paging is a k-way merge: the
// cursor holds how far into each creator's own list we have read, so no chat
// is skipped or shown twice between pages.

/** Creators read in parallel; each has its own Fanvue rate bucket. */
const CONCURRENCY = 4;
/** More creators than this in one inbox would cost too many calls per page. */
const MAX_CREATORS = 25;

type Offsets = Record<string, number>; // creatorId → rows consumed; -1 = done

export function decodeCursor(cursor: string | undefined): Offsets {
  if (!cursor) return {};
  try {
    const v = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown;
    if (v && typeof v === "object" && Object.values(v).every((n) => Number.isInteger(n))) return v as Offsets;
  } catch {
    // fall through
  }
  throw new ApiError("invalid_input", "Invalid cursor.", { field: "cursor" });
}
const encodeCursor = (o: Offsets) => Buffer.from(JSON.stringify(o)).toString("base64url");

export async function scopedCreators(access: WorkspaceAccess) {
  const all = await db.creator.findMany({ where: { workspaceId: access.workspace.id, removedAt: null }, orderBy: { displayName: "asc" } });
  const m = access.membership;
  return all.filter((c) => m.allCreators || m.creatorIds.includes(c.id)).slice(0, MAX_CREATORS);
}

/** Rows of one creator from `offset` on: up to `need` of them, and whether more exist. */
async function readFrom(a: CreatorAccess, q: TeamInboxQuery, offset: number, need: number) {
  const client = clientForCreator(a);
  const rows = [];
  let page = Math.floor(offset / INBOX_PAGE) + 1;
  let skip = offset % INBOX_PAGE;
  let hasMore = true;
  while (rows.length < need && hasMore) {
    const res = await fetchInboxPage(client, a.creator.fanvueUuid, { ...q, list: undefined }, page, INBOX_PAGE);
    rows.push(...res.rows.slice(skip));
    hasMore = res.hasMore;
    skip = 0;
    page++;
  }
  return { rows: rows.slice(0, need), hasMore: hasMore || rows.length > need };
}

export async function getTeamInbox(access: WorkspaceAccess, q: TeamInboxQuery): Promise<TeamInboxPage> {
  const creators = await scopedCreators(access);
  const offsets = decodeCursor(q.cursor);
  const tags: ChatCreatorTag[] = creators.map((c) => ({ id: c.id, handle: c.handle, displayName: c.displayName }));
  const failed: ChatCreatorTag[] = [];
  const reads = await mapLimit(creators, CONCURRENCY, async (c) => {
    const offset = offsets[c.id] ?? 0;
    if (offset < 0) return null;
    const a: CreatorAccess = { ...access, creator: { id: c.id, fanvueUuid: c.fanvueUuid, handle: c.handle, displayName: c.displayName, avatarUrl: c.avatarUrl } };
    try {
      const r = await readFrom(a, q, offset, INBOX_PAGE);
      const tag = tags.find((t) => t.id === c.id)!;
      return { id: c.id, offset, hasMore: r.hasMore, rows: r.rows.map((row) => ({ ...toChatRow(row, c.fanvueUuid, null), creator: tag })) };
    } catch {
      failed.push(tags.find((t) => t.id === c.id)!);
      return null;
    }
  });
  const merged: ChatRow[] = reads.flatMap((r) => r?.rows ?? []).sort((x, y) => (y.lastMessageAt ?? "").localeCompare(x.lastMessageAt ?? ""));
  const items = merged.slice(0, INBOX_PAGE);
  const next: Offsets = { ...offsets };
  let more = false;
  for (const r of reads) {
    if (!r) continue;
    const taken = items.filter((i) => i.creator?.id === r.id).length;
    const done = !r.hasMore && taken === r.rows.length;
    next[r.id] = done ? -1 : r.offset + taken;
    if (!done) more = true;
  }
  return { items, nextCursor: more ? encodeCursor(next) : null, creators: tags, failed };
}
