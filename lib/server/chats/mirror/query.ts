import "server-only";
import { utcInstant } from "@/lib/server/sql-instant";
import { Prisma, type MirrorChat } from "@/generated/prisma/client";
import type { ChatRow, InboxFilter, InboxSort } from "@/lib/schemas/chats";
import { db } from "@/lib/server/db";

// Reads of the agency chat mirror: one creator's inbox or the team's across
// creators, filtered, searched and sorted in SQL. Pure reads; freshness and
// list caches are the callers' (inbox-mirror.ts).

export type MirrorQuery = {
  filter: InboxFilter;
  sort: InboxSort;
  search?: string;
  /** Members of this cached list only ("smart:<id>" / "custom:<uuid>"). */
  listKey?: string;
};

/** Our audience filters are Fanvue's smart lists, read through the list routes. */
export const FILTER_LISTS: Partial<Record<InboxFilter, string>> = {
  subscribers: "smart:subscribers",
  followers: "smart:followers",
  spent50: "smart:spent_more_than_50",
};

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function conditions(creatorIds: string[], q: MirrorQuery): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`c."creatorId" IN (${Prisma.join(creatorIds)})`];
  if (q.filter === "unread") parts.push(Prisma.sql`c."unreadCount" > 0`);
  // Not answered: the conversation ends with the fan's message.
  if (q.filter === "unanswered") parts.push(Prisma.sql`c."lastSenderUuid" = c."fanUuid"`);
  const listKey = q.listKey ?? FILTER_LISTS[q.filter];
  if (listKey) {
    parts.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "MirrorListMember" m WHERE m."creatorId" = c."creatorId" AND m."listKey" = ${listKey} AND m."fanUuid" = c."fanUuid")`,
    );
  }
  const search = q.search?.trim().replace(/^@/, "");
  if (search) {
    const like = `%${escapeLike(search)}%`;
    parts.push(Prisma.sql`(c."displayName" ILIKE ${like} OR c.handle ILIKE ${like} OR c.nickname ILIKE ${like})`);
  }
  return Prisma.join(parts, " AND ");
}

/** "Most unanswered": chats waiting on a reply first, most unread messages
 * first among them (the mirror knows the unread count, not every message). */
function orderBy(sort: InboxSort): Prisma.Sql {
  const recent = Prisma.sql`c."lastMessageAt" DESC NULLS LAST, c."creatorId", c."fanUuid"`;
  if (sort === "unanswered")
    return Prisma.sql`(c."lastSenderUuid" = c."fanUuid") DESC, c."unreadCount" DESC, ${recent}`;
  return recent;
}

export async function queryMirror(
  creatorIds: string[],
  q: MirrorQuery,
  offset: number,
  limit: number,
): Promise<{ rows: MirrorChat[]; hasMore: boolean }> {
  if (creatorIds.length === 0) return { rows: [], hasMore: false };
  const rows = await db.$queryRaw<MirrorChat[]>`
    SELECT c.* FROM "MirrorChat" c WHERE ${conditions(creatorIds, q)} ORDER BY ${orderBy(q.sort)} OFFSET ${offset} LIMIT ${limit + 1}`;
  return { rows: rows.slice(0, limit), hasMore: rows.length > limit };
}

/** Keyset page of the team inbox, newest first: stable while chats move. */
export async function queryMirrorAfter(
  creatorIds: string[],
  q: MirrorQuery,
  after: { at: string | null; creatorId: string; fanUuid: string } | null,
  limit: number,
) {
  if (creatorIds.length === 0) return { rows: [] as MirrorChat[], hasMore: false };
  const at = after?.at ? utcInstant(new Date(after.at)) : Prisma.sql`NULL::timestamp(3)`;
  // Rows after the cursor in (lastMessageAt DESC NULLS LAST, creatorId, fanUuid).
  const cursor = !after
    ? Prisma.sql`TRUE`
    : after.at
      ? Prisma.sql`(c."lastMessageAt" < ${at} OR c."lastMessageAt" IS NULL OR (c."lastMessageAt" = ${at} AND (c."creatorId", c."fanUuid") > (${after.creatorId}, ${after.fanUuid})))`
      : Prisma.sql`(c."lastMessageAt" IS NULL AND (c."creatorId", c."fanUuid") > (${after.creatorId}, ${after.fanUuid}))`;
  const rows = await db.$queryRaw<MirrorChat[]>`
    SELECT c.* FROM "MirrorChat" c WHERE ${conditions(creatorIds, q)} AND ${cursor} ORDER BY ${orderBy("recent")} LIMIT ${limit + 1}`;
  return { rows: rows.slice(0, limit), hasMore: rows.length > limit };
}

/** Chats with unread messages per creator, from the mirror. */
export async function unreadByCreator(creatorIds: string[]): Promise<Map<string, number>> {
  if (creatorIds.length === 0) return new Map();
  const rows = await db.mirrorChat.groupBy({
    by: ["creatorId"],
    where: { creatorId: { in: creatorIds }, unreadCount: { gt: 0 } },
    _count: { _all: true },
  });
  return new Map(rows.map((r) => [r.creatorId, r._count._all]));
}

export function mirrorRowToChat(r: MirrorChat, creatorUuid: string): ChatRow {
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    fanUuid: r.fanUuid,
    handle: r.handle,
    displayName: r.displayName || null,
    nickname: r.nickname,
    avatarUrl: r.avatarUrl,
    isTopSpender: r.isTopSpender,
    lastMessageAt: iso(r.lastMessageAt),
    lastMessage: r.lastMessageUuid
      ? {
          text: r.lastMessageText,
          hasMedia: r.lastMessageHasMedia,
          fromCreator: r.lastSenderUuid === creatorUuid,
          sentAt: iso(r.lastMessageSentAt),
          type: r.lastMessageType,
        }
      : null,
    unreadCount: r.unreadCount,
    isMuted: r.isMuted,
    // Fanvue does not tell agencies who is online.
    isOnline: null,
  };
}
