import "server-only";
import { utcInstant } from "@/lib/server/sql-instant";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/server/db";
import type { Chat } from "@/lib/server/fanvue/resources/chats";

// Writes to the agency chat mirror (prisma/schema/chat-mirror.prisma): pages
// Fanvue listed, webhook events, and Vuedeck's own sends and edits. Every
// write stamps `updatedAt`; a page read before a newer write leaves that row
// alone, so a slow sync never undoes a webhook or a send.
//
// Timestamps go to SQL as UTC ISO strings cast to `timestamp` (the columns'
// type, in UTC as Prisma stores them), never through the session's zone.

const utc = (v: string | Date | null | undefined) => (v ? new Date(v).toISOString() : null);

type Row = ReturnType<typeof toMirrorRow>;

export function toMirrorRow(c: Chat) {
  const m = c.lastMessage;
  return {
    fanUuid: c.user.uuid,
    handle: c.user.handle,
    displayName: c.user.displayName ?? c.user.handle,
    nickname: c.user.nickname || null,
    avatarUrl: c.user.avatarUrl,
    isTopSpender: c.user.isTopSpender,
    registeredAt: utc(c.user.registeredAt),
    createdAt: utc(c.createdAt),
    lastMessageAt: utc(c.lastMessageAt),
    isRead: c.isRead,
    isMuted: c.isMuted,
    unreadCount: c.unreadMessagesCount,
    lastMessageUuid: m?.uuid ?? null,
    lastMessageText: m?.text ?? null,
    lastMessageType: m?.type ?? null,
    lastMessageSentAt: utc(m?.sentAt),
    lastMessageHasMedia: m?.hasMedia ?? false,
    lastMessageMediaType: m?.mediaType ?? null,
    lastSenderUuid: m?.senderUuid ?? null,
    lastSentByUserId: m?.sentByUserId ?? null,
  };
}

/** Stores one listed page. `readAt`: when the page was requested (rows
 * written after it are newer than the page); `runId`: the full resync that
 * listed them, if any. */
export async function upsertChats(
  creatorId: string,
  rows: Row[],
  readAt: Date,
  runId: string | null,
  tx: Prisma.TransactionClient = db,
) {
  if (rows.length === 0) return;
  const now = utcInstant(Date.now());
  await tx.$executeRaw`
    INSERT INTO "MirrorChat" ("creatorId", "fanUuid", handle, "displayName", nickname, "avatarUrl", "isTopSpender", "registeredAt", "createdAt",
      "lastMessageAt", "isRead", "isMuted", "unreadCount", "lastMessageUuid", "lastMessageText", "lastMessageType", "lastMessageSentAt",
      "lastMessageHasMedia", "lastMessageMediaType", "lastSenderUuid", "lastSentByUserId", "seenRunId", "missedRuns", "updatedAt")
    SELECT ${creatorId}, r."fanUuid", r.handle, r."displayName", r.nickname, r."avatarUrl", r."isTopSpender", r."registeredAt", r."createdAt",
      r."lastMessageAt", r."isRead", r."isMuted", r."unreadCount", r."lastMessageUuid", r."lastMessageText", r."lastMessageType", r."lastMessageSentAt",
      r."lastMessageHasMedia", r."lastMessageMediaType", r."lastSenderUuid", r."lastSentByUserId", ${runId}, 0, ${now}
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r("fanUuid" text, handle text, "displayName" text, nickname text, "avatarUrl" text,
      "isTopSpender" boolean, "registeredAt" timestamp(3), "createdAt" timestamp(3), "lastMessageAt" timestamp(3), "isRead" boolean, "isMuted" boolean,
      "unreadCount" int, "lastMessageUuid" text, "lastMessageText" text, "lastMessageType" text, "lastMessageSentAt" timestamp(3),
      "lastMessageHasMedia" boolean, "lastMessageMediaType" text, "lastSenderUuid" text, "lastSentByUserId" text)
    ON CONFLICT ("creatorId", "fanUuid") DO UPDATE SET
      handle = EXCLUDED.handle, "displayName" = EXCLUDED."displayName", nickname = EXCLUDED.nickname, "avatarUrl" = EXCLUDED."avatarUrl",
      "isTopSpender" = EXCLUDED."isTopSpender", "registeredAt" = EXCLUDED."registeredAt", "createdAt" = EXCLUDED."createdAt",
      "lastMessageAt" = EXCLUDED."lastMessageAt", "isRead" = EXCLUDED."isRead", "isMuted" = EXCLUDED."isMuted", "unreadCount" = EXCLUDED."unreadCount",
      "lastMessageUuid" = EXCLUDED."lastMessageUuid", "lastMessageText" = EXCLUDED."lastMessageText", "lastMessageType" = EXCLUDED."lastMessageType",
      "lastMessageSentAt" = EXCLUDED."lastMessageSentAt", "lastMessageHasMedia" = EXCLUDED."lastMessageHasMedia",
      "lastMessageMediaType" = EXCLUDED."lastMessageMediaType", "lastSenderUuid" = EXCLUDED."lastSenderUuid", "lastSentByUserId" = EXCLUDED."lastSentByUserId",
      "seenRunId" = COALESCE(EXCLUDED."seenRunId", "MirrorChat"."seenRunId"), "missedRuns" = 0, "updatedAt" = EXCLUDED."updatedAt"
    WHERE "MirrorChat"."updatedAt" <= ${utcInstant(readAt)}`;
  if (runId) {
    // Rows kept by the guard above were written after the read: listed all the same.
    await tx.mirrorChat.updateMany({
      where: { creatorId, fanUuid: { in: rows.map((r) => r.fanUuid) } },
      data: { seenRunId: runId, missedRuns: 0 },
    });
  }
}

