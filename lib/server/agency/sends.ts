import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { MemberSend, SendKind, SendsPage, SendsQuery } from "@/lib/schemas/performance";
import { db } from "@/lib/server/db";
import { resolveRange } from "@/lib/server/earnings/report";
import { hasPermission, type WorkspaceAccess } from "@/lib/server/workspaces/access";
import { performanceScope } from "./performance";

// The chats behind a member's figures: the messages they sent through
// Vuedeck in the range (all, PPVs, PPVs a fan bought, first replies), newest
// first, each with its fan and a way into the conversation. A chatter sees
// only their own.

const LIMIT = 200;

const KIND: Record<SendKind, Prisma.Sql> = {
  all: Prisma.empty,
  ppv: Prisma.sql`AND cs.price IS NOT NULL`,
  unlocked: Prisma.sql`AND cs.price IS NOT NULL AND cs.unlocked`,
  replies: Prisma.sql`AND cs."waitingSince" IS NOT NULL`,
};

type Row = {
  id: string;
  sentAt: Date;
  creatorId: string;
  fanUuid: string;
  handle: string | null;
  name: string | null;
  text: string | null;
  mediaCount: number;
  price: number | null;
  unlocked: boolean;
  replyMs: number | null;
};

export async function listSends(access: WorkspaceAccess, userId: string, q: SendsQuery): Promise<SendsPage> {
  const scope = await performanceScope(access, userId, q.creatorId);
  const range = await resolveRange({ ...q, granularity: "day", sources: [] }, scope.ids);
  // A chatter asking for someone else gets their own, never theirs.
  const who = scope.onlyUserId ?? q.member;
  const where = Prisma.sql`cs."creatorId" = ANY(${scope.ids}::text[]) AND cs.status = 'sent'
    AND cs."sentAt" >= ${new Date(range.startMs)} AND cs."sentAt" < ${new Date(range.endMs)}
    ${who === undefined ? Prisma.empty : who === "none" ? Prisma.sql`AND cs."senderUserId" IS NULL` : Prisma.sql`AND cs."senderUserId" = ${who}`}
    ${KIND[q.kind]}`;
  const [rows, count] = await Promise.all([
    db.$queryRaw<Row[]>`
      SELECT cs.id, cs."sentAt", cs."creatorId", cs."fanUuid", COALESCE(mc.handle, af.handle) AS handle,
             COALESCE(mc.nickname, mc."displayName", af.nickname, af."displayName") AS name, left(cs.text, 160) AS text,
             cardinality(cs."mediaUuids") AS "mediaCount", cs.price, cs.unlocked,
             (extract(epoch FROM cs."sentAt" - cs."waitingSince") * 1000)::float8 AS "replyMs"
      FROM "ChatSend" cs
      LEFT JOIN "MirrorChat" mc ON mc."creatorId" = cs."creatorId" AND mc."fanUuid" = cs."fanUuid"
      LEFT JOIN "AudienceFan" af ON af."creatorId" = cs."creatorId" AND af."fanUuid" = cs."fanUuid"
      WHERE ${where}
      ORDER BY cs."sentAt" DESC, cs.id
      LIMIT ${LIMIT}`,
    db.$queryRaw<{ n: bigint }[]>`SELECT count(*)::bigint AS n FROM "ChatSend" cs WHERE ${where}`,
  ]);
  const creators = new Map(scope.creators.map((c) => [c.id, c]));
  const canRead = hasPermission(access, "chats:read");
  const sends = rows.map((r): MemberSend => ({
    id: r.id,
    sentAt: r.sentAt.toISOString(),
    creator: creators.get(r.creatorId)!,
    fan: { uuid: r.fanUuid, handle: r.handle, name: r.name },
    text: canRead ? r.text : null,
    mediaCount: r.mediaCount,
    price: r.price,
    unlocked: r.unlocked,
    replyMs: r.replyMs === null ? null : Math.round(r.replyMs),
  }));
  return { sends, total: Number(count[0]?.n ?? 0), limit: LIMIT };
}