export type IncomingMessage = { uuid: string; text: string | null; hasMedia: boolean; sentAt: string };
export type FanRef = { uuid: string; handle: string | null; displayName: string | null; avatarUrl: string | null };

/** A fan wrote (webhook "message received"): unread, not answered. A message
 * the mirror already shows (listed by a sync first) changes nothing. */
export async function recordFanMessage(creatorIds: string[], fan: FanRef, m: IncomingMessage) {
  const now = utcInstant(Date.now());
  const sentAt = utcInstant(new Date(m.sentAt));
  for (const creatorId of creatorIds) {
    await db.$executeRaw`
      INSERT INTO "MirrorChat" ("creatorId", "fanUuid", handle, "displayName", "avatarUrl", "createdAt", "lastMessageAt", "isRead", "unreadCount",
        "lastMessageUuid", "lastMessageText", "lastMessageType", "lastMessageSentAt", "lastMessageHasMedia", "lastSenderUuid", "updatedAt")
      VALUES (${creatorId}, ${fan.uuid}, ${fan.handle ?? ""}, ${fan.displayName ?? fan.handle ?? ""}, ${fan.avatarUrl}, ${sentAt}, ${sentAt},
        false, 1, ${m.uuid}, ${m.text}, 'SINGLE_RECIPIENT', ${sentAt}, ${m.hasMedia}, ${fan.uuid}, ${now})
      ON CONFLICT ("creatorId", "fanUuid") DO UPDATE SET
        "isRead" = false, "unreadCount" = "MirrorChat"."unreadCount" + 1,
        "lastMessageAt" = GREATEST("MirrorChat"."lastMessageAt", EXCLUDED."lastMessageAt"),
        "lastMessageUuid" = EXCLUDED."lastMessageUuid", "lastMessageText" = EXCLUDED."lastMessageText", "lastMessageType" = EXCLUDED."lastMessageType",
        "lastMessageSentAt" = EXCLUDED."lastMessageSentAt", "lastMessageHasMedia" = EXCLUDED."lastMessageHasMedia", "lastMessageMediaType" = NULL,
        "lastSenderUuid" = EXCLUDED."lastSenderUuid", "lastSentByUserId" = NULL, "updatedAt" = EXCLUDED."updatedAt"
      WHERE "MirrorChat"."lastMessageUuid" IS DISTINCT FROM EXCLUDED."lastMessageUuid"
        AND ("MirrorChat"."lastMessageSentAt" IS NULL OR "MirrorChat"."lastMessageSentAt" <= EXCLUDED."lastMessageSentAt")`;
  }
}

/** The creator read the fan's messages (webhook "message read", or Vuedeck). */
export async function recordRead(creatorIds: string[], fanUuid: string) {
  await db.mirrorChat.updateMany({
    where: { creatorId: { in: creatorIds }, fanUuid },
    data: { isRead: true, unreadCount: 0, updatedAt: new Date() },
  });
}

/** A message sent from Vuedeck: the chat is answered, by this team member. */
export async function recordOwnSend(
  creatorId: string,
  fanUuid: string,
  m: { uuid: string | null; text: string | null; hasMedia: boolean; senderUuid: string; sentByUserId: string | null },
) {
  const now = new Date();
  await db.mirrorChat.updateMany({
    where: { creatorId, fanUuid },
    data: {
      lastMessageAt: now,
      lastMessageUuid: m.uuid,
      lastMessageText: m.text,
      lastMessageType: "SINGLE_RECIPIENT",
      lastMessageSentAt: now,
      lastMessageHasMedia: m.hasMedia,
      lastMessageMediaType: null,
      lastSenderUuid: m.senderUuid,
      lastSentByUserId: m.sentByUserId,
      updatedAt: now,
    },
  });
}

/** Read/unread, mute and nickname changed from Vuedeck. */
export async function recordPatch(
  creatorId: string,
  fanUuid: string,
  p: { isRead?: boolean; isMuted?: boolean; nickname?: string },
) {
  const row = await db.mirrorChat.findUnique({
    where: { creatorId_fanUuid: { creatorId, fanUuid } },
    select: { unreadCount: true },
  });
  if (!row) return;
  await db.mirrorChat.update({
    where: { creatorId_fanUuid: { creatorId, fanUuid } },
    data: {
      ...(p.isRead === true
        ? { isRead: true, unreadCount: 0 }
        : p.isRead === false
          ? { isRead: false, unreadCount: Math.max(1, row.unreadCount) }
          : {}),
      ...(p.isMuted !== undefined ? { isMuted: p.isMuted } : {}),
      ...(p.nickname !== undefined ? { nickname: p.nickname || null } : {}),
      updatedAt: new Date(),
    },
  });
}
